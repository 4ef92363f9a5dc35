"""Tiny CAT XML and brat writers, so the MEANTIME and PolNeAR readers and drivers run on
sentences of our own."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import quoteattr

import pytest

# (token numbers, entity type, syntactic type, instance id or None)
MentionSpec = tuple[Sequence[int], str, str, str | None]


def cat_xml(sentences: Sequence[str], mentions: Sequence[MentionSpec]) -> str:
    """A MEANTIME-shaped document: tokens (split on spaces), mentions, entities, REFERS_TO links.

    Mentions give their token numbers counted across the whole document; a syntactic
    type of "-" leaves the attribute out, as the cross-document pass does.
    """
    lines = ['<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">']
    number = 0
    for sentence, tokens in enumerate(sentences):
        for token in tokens.split():
            text = token.replace("&", "&amp;").replace("<", "&lt;")
            lines.append(
                f'<token number="{number}" sentence="{sentence}" t_id="{number + 1}">{text}</token>'
            )
            number += 1
    lines.append("<Markables>")
    entity_ids: dict[tuple[str, str | None], int] = {}
    links: dict[int, list[int]] = {}
    for m_id, (tokens, _, syntactic, _) in enumerate(mentions, start=1):
        kind = f" syntactic_type={quoteattr(syntactic)}" if syntactic != "-" else ""
        lines.append(f'<ENTITY_MENTION m_id="{m_id}"{kind}>')
        lines += [f'<token_anchor t_id="{token + 1}"/>' for token in tokens]
        lines.append("</ENTITY_MENTION>")
    for m_id, (_, entity_type, _, instance) in enumerate(mentions, start=1):
        key = (entity_type, instance or f"local{m_id}")
        if key not in entity_ids:
            entity_ids[key] = 1000 + len(entity_ids)
            identity = f' instance_id="{instance}"' if instance else ""
            lines.append(
                f'<ENTITY TAG_DESCRIPTOR="x" ent_type="{entity_type}"{identity} '
                f'm_id="{entity_ids[key]}"/>'
            )
        links.setdefault(entity_ids[key], []).append(m_id)
    lines.append('<EVENT_MENTION m_id="999"><token_anchor t_id="1"/></EVENT_MENTION>')
    lines.append('<EVENT m_id="998" class="OTHER"/>')
    lines.append("</Markables>\n<Relations>")
    lines.append('<REFERS_TO r_id="1"><source m_id="999"/><target m_id="998"/></REFERS_TO>')
    for target, sources in links.items():
        lines.append(f'<REFERS_TO r_id="{target}">')
        lines += [f'<source m_id="{source}"/>' for source in sources]
        lines.append(f'<target m_id="{target}"/></REFERS_TO>')
    lines.append("</Relations>\n</Document>")
    return "\n".join(lines)


@pytest.fixture
def write_document(tmp_path: Path) -> Callable[[str, Sequence[str], Sequence[MentionSpec]], Path]:
    """Write ``cat_xml(sentences, mentions)`` to ``tmp_path/name.xml`` and return the path."""

    def write(name: str, sentences: Sequence[str], mentions: Sequence[MentionSpec]) -> Path:
        path = tmp_path / f"{name}.xml"
        path.write_text(cat_xml(sentences, mentions), encoding="utf-8")
        return path

    return write


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Two documents in two topics that share the invented company Norvale Freight."""
    first = cat_xml(
        [
            "Norvale Freight buys Tarsk port",  # tokens 0-4
            "May 04 , 2011",  # 5-8
            "Logistics firm Norvale Freight said it will buy the port of Tarsk .",  # 9-21
            "Chief executive Ada Varga called it `` a good deal '' .",  # 22-33
        ],
        [
            ([0, 1], "ORG", "NAM", "ORG_norvale"),
            ([3], "LOC", "PRE.NAM", "LOC_tarsk"),
            ([17, 18, 19, 20], "LOC", "NOM", "LOC_tarskport"),
            ([9, 10, 11, 12], "ORG", "NAM", "ORG_norvale"),
            ([11, 12], "ORG", "NAM", "ORG_norvale"),
            ([20], "LOC", "NAM", "LOC_tarsk"),
            ([14], "ORG", "PRO", "ORG_norvale"),
            ([22, 23, 24, 25], "PER", "NAM", "PER_varga"),
        ],
    )
    second = cat_xml(
        [
            "Varga leaves Norvale",  # tokens 0-2
            "Update : staff react",  # 3-6
            "Ada Varga left Norvale Freight 's board on Monday .",  # 7-16
        ],
        [
            ([0], "PER", "NAM", "PER_varga"),
            ([2], "ORG", "-", "ORG_norvale"),
            ([7, 8], "PER", "NAM", "PER_varga"),
            ([10, 11], "ORG", "NAM", "ORG_norvale"),
            ([10, 11, 12, 13], "PRO", "", None),
        ],
    )
    for topic, name, text in (("ports", "1_norvale", first), ("people", "2_varga", second)):
        folder = tmp_path / f"corpus_{topic}"
        folder.mkdir()
        (folder / f"{name}.xml").write_text(text, encoding="utf-8")
    return tmp_path


