"""Full-text search over reports, quotes and claims (``store/sqlite_search.py``).

Reports are built by hand as the pipeline would hand them over (fast: no model); one
slow test searches the real sample reports after the real pipeline stored them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from tests.conftest import FakeEmbedder

from sitrep.clean.fingerprint import content_hash, fingerprint
from sitrep.config import Settings
from sitrep.ingest import iter_pages
from sitrep.models import (
    Annotation,
    Claim,
    ClaimKind,
    CleanReport,
    Figure,
    Modality,
    PageFormat,
    ProcessedReport,
    PublicationDate,
    Quote,
    QuoteKind,
    SearchHit,
    SearchKind,
    SearchResults,
    TextSpan,
)
from sitrep.store.migrations import LATEST_VERSION, MIGRATIONS
from sitrep.store.sqlite import SQLiteStore
from sitrep.store.sqlite_search import cut_snippet, match_expression, unmark

SUMMIT = (
    "Leaders met in Sochi on Monday. "
    "The Tajik president asked for help with border security. "
    "Russia has 7,000 troops in Tajikistan, officials said. "
    "The summit ended without a joint statement."
)
SUMMIT_QUOTE = "perfect the algorithms of practical actions"
SUMMIT_WITH_QUOTE = SUMMIT + f" Putin said members must “{SUMMIT_QUOTE}” now."
RUSSIAN = (
    "Президент Таджикистана Эмомали Рахмон провёл встречу в Душанбе. "
    "Стороны обсудили безопасность границы."
)


def _sentences(text: str) -> tuple[TextSpan, ...]:
    """Sentences end at a full stop and the space after it: enough for these texts."""
    spans, start = [], 0
    for index, character in enumerate(text):
        if character == "." and text[start : index + 1].strip():
            spans.append(TextSpan(start, index + 1))
            start = index + 2
    if text[start:].strip():
        spans.append(TextSpan(start, len(text)))
    return tuple(spans)


def report(
    text: str,
    title: str | None = "Untitled",
    *,
    origin: str | None = None,
    quotes: Sequence[str] = (),
    figures: Sequence[str] = (),
) -> ProcessedReport:
    """A report of ``text``, quoting each of ``quotes`` and claiming each of ``figures``
    (all found in ``text``), its sentences cut at full stops."""
    sentences = _sentences(text)
    clean = CleanReport(
        origin=origin or f"reports/{content_hash(text)[:8]}.txt", format=PageFormat.TEXT,
        text=text, title=title, url=None, source=None, author=None, published=None,
        published_text=None, language="en", machine_translated=False, removed=(),
        content_hash=content_hash(text),
    )  # fmt: skip
    return ProcessedReport(
        clean=clean,
        annotation=Annotation("test", sentences, ()),
        publication=PublicationDate(None, inferred=False, window=None),
        fingerprint=fingerprint(text),
        quotes=tuple(_quote(text, remark) for remark in quotes),
        claims=tuple(_figure_claim(text, sentences, written) for written in figures),
    )


def _quote(text: str, remark: str) -> Quote:
    start = text.index(remark)
    return Quote(start, start + len(remark), remark, QuoteKind.DIRECT, "said")


def _figure_claim(text: str, sentences: Sequence[TextSpan], written: str) -> Claim:
    start = text.index(written)
    sentence = next(span for span in sentences if span.start <= start < span.end)
    value = float(written.replace(",", ""))
    figure = Figure(start, start + len(written), written, value, "person", measured="troops")
    return Claim(
        kind=ClaimKind.FIGURE, start=start, end=start + len(written), text=written,
        sentence=sentence, subject=None, party=None, predicate="have", object="troops",
        negated=False, modality=Modality.HAPPENED, figure=figure,
    )  # fmt: skip


def marked(hit: SearchHit) -> list[str]:
    """The words ``marks`` points at in the snippet."""
    return [hit.snippet[start:end] for start, end in hit.marks]


def only(results: SearchResults, kind: SearchKind) -> list[SearchHit]:
    return [hit for hit in results.hits if hit.kind is kind]


# What a user types, and the FTS5 expression it becomes: words are FTS5 strings, never syntax.


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("bridge", '"bridge"*'),
        ("  old   stone bridge ", '"old" AND "stone" AND "bridge"*'),
        ('say "no', '"say" AND """no"*'),
        ("bridge AND NEAR(flood", '"bridge" AND "AND" AND "NEAR(flood"*'),
        ("title:bridge -flood", '"title:bridge" AND "-flood"*'),
        ("7,000 troops", '"7,000" AND "troops"*'),
        ("Рахмон", '"Рахмон"*'),
        ("bridge - *", '"bridge"*'),  # chunks without a word are dropped
        ("", None),
        ("   ", None),
        ('" - * : ( ) ^ +', None),
        ("___", None),
    ],
)
def test_search_match_expression_quotes_every_word(query: str, expression: str | None) -> None:
    assert match_expression(query) == expression


