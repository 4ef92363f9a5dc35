"""Read the ECB+ corpus as plain-text reports, each labelled with the event it reports.

Usage::

    python -m bench.ecbplus [--data PATH]     # counts per topic and sub-event

    from bench.ecbplus import iter_reports, same_event_pairs
    reports = list(iter_reports())            # ../shared/data/ecbplus beside the clone
    pairs = same_event_pairs(reports)

The corpus folder holds one folder per topic (22 topics, ``1`` to ``45``, mostly the odd
numbers) with CAT XML files named ``T_Necb.xml`` and ``T_Necbplus.xml``: topic ``T``,
document ``N``. Each topic deliberately holds two similar but different real-world
events (two earthquakes, two celebrities checking into rehab); the suffix says which one
a report is about, so the sub-event is ``"T:ecb"`` or ``"T:ecbplus"``.

A file is ``<token t_id sentence number>`` elements, then ``<Markables>`` and
``<Relations>`` (event and entity coreference, not read here). Conventions of this
reader:

- The text is rebuilt from the tokens with ``bench.meantime.detokenize``: one sentence
  a paragraph (a blank line between), ordinary English spacing, PTB quotes as ``"``.
  ECB+ also splits inside words ("Lohan ’ s", "90 - day", "6 . 1", "5 , 000"); those
  are joined back first (``join_split_words``), as a parser and the figure extractor
  expect them.
- In ``*ecbplus.xml`` files sentence 0 is the source URL, split into tokens: it is
  joined without spaces into ``EcbReport.url`` and left out of the text. Reports of
  the ``ecb`` half have no URL.
- Reports come sorted by topic, then by document number (``1_2ecb`` before
  ``1_10ecb``), then by name; files whose names do not follow ``T_N(ecb|ecbplus).xml``
  are ignored.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import re
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from bench.meantime import detokenize

# ../shared/data/ecbplus beside the clone, as bench/polnear.py finds PolNeAR.
DEFAULT_DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "ecbplus"

_FILE_NAME = re.compile(r"(?P<topic>\d+)_(?P<number>\d+)(?P<half>ecb|ecbplus)")
_APOSTROPHES = frozenset({"’", "'"})
# What follows a split-off apostrophe in the corpus: "’ s" (255 times), "’ t" (53), ...
_CLITIC_TAILS = frozenset({"s", "t", "re", "ve", "ll", "d", "m"})
# A hyphen before one of these is a dash between clauses ("he added - but while"),
# not a compound's ("follow - up", "36 - year - old", the great majority).
_AFTER_A_DASH = frozenset(
    {"a", "an", "and", "as", "at", "but", "for", "from", "in", "not", "of", "on", "or", "the",
     "to", "with", "which", "who", "he", "she", "it", "they", "we", "i", "you"}
)  # fmt: skip
_DIGITS = re.compile(r"\d+")
_GROUP_LEAD = re.compile(r"\d{1,3}")
_GROUP = re.compile(r"\d{3}")


@dataclass(frozen=True)
class EcbReport:
    """One ECB+ report.

    Attributes:
        topic: the topic folder's number.
        subevent: ``"T:ecb"`` or ``"T:ecbplus"``: the real-world event reported.
        name: the file name without ``.xml`` (``"1_10ecb"``).
        url: the source URL of an ``ecbplus`` report; None for the ``ecb`` half.
        text: the rebuilt text, one paragraph per sentence.
    """

    topic: int
    subevent: str
    name: str
    url: str | None
    text: str

    @property
    def origin(self) -> str:
        """Where the report comes from, relative to ``../shared/data``."""
        return f"ecbplus/{self.topic}/{self.name}.xml"


def joins(left: str, infix: str, right: str) -> bool:
    """Whether ``left infix right`` (three tokens of one sentence) was one word in the report.

    ECB+ splits inside words: clitics ("Lohan ’ s", "didn ’ t"), compounds ("90 - day",
    "follow - up"), decimals and times ("6 . 1", "4 : 59") and thousands ("5 , 000").
    A parser reads such words far better whole, and figures need them whole.
    """
    if infix in _APOSTROPHES:
        return left[-1:].isalnum() and right.lower() in _CLITIC_TAILS
    if infix == "-":
        return left[-1:].isalnum() and right[:1].isalnum() and right.lower() not in _AFTER_A_DASH
    if infix in (".", ":"):
        return bool(_DIGITS.fullmatch(left) and _DIGITS.fullmatch(right))
    if infix == ",":  # "May 2 , 2013" stays apart: a group has three digits
        return bool(_GROUP_LEAD.fullmatch(left) and _GROUP.fullmatch(right))
    return False


def join_split_words(tokens: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Join back the words ECB+ split (see ``joins``); other tokens are unchanged.

    Tokens are ``(text, sentence)``; only tokens of one sentence are joined, and a
    chain joins whole ("36 - year - old" -> "36-year-old"). Two apostrophes in a row
    are one PTB closing quote (``''``).
    """
    joined: list[tuple[str, str]] = []
    index = 0
    while index < len(tokens):
        text, sentence = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            joined
            and following is not None
            and joined[-1][1] == sentence == following[1]
            and joins(joined[-1][0], text, following[0])
        ):
            joined[-1] = (joined[-1][0] + text + following[0], sentence)
            index += 2
            continue
        if text == "'" and following == ("'", sentence):
            joined.append(("''", sentence))
            index += 2
            continue
        joined.append((text, sentence))
        index += 1
    return joined


