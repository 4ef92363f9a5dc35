"""Publication date: stated, or inferred from the report's own dated references.

The sentences are ours. Tense is read with the real spaCy model (slow).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

import pytest

from sitrep.extract.publication_date import (
    dated_references,
    infer_from_references,
    publication_date,
)
from sitrep.models import (
    CleanReport,
    DatedReference,
    DateStatus,
    DateWindow,
    PageFormat,
    PublicationDate,
    RawPage,
)

D = dt.date
PAST, FUTURE, PRESENT, UNKNOWN = (
    DateStatus.PAST,
    DateStatus.FUTURE,
    DateStatus.PRESENT,
    DateStatus.UNKNOWN,
)


def reference(text: str, earliest: dt.date, latest: dt.date, status: DateStatus) -> DatedReference:
    return DatedReference(0, len(text), text, earliest, latest, status)


# -- the window, from references whose status is given (no model needed) ---------------


def test_past_events_bound_the_date_from_below() -> None:
    refs = (
        reference("in 2013", D(2013, 1, 1), D(2013, 12, 31), PAST),
        reference("in November 2024", D(2024, 11, 1), D(2024, 11, 30), PAST),
    )
    result = infer_from_references(refs)
    assert result == PublicationDate(
        D(2024, 11, 1), inferred=True, window=DateWindow(D(2024, 11, 1), None), evidence=refs[1:]
    )


def test_announced_events_bound_the_date_from_above() -> None:
    refs = (
        reference("in 2014", D(2014, 1, 1), D(2014, 12, 31), FUTURE),
        reference("at the end of 2013", D(2013, 1, 1), D(2013, 12, 31), FUTURE),
    )
    result = infer_from_references(refs)
    assert result.value is None  # only an upper bound: no day to name
    assert result.inferred
    assert result.window == DateWindow(None, D(2013, 12, 31))
    assert result.evidence == refs[1:]


def test_past_and_future_make_a_closed_window() -> None:
    refs = (
        reference("in November 2024", D(2024, 11, 1), D(2024, 11, 30), PAST),
        reference("2026-2027", D(2026, 1, 1), D(2027, 12, 31), FUTURE),
    )
    result = infer_from_references(refs)
    assert result.window == DateWindow(D(2024, 11, 1), D(2027, 12, 31))
    assert result.value == D(2024, 11, 1)
    assert result.window.contains(D(2025, 5, 1))


def test_contradictory_evidence_past_wins() -> None:
    refs = (
        reference("in 2015", D(2015, 1, 1), D(2015, 12, 31), PAST),
        reference("in 2014", D(2014, 1, 1), D(2014, 12, 31), FUTURE),  # a plan that slipped
    )
    result = infer_from_references(refs)
    assert result.window == DateWindow(D(2015, 1, 1), None)
    assert result.value == D(2015, 1, 1)
    assert result.evidence == refs[:1]


@pytest.mark.parametrize(
    "refs",
    [
        (),
        (reference("2027-2029", D(2027, 1, 1), D(2029, 12, 31), PRESENT),),
        (reference("up to 2020", D(2020, 1, 1), D(2020, 12, 31), UNKNOWN),),
    ],
)
def test_no_evidence_no_date(refs: tuple[DatedReference, ...]) -> None:
    assert infer_from_references(refs) == PublicationDate(None, inferred=False, window=None)


# -- tense read from our own sentences (spaCy) -------------------------------------------


@pytest.fixture(scope="module")
def nlp(pipeline: Any) -> Any:
    return pipeline.annotator.english


@pytest.mark.slow
@pytest.mark.parametrize(
    ("sentence", "span", "status"),
    [
        ("The programme was adopted in November 2024.", "November 2024", PAST),
        ("The treaty was signed in 1992.", "in 1992", PAST),
        ("The talks took place on 12 May 2019.", "12 May 2019", PAST),
        ("The border has been guarded since 2013.", "since 2013", PAST),
        ("In June 2024, Kazakhstan removed the group from the list.", "June 2024", PAST),
        ("The summit, held in May 2013 in Bishkek, ended without a statement.", "May 2013",
         PAST),
        ("The treaty, signed in 1992, remains in force.", "in 1992", PAST),
        ("The talks, which began in March 2014, continue.", "March 2014", PAST),
        ("Deliveries are planned for 2026-2027.", "2026-2027", FUTURE),
        ("Deliveries will start at the end of 2013.", "at the end of 2013", FUTURE),
        ("The ministry will open the office in March 2015.", "March 2015", FUTURE),
        ("The withdrawal is expected in 2014.", "in 2014", FUTURE),
        ("The election is scheduled for 4 December 2011.", "4 December 2011", FUTURE),
        ("The bridge is to be finished by 2018.", "by 2018", FUTURE),
        ("Russia is going to start deliveries in 2026.", "in 2026", FUTURE),
        ("The company wants to list its shares in 2015.", "in 2015", FUTURE),
        # not a lower bound, whatever the tense around it
        ("Cooperation up to 2020 was discussed.", "up to 2020", UNKNOWN),
        ("The leaders discussed military cooperation up to 2020.", "up to 2020", UNKNOWN),
        ("The budget for 2014 was approved last week.", "for 2014", UNKNOWN),
        ("The parties agreed to meet again in 2015.", "in 2015", UNKNOWN),
        ("The deliveries were planned for 2026.", "for 2026", UNKNOWN),
        ("The ministry hoped for growth in 2013.", "in 2013", UNKNOWN),
        ("He said the plant would open in 2016.", "in 2016", UNKNOWN),
        ("The bridge was to be finished by 2018.", "by 2018", UNKNOWN),
    ],
)  # fmt: skip
def test_status_of_a_dated_reference(
    nlp: Any, sentence: str, span: str, status: DateStatus
) -> None:
    references = dated_references(sentence, nlp(sentence))
    assert [(found.text, found.status) for found in references] == [(span, status)]


@pytest.mark.slow
def test_present_tense_bounds_nothing(nlp: Any) -> None:
    sentence = "The third stage (2027-2029) implies the practical provision of security."
    (found,) = dated_references(sentence, nlp(sentence))
    assert found.status is PRESENT
    assert infer_from_references((found,)).window is None


@pytest.mark.slow
def test_a_mixed_sentence_gives_both_bounds(nlp: Any) -> None:
    sentence = "Construction began in 2012 and will be completed in 2016."
    references = dated_references(sentence, nlp(sentence))
    assert [(found.text, found.status) for found in references] == [
        ("in 2012", PAST),
        ("in 2016", FUTURE),
    ]
    result = infer_from_references(references)
    assert result.window == DateWindow(D(2012, 1, 1), D(2016, 12, 31))


# -- the whole step on a report --------------------------------------------------------

REPORT_TEXT = (
    "Border programme moves to its first stage\n\n"
    "The programme to strengthen the border was adopted by the council in November 2024, "
    "after years of talks. Its first deliveries are planned for 2026-2027, officials said.\n\n"
    "Cooperation up to 2030 was also discussed, and the sides recalled the treaty signed "
    "in 1992."
)


def clean_report(text: str, published: dt.date | None = None) -> CleanReport:
    return CleanReport(
        origin="report.txt",
        format=PageFormat.TEXT,
        text=text,
        title=None,
        url=None,
        source=None,
        author=None,
        published=published,
        published_text=None,
        language="en",
        machine_translated=False,
        removed=(),
        content_hash="0",
    )


@pytest.mark.slow
def test_inferred_from_the_report(nlp: Any) -> None:
    report = clean_report(REPORT_TEXT)
    result = publication_date(report, nlp(report.text), is_parsed=True)
    assert result.inferred
    assert result.window == DateWindow(D(2024, 11, 1), D(2027, 12, 31))
    assert result.value == D(2024, 11, 1)
    assert {found.text for found in result.evidence} == {"November 2024", "2026-2027"}
    for found in result.evidence:
        assert report.text[found.start : found.end] == found.text


@pytest.mark.slow
def test_a_stated_date_wins(nlp: Any) -> None:
    report = clean_report(REPORT_TEXT, published=D(2025, 4, 15))
    result = publication_date(report, nlp(report.text), is_parsed=True)
    assert result == PublicationDate(D(2025, 4, 15), inferred=False, window=None)


@pytest.mark.slow
def test_no_dated_references_no_date(nlp: Any) -> None:
    report = clean_report("The leaders met on Monday and talked about the border at length.")
    result = publication_date(report, nlp(report.text), is_parsed=True)
    assert result == PublicationDate(None, inferred=False, window=None)


def test_an_unparsed_report_gets_no_inferred_date() -> None:
    report = replace(clean_report(REPORT_TEXT), language="ru")
    result = publication_date(report, None, is_parsed=False)  # type: ignore[arg-type]
    assert result == PublicationDate(None, inferred=False, window=None)


@pytest.mark.slow
def test_preview_stores_the_inferred_window(pipeline: Any) -> None:
    page = RawPage("report.txt", REPORT_TEXT, PageFormat.TEXT)
    stored = pipeline.preview(page)
    assert stored.published_inferred
    assert stored.published == D(2024, 11, 1)
    assert stored.published_window == DateWindow(D(2024, 11, 1), D(2027, 12, 31))