# Finding each kind of thing.


def test_search_finds_a_report_by_a_word_of_its_title(memory_store: SQLiteStore) -> None:
    report_id = memory_store.add_report(report(SUMMIT, "CIS leaders uneasy"), None, None)
    results = memory_store.search("uneasy")
    assert results.total == 1
    (hit,) = results.hits
    assert (hit.kind, hit.id, hit.report_id, hit.title) == (
        SearchKind.REPORT, report_id, report_id, "CIS leaders uneasy",
    )  # fmt: skip
    # Only the title matched: no sentence to point at, the snippet is where the text begins.
    assert (hit.start, hit.end, hit.marks) == (0, 0, ())
    assert hit.snippet.startswith("Leaders met in Sochi on Monday.")


def test_search_points_a_report_hit_at_the_sentence_of_its_first_match(
    memory_store: SQLiteStore,
) -> None:
    report_id = memory_store.add_report(report(SUMMIT), None, None)
    (hit,) = memory_store.search("border security").hits
    assert hit.id == report_id
    assert SUMMIT[hit.start : hit.end] == (
        "The Tajik president asked for help with border security."
    )
    assert marked(hit) == ["border", "security"]


def test_search_finds_a_quote_by_its_words_with_its_span(memory_store: SQLiteStore) -> None:
    processed = report(SUMMIT_WITH_QUOTE, quotes=[SUMMIT_QUOTE])
    report_id = memory_store.add_report(processed, None, None)
    results = memory_store.search("practical algorithms")
    (quote_hit,) = only(results, SearchKind.QUOTE)
    (stored,) = memory_store.quotes(report_id)
    assert (quote_hit.id, quote_hit.report_id) == (stored.id, report_id)
    assert SUMMIT_WITH_QUOTE[quote_hit.start : quote_hit.end] == SUMMIT_QUOTE
    assert quote_hit.snippet == SUMMIT_QUOTE
    assert marked(quote_hit) == ["algorithms", "practical"]
    assert quote_hit.title == "Untitled"
    # The report holds the same words: it is found too, ranked beside its quote.
    assert {hit.kind for hit in results.hits} == {SearchKind.QUOTE, SearchKind.REPORT}


@pytest.mark.parametrize("query", ["7,000 troops", "7,000", "troops Tajikistan", "7,0"])
def test_search_finds_a_figure_claim_by_the_words_of_its_sentence(
    memory_store: SQLiteStore, query: str
) -> None:
    report_id = memory_store.add_report(report(SUMMIT, figures=["7,000"]), None, None)
    (claim_hit,) = only(memory_store.search(query), SearchKind.CLAIM)
    (stored,) = memory_store.claims(report_id=report_id)
    assert claim_hit.id == stored.id
    assert SUMMIT[claim_hit.start : claim_hit.end] == "7,000"  # the claim as written
    assert claim_hit.snippet == "Russia has 7,000 troops in Tajikistan, officials said."