def parse_report(xml: str, topic: int, name: str) -> EcbReport:
    """One report from the text of its CAT XML file; ``name`` is the file name sans ``.xml``."""
    root = ET.fromstring(xml)
    tokens = [(element.text or "", element.get("sentence", "")) for element in root.iter("token")]
    is_plus = name.endswith("ecbplus")
    url = None
    if is_plus:
        url = "".join(text for text, sentence in tokens if sentence == "0") or None
        tokens = [token for token in tokens if token[1] != "0"]
    text, _ = detokenize(join_split_words(tokens))
    subevent = f"{topic}:{'ecbplus' if is_plus else 'ecb'}"
    return EcbReport(topic, subevent, name, url, text)


def _sort_key(path: Path) -> tuple[int, int, str]:
    match = _FILE_NAME.fullmatch(path.stem)
    assert match is not None  # report_paths keeps only matching names
    return int(match["topic"]), int(match["number"]), path.stem


def report_paths(data_dir: Path) -> list[Path]:
    """The report files under ``data_dir``, in report order (see the module docstring)."""
    paths = [
        path
        for path in data_dir.glob("*/*.xml")
        if path.parent.name.isdigit() and _FILE_NAME.fullmatch(path.stem)
    ]
    return sorted(paths, key=_sort_key)


def iter_reports(data_dir: Path = DEFAULT_DATA) -> Iterator[EcbReport]:
    """Every report under ``data_dir``, sorted by topic, then document number and name."""
    for path in report_paths(data_dir):
        yield parse_report(path.read_text(encoding="utf-8"), int(path.parent.name), path.stem)


def same_event_pairs(reports: Iterable[EcbReport]) -> list[tuple[EcbReport, EcbReport]]:
    """Every unordered pair of reports with the same sub-event, each once, in input order."""
    by_subevent: dict[str, list[EcbReport]] = collections.defaultdict(list)
    for report in reports:
        by_subevent[report.subevent].append(report)
    return [pair for group in by_subevent.values() for pair in itertools.combinations(group, 2)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"skipped: ECB+ is not at {args.data}")
        return 0
    reports = list(iter_reports(args.data))
    counts = collections.Counter(report.subevent for report in reports)
    print(
        f"{len(reports)} reports in {len({report.topic for report in reports})} topics, "
        f"{len(counts)} sub-events, {len(same_event_pairs(reports))} same-event pairs"
    )
    for topic, group in itertools.groupby(reports, key=lambda report: report.topic):
        names = [report.name for report in group]
        print(
            f"topic {topic:>2}: {counts[f'{topic}:ecb']:>3} ecb, "
            f"{counts[f'{topic}:ecbplus']:>3} ecbplus ({names[0]} ... {names[-1]})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