# (content phrases, cue phrase or None, source phrase or None). Each phrase must occur
# once in the text; several content phrases make a discontinuous span, written in the
# order given.
AttributionSpec = tuple[Sequence[str], str | None, str | None]


def brat(text: str, attributions: Sequence[AttributionSpec]) -> str:
    """PolNeAR-shaped brat standoff: Source, Cue, Content and trigger T lines, one E line each."""
    lines: list[str] = []
    number = 0

    def text_bound(label: str, phrases: Sequence[str]) -> str:
        nonlocal number
        number += 1
        spans = []
        for phrase in phrases:
            assert text.count(phrase) == 1, phrase
            start = text.index(phrase)
            spans.append(f"{start} {start + len(phrase)}")
        lines.append(f"T{number}\t{label} {';'.join(spans)}\t{' '.join(phrases)}")
        return f"T{number}"

    for event, (content, cue, source) in enumerate(attributions, start=1):
        roles = []
        if source is not None:
            roles.append(f"Source:{text_bound('Source', [source])}")
        if cue is not None:
            roles.append(f"Cue:{text_bound('Cue', [cue])}")
        roles.append(f"Content:{text_bound('Content', content)}")
        trigger = "Attribution" if source is not None else "Attribution-no-source"
        anchor = text_bound(trigger, [cue] if cue is not None else content[:1])
        lines.append(f"E{event}\t{trigger}:{anchor} {' '.join(roles)}")
    return "\n".join(lines) + "\n"


# Articles of our own: quotations with curly, single and discontinuous marks, reported
# speech with and without a source, and apostrophes that are no quotation marks.
DUNSBY = (
    "Dunsby bridge to open in May\n"
    "\n"
    "“We will not stop here,” said Mara Tolvik, the mayor of Dunsby. "
    "She added that the bridge would open in May.\n"
    "\n"
    "The council warned the plan was ‘reckless.’ "
    "“It costs too much,” one councillor argued, “and helps too few.”\n"
)
DUNSBY_GOLD: list[AttributionSpec] = [
    (["“We will not stop here,”"], "said", "Mara Tolvik"),
    (["that the bridge would open in May"], "added", "She"),
    (["the plan was ‘reckless.’"], "warned", "The council"),
    (["“It costs too much,”", "“and helps too few.”"], "argued", "one councillor"),
]
FERRY = (
    "Ferry fares rise\n"
    "\n"
    "Fares will rise in June, according to a notice. "
    "Residents’ groups doubt the ferry’s future.\n"
)
FERRY_GOLD: list[AttributionSpec] = [
    (["Fares will rise in June"], "according to", None),
    (["the ferry’s future"], "doubt", "Residents’ groups"),
]
PORT = 'Port reopens\n\nThe harbour master said "the port is open again."\n'
PORT_GOLD: list[AttributionSpec] = [(['"the port is open again."'], "said", "The harbour master")]


@pytest.fixture
def polnear_corpus(tmp_path: Path) -> Path:
    """Three articles in PolNeAR's layout; the port story has two annotators' files."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    rows = ["compartment\tfilename\tpublisher\tpublication_date"]
    articles = [
        ("alpha_2016-05-02_dunsby-bridge", DUNSBY, DUNSBY_GOLD, "train", "2016-05-02"),
        ("beta_2016-06-01_ferry-fares", FERRY, FERRY_GOLD, "dev", "2016-06-01"),
        ("gamma_2016-07-04_port-reopens", PORT, PORT_GOLD, "annotator-training", "None"),
    ]
    for name, text, gold, compartment, published in articles:
        (tmp_path / "text" / f"{name}.txt").write_bytes(text.encode("utf-8"))
        ann = tmp_path / "attributions" / f"{name}_b2c3.ann"
        ann.write_bytes(brat(text, gold).encode("utf-8"))
        rows.append(f"{compartment}\t{name}\t{name.split('_')[0]}\t{published}")
    # A second annotator of the port story: never read, or its attribution would count twice.
    second = tmp_path / "attributions" / "gamma_2016-07-04_port-reopens_f00d.ann"
    second.write_bytes(brat(PORT, PORT_GOLD).encode("utf-8"))
    (tmp_path / "metadata.tsv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path