@pytest.mark.parametrize(
    ("query", "found"),
    [
        pytest.param("Рахмон", ["Рахмон"], id="cyrillic"),
        pytest.param("рахмон", ["Рахмон"], id="cyrillic-lower-case"),
        pytest.param("РАХМОН ДУШАНБЕ", ["Рахмон", "Душанбе"], id="cyrillic-upper-case"),
        pytest.param("провёл", ["провёл"], id="cyrillic-yo"),
        pytest.param("безопасн", ["безопасность"], id="cyrillic-prefix"),
    ],
)
def test_search_finds_russian_text(memory_store: SQLiteStore, query: str, found: list[str]) -> None:
    memory_store.add_report(report(RUSSIAN, "Рахмон в Душанбе"), None, None)
    (hit,) = memory_store.search(query).hits
    assert marked(hit) == found


@pytest.mark.parametrize(
    ("text", "query"),
    [
        ("Flights from São Paulo were cancelled.", "sao paulo"),
        ("Flights from Sao Paulo were cancelled.", "São Paulo"),
        ("The naïve plan of Bogotá failed.", "naive bogota"),
        ("Prime Minister Andrej Babiš resigned.", "babis"),
        ("Muñoz SPOKE", "MUNOZ spoke"),
    ],
)
def test_search_ignores_case_and_accents(memory_store: SQLiteStore, text: str, query: str) -> None:
    memory_store.add_report(report(text), None, None)
    assert memory_store.search(query).total == 1


@pytest.mark.parametrize(
    ("query", "total"),
    [
        ("summ", 1),  # typing as you go: the last word is a prefix
        ("the summ", 1),
        ("summ ended", 0),  # only the last word: "summ" is not a word of the text
        ("summits", 0),
        ("Sochi Mon", 1),
    ],
)
def test_search_takes_the_last_word_as_a_prefix(
    memory_store: SQLiteStore, query: str, total: int
) -> None:
    memory_store.add_report(report(SUMMIT), None, None)
    assert memory_store.search(query).total == total


# Each is read as words (SUMMIT says "border security"), whatever it means to FTS5.
@pytest.mark.parametrize(
    ("query", "total"),
    [
        ('"border', 1), ('border"', 1), ("border*", 1), ("-border", 1), ("border -", 1),
        ("^border", 1), ("+border", 1), ("(border", 1), ("border)", 1), ("border's", 1),
        ("AND", 0), ("border AND", 0), ("OR border", 0), ("NOT", 0), ("border NOT security", 0),
        ("NEAR", 0), ("NEAR(border, 2)", 0), ("title:border", 0), ("body: border", 0),
        ("{title body}: border", 0), ('"', 0), ("*", 0), ("'", 0), ("\\", 0), ("%", 0),
        ("_", 0), ("\x00", 0),
    ],
)  # fmt: skip
def test_search_reads_search_syntax_as_text(
    memory_store: SQLiteStore, query: str, total: int
) -> None:
    memory_store.add_report(report(SUMMIT), None, None)
    results = memory_store.search(query)  # never raises
    assert (results.total, len(results.hits)) == (total, total)


@pytest.mark.parametrize("query", ["", "   ", "\n\t", '"', "* - : ^", "…", "—"])
def test_search_without_a_word_finds_nothing(memory_store: SQLiteStore, query: str) -> None:
    memory_store.add_report(report(SUMMIT), None, None)
    assert memory_store.search(query) == SearchResults(0, ())


def test_search_pages_through_every_match(memory_store: SQLiteStore) -> None:
    for number in range(5):
        text = f"Report number {number} says the bridge is closed."
        memory_store.add_report(report(text, f"Bridge {number}"), None, None)
    pages = [memory_store.search("bridge", limit=2, offset=offset) for offset in (0, 2, 4, 6)]
    assert [page.total for page in pages] == [5, 5, 5, 5]
    assert [len(page.hits) for page in pages] == [2, 2, 1, 0]
    ids = [hit.id for page in pages for hit in page.hits]
    assert sorted(ids) == [1, 2, 3, 4, 5]
    assert memory_store.search("bridge", limit=0) == SearchResults(5, ())
    with pytest.raises(ValueError, match="negative"):
        memory_store.search("bridge", offset=-1)


