"""Report: render what the store holds as a dossier (JSON, Markdown)."""

from sitrep.report.dossier import DOSSIER_SCHEMA_VERSION, document_record
from sitrep.report.json_export import write_json
from sitrep.report.markdown import write_markdown

__all__ = ["DOSSIER_SCHEMA_VERSION", "document_record", "write_json", "write_markdown"]
