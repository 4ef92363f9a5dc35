"""The dossier as JSON, streamed: memory stays flat however large the store."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import TextIO

from sitrep.models import StoredReport
from sitrep.report.dossier import document_record, dossier_header


def write_json(reports: Iterable[StoredReport], out: TextIO, generated_at: dt.datetime) -> int:
    """Write the dossier to ``out``; returns the number of documents written."""
    header = json.dumps(dossier_header(generated_at), ensure_ascii=False, indent=2)
    out.write(header[:-2] + ',\n  "documents": [')
    count = 0
    for report in reports:
        out.write("," if count else "")
        out.write("\n    " + json.dumps(document_record(report), ensure_ascii=False))
        count += 1
    out.write("\n  ]\n}\n")
    return count