def test_search_keeps_only_the_kinds_asked_for(memory_store: SQLiteStore) -> None:
    processed = report(SUMMIT_WITH_QUOTE, "Troops and algorithms", quotes=[SUMMIT_QUOTE],
                       figures=["7,000"])  # fmt: skip
    memory_store.add_report(processed, None, None)
    everything = memory_store.search("algorithms")
    assert sorted(hit.kind for hit in everything.hits) == [SearchKind.QUOTE, SearchKind.REPORT]
    quotes = memory_store.search("algorithms", kinds=frozenset({SearchKind.QUOTE}))
    assert [hit.kind for hit in quotes.hits] == [SearchKind.QUOTE]
    assert quotes.total == 1
    claims = frozenset({SearchKind.CLAIM, SearchKind.QUOTE})
    assert [hit.kind for hit in memory_store.search("troops", kinds=claims).hits] == [
        SearchKind.CLAIM
    ]
    assert memory_store.search("algorithms", kinds=frozenset()) == SearchResults(0, ())


def test_search_ranks_a_title_match_above_a_passing_mention(memory_store: SQLiteStore) -> None:
    mention = "Markets were calm. " * 3 + "A flood was reported upstream. " + "Trade went on. " * 3
    passing = memory_store.add_report(report(mention, "Market report"), None, None)
    titled = memory_store.add_report(report(SUMMIT, "Flood closes bridge"), None, None)
    assert [hit.id for hit in memory_store.search("flood").hits] == [titled, passing]


# Snippets: a window of words around the first match, marks as offsets into it.


def test_search_snippet_is_a_window_around_the_first_match(memory_store: SQLiteStore) -> None:
    words = [f"word{number}" for number in range(100)]
    words[60] = "Avalanche"
    text = "  ".join(words[:30]) + "\n\n" + "\t".join(words[30:]) + "."
    memory_store.add_report(report(text), None, None)
    (hit,) = memory_store.search("avalanche").hits
    assert hit.snippet == "… " + " ".join(words[50:80]) + " …"
    assert marked(hit) == ["Avalanche"]


@pytest.mark.parametrize(
    ("body", "matches", "snippet", "marks"),
    [
        ("a  b\n\nc", [(3, 4)], "a b c", ["b"]),
        ("", [], "", []),
        ("one two", [], "one two", []),
        # A phrase match across collapsed whitespace keeps one mark over both words.
        ("old   stone bridge", [(0, 11)], "old stone bridge", ["old stone"]),
    ],
)
def test_search_cut_snippet_collapses_whitespace_and_keeps_marks(
    body: str, matches: list[tuple[int, int]], snippet: str, marks: list[str]
) -> None:
    cut = cut_snippet(body, matches)
    assert cut.text == snippet
    assert [cut.text[start:end] for start, end in cut.marks] == marks


def test_search_snippet_leads_with_the_passage_holding_most_words(
    memory_store: SQLiteStore,
) -> None:
    # The first "of" comes long before the passage that holds every word of the query.
    text = "Leaders of many countries met. " + "Filler words here. " * 20 + SUMMIT_WITH_QUOTE
    memory_store.add_report(report(text), None, None)
    (hit,) = memory_store.search("algorithms of practical actions").hits
    assert {"algorithms", "practical", "actions"} <= set(marked(hit))
    assert text[hit.start : hit.end] == f"Putin said members must “{SUMMIT_QUOTE}” now."


def test_search_unmark_reads_highlight_markers() -> None:
    text, spans = unmark("say \ufdd0no\ufdd1 to \ufdd0Рахмон\ufdd1")
    assert text == "say no to Рахмон"
    assert [text[start:end] for start, end in spans] == ["no", "Рахмон"]


# The index keeps in step with the reports.


def test_search_index_follows_a_deleted_report(tmp_path: Path) -> None:
    path = tmp_path / "search.db"
    with SQLiteStore.open(str(path), FakeEmbedder()) as store:
        kept = store.add_report(report(SUMMIT, quotes=["Leaders met in Sochi"]), None, None)
        gone = store.add_report(
            report(SUMMIT_WITH_QUOTE, quotes=[SUMMIT_QUOTE], figures=["7,000"]), None, None
        )
        with sqlite3.connect(path, isolation_level=None) as connection:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("DELETE FROM reports WHERE id = ?", (gone,))
        assert {hit.report_id for hit in store.search("Sochi").hits} == {kept}
        assert store.search("algorithms").total == 0
        assert store.search("7,000").total == 1  # the kept report's text, no claim


