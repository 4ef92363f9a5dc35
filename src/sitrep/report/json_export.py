"""The dossier as JSON, streamed: memory stays flat however large the store."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TextIO

from sitrep.models import (
    ClaimGroup,
    Entity,
    QuoteFamily,
    SituatedTime,
    StoredClaim,
    StoredMention,
    StoredQuote,
    StoredReport,
    Story,
    Storyline,
    TimelineEntry,
)
from sitrep.report.dossier import (
    claim_group_record,
    claim_record,
    conflict_record,
    document_record,
    dossier_header,
    entity_record,
    quote_family_record,
    quote_record,
    story_record,
    storyline_record,
    time_record,
    timeline_record,
)


def write_json(
    reports: Iterable[StoredReport],
    out: TextIO,
    generated_at: dt.datetime,
    *,
    times: Iterable[SituatedTime] = (),
    entities: Iterable[tuple[Entity, Iterable[StoredMention]]] = (),
    quotes: Iterable[StoredQuote] = (),
    quote_families: Iterable[QuoteFamily] = (),
    claims: Iterable[StoredClaim] = (),
    claim_groups: Callable[[], Iterable[ClaimGroup]] = tuple,
    stories: Iterable[Story] = (),
    storylines: Iterable[Storyline] = (),
    timeline: Iterable[TimelineEntry] = (),
) -> int:
    """Write the dossier to ``out``; returns the number of documents written.

    Each section is streamed item by item, so the store is never held in memory;
    ``claim_groups`` is called twice (groups, then conflicts), for a fresh stream each time.
    """
    header = json.dumps(dossier_header(generated_at), ensure_ascii=False, indent=2)
    out.write(header[:-2])
    count = _write_section(out, "documents", (document_record(report) for report in reports))
    _write_section(out, "times", (time_record(item) for item in times))
    _write_section(
        out, "entities", (entity_record(entity, mentions) for entity, mentions in entities)
    )
    _write_section(out, "quotes", (quote_record(quote) for quote in quotes))
    _write_section(
        out, "quote_families", (quote_family_record(family) for family in quote_families)
    )
    _write_section(out, "claims", (claim_record(claim) for claim in claims))
    _write_section(out, "claim_groups", (claim_group_record(group) for group in claim_groups()))
    conflicts = (conflict_record(group) for group in claim_groups())
    _write_section(out, "conflicts", (record for record in conflicts if record is not None))
    _write_section(out, "stories", (story_record(story) for story in stories))
    _write_section(out, "storylines", (storyline_record(line) for line in storylines))
    _write_section(out, "timeline", (timeline_record(entry) for entry in timeline))
    out.write("\n}\n")
    return count


def _write_section(out: TextIO, name: str, items: Iterator[dict[str, Any]]) -> int:
    out.write(f',\n  "{name}": [')
    count = 0
    for item in items:
        out.write(("," if count else "") + "\n    " + json.dumps(item, ensure_ascii=False))
        count += 1
    out.write("\n  ]" if count else "]")
    return count
