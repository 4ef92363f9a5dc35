"""Claims in the store: grouped as reports arrive, copies counted once, contested groups
explained, and nothing left behind when a report fails. Reports are built by hand as the
extractor would leave them (fast: no model)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3

import pytest
from tests.conftest import quoted_report

from sitrep.errors import StoreError
from sitrep.models import (
    Approximation,
    Claim,
    ClaimKind,
    ClaimStatus,
    EntityType,
    Figure,
    LocalEntity,
    Mention,
    Modality,
    ProcessedReport,
    TextSpan,
)
from sitrep.store import sqlite_claims
from sitrep.store.sqlite import SQLiteStore

DAY = dt.date(2013, 9, 23)


def report_with_figure(
    origin: str,
    value: float,
    *,
    approx: Approximation | None = None,
    published: dt.date | None = DAY,
    source: str | None = None,
    measured: str = "troops",
) -> ProcessedReport:
    """A report saying "Russia has {value} {measured} in Tajikistan.", its figure owned by
    Russia (the report's only actor)."""
    base = quoted_report(origin, "nobody", [], published=published, source=source)
    text = base.clean.text + f"\n\nRussia has {value:,.0f} {measured} in Tajikistan."
    start = text.index("Russia has")
    number = text.index(f"{value:,.0f}")
    written = f"{value:,.0f}"
    figure = Figure(number, number + len(written), written, value, "person", approx=approx,
                    measured=measured)  # fmt: skip
    claim = Claim(
        kind=ClaimKind.FIGURE, start=figure.start, end=figure.end, text=written,
        sentence=TextSpan(start, len(text)), subject=0, party="RU", predicate="have",
        object=measured, negated=False, modality=Modality.HAPPENED, actors=(0,), figure=figure,
    )  # fmt: skip
    mention = Mention(start, start + 6, "Russia", EntityType.GPE)
    clean = dataclasses.replace(base.clean, text=text, content_hash=f"hash-{origin}")
    return dataclasses.replace(
        base,
        clean=clean,
        mentions=(mention,),
        entities=(LocalEntity("Russia", EntityType.GPE, ("Russia",), (0,), (), "country:RU"),),
        claims=(claim,),
    )


def groups(store: SQLiteStore) -> list[tuple[ClaimStatus, tuple[int, ...], int]]:
    """(status, sources, number of claims) of every group."""
    return [(g.status, g.sources, len(g.claim_ids)) for g in store.claim_groups()]


def test_agreeing_reports_corroborate_and_a_disagreeing_one_contests(
    memory_store: SQLiteStore,
) -> None:
    first = memory_store.add_report(report_with_figure("a.txt", 7000, approx=Approximation.ABOUT),
                                    None, None)  # fmt: skip
    assert groups(memory_store) == [(ClaimStatus.SINGLE_SOURCE, (first,), 1)]
    second = memory_store.add_report(report_with_figure("b.txt", 7000), None, None)
    assert groups(memory_store) == [(ClaimStatus.CORROBORATED, (first, second), 2)]
    third = memory_store.add_report(
        report_with_figure("c.txt", 5000, source="Steppe Herald"), None, None
    )
    ((group_id, status, explanation, conflicting),) = [
        (g.id, g.status, g.explanation, g.conflicting) for g in memory_store.claim_groups()
    ]
    assert status is ClaimStatus.CONTESTED
    assert explanation == "figures differ: 7,000 vs 5,000 troops"
    claims = list(memory_store.claims(group_id=group_id))
    assert [claim.report_id for claim in claims] == [first, second, third]
    assert set(conflicting) == {claim.id for claim in claims}
    assert [c.report_id for c in memory_store.claims(contested=True)] == [first, second, third]


def test_a_syndicated_copy_adds_no_source_and_no_conflict(memory_store: SQLiteStore) -> None:
    original = memory_store.add_report(report_with_figure("a.txt", 7000), None, None)
    memory_store.add_report(report_with_figure("copy.txt", 7000), original, 0.95)
    assert groups(memory_store) == [(ClaimStatus.SINGLE_SOURCE, (original,), 2)]
    memory_store.add_report(report_with_figure("edited.txt", 5000), original, 0.9)
    assert {status for status, *_ in groups(memory_store)} == {ClaimStatus.SINGLE_SOURCE}


def test_figures_years_apart_do_not_contest(memory_store: SQLiteStore) -> None:
    memory_store.add_report(report_with_figure("a.txt", 7000), None, None)
    later = report_with_figure("b.txt", 5000, published=dt.date(2021, 8, 23))
    memory_store.add_report(later, None, None)
    assert [status for status, *_ in groups(memory_store)] == [ClaimStatus.SINGLE_SOURCE] * 2


def test_claims_of_another_thing_start_their_own_group(memory_store: SQLiteStore) -> None:
    memory_store.add_report(report_with_figure("a.txt", 7000), None, None)
    memory_store.add_report(report_with_figure("b.txt", 5000, measured="refugees"), None, None)
    assert len(groups(memory_store)) == 2


def test_stored_claims_read_back_as_written(memory_store: SQLiteStore) -> None:
    processed = report_with_figure("a.txt", 7000, approx=Approximation.ABOUT)
    report_id = memory_store.add_report(processed, None, None)
    (stored,) = memory_store.claims(report_id=report_id)
    (written,) = processed.claims
    assert stored.claim == dataclasses.replace(written, subject=None, actors=())
    assert stored.subject_entity_id is not None
    assert stored.actor_entity_ids == (stored.subject_entity_id,)


def test_a_failure_while_grouping_leaves_nothing_behind(
    memory_store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    memory_store.add_report(report_with_figure("a.txt", 7000), None, None)

    def broken(*_: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(sqlite_claims, "_refresh", broken)
    with pytest.raises(StoreError, match=r"b\.txt: could not be stored: disk I/O error"):
        memory_store.add_report(report_with_figure("b.txt", 7000), None, None)
    assert len(list(memory_store.reports())) == 1
    assert len(list(memory_store.claims())) == 1
    assert groups(memory_store) == [(ClaimStatus.SINGLE_SOURCE, (1,), 1)]


def test_a_claim_many_reports_repeat_stays_one_group_with_every_source(
    memory_store: SQLiteStore,
) -> None:
    count = sqlite_claims.MAX_GROUP_MEMBERS + 15  # past the window status is read from
    for number in range(count):
        memory_store.add_report(report_with_figure(f"r{number}.txt", 7000), None, None)
    memory_store.add_report(report_with_figure("odd.txt", 5000), None, None)
    ((status, sources, claims),) = groups(memory_store)
    assert (status, len(sources), claims) == (ClaimStatus.CONTESTED, count + 1, count + 1)