def _v6_store(path: Path) -> None:
    """A store as sitrep wrote it before search: schema version 6, one report with a
    quote and a claim."""
    connection = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS:
        if migration.version <= 6:
            connection.executescript(migration.sql)
    connection.execute("PRAGMA user_version = 6")
    sentence = SUMMIT.index("Russia has")
    figure = SUMMIT.index("7,000")
    quote = SUMMIT.index("help with border security")
    connection.execute(
        "INSERT INTO reports (id, origin, title, text, format, content_hash, ingested_at) "
        "VALUES (1, 'old.txt', 'Troops on the border', ?, 'text', 'hash', '2024-01-01')",
        (SUMMIT,),
    )
    connection.execute(
        'INSERT INTO sentences (report_id, position, start, "end") VALUES (1, 0, 0, ?)',
        (len(SUMMIT),),
    )
    connection.execute(
        'INSERT INTO quotes (id, report_id, position, start, "end", text, kind) '
        "VALUES (5, 1, 0, ?, ?, 'help with border security', 'indirect')",
        (quote, quote + 25),
    )
    connection.execute(
        'INSERT INTO claims (id, report_id, source_id, position, kind, start, "end", text, '
        "sentence_start, sentence_end, predicate, negated, modality, actors, varies, context) "
        "VALUES (9, 1, 1, 0, 'figure', ?, ?, '7,000', ?, ?, 'have', 0, 'happened', '[]', 0, '')",
        (figure, figure + 5, sentence, SUMMIT.index("said.") + 5),
    )
    connection.close()


def test_search_finds_what_a_store_held_before_it_had_search(tmp_path: Path) -> None:
    path = tmp_path / "v6.db"
    _v6_store(path)
    with SQLiteStore.open(str(path), FakeEmbedder()) as store:
        assert store.schema_version == LATEST_VERSION >= 7
        hits = store.search("border").hits
        assert {(hit.kind, hit.id) for hit in hits} == {
            (SearchKind.REPORT, 1), (SearchKind.QUOTE, 5),
        }  # fmt: skip
        assert {hit.title for hit in hits} == {"Troops on the border"}
        (claim_hit,) = only(store.search("7,000 troops"), SearchKind.CLAIM)
        assert (claim_hit.id, SUMMIT[claim_hit.start : claim_hit.end]) == (9, "7,000")
        # A report stored after the upgrade is indexed as it is written.
        later = store.add_report(report(RUSSIAN), None, None)
        assert [hit.id for hit in store.search("Рахмон").hits] == [later]


# The real pipeline, on the sample reports.


@pytest.mark.slow
@pytest.mark.seeds
def test_search_finds_quotes_and_claims_the_pipeline_stored(
    pipeline: Any, seeds_dir: Path, tmp_path: Path
) -> None:
    with SQLiteStore.open(str(tmp_path / "seeds.db"), FakeEmbedder()) as store:
        pages = iter_pages([str(seeds_dir)], Settings(db=":memory:"))
        pipeline.ingest(pages, store, lambda outcome: None)
        quotes = only(store.search("algorithms of practical actions"), SearchKind.QUOTE)
        assert quotes and all("algorithms" in hit.snippet for hit in quotes)
        report_text = {stored.id: stored.text for stored in store.reports()}
        hits = store.search("1,300 kilometer border").hits
        assert {hit.kind for hit in hits} == {SearchKind.REPORT, SearchKind.CLAIM}
        for hit in hits:
            assert {"1,300", "kilometer", "border"} <= set(marked(hit)), hit
            span = report_text[hit.report_id][hit.start : hit.end]
            assert span if hit.kind is SearchKind.CLAIM else "1,300-kilometer border" in span
        assert only(store.search("1,300"), SearchKind.CLAIM)
