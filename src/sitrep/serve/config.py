"""How one ``sitrep serve`` runs: its store, who may read and who may write."""

from __future__ import annotations

from dataclasses import dataclass

from sitrep.config import Settings

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class ServeConfig:
    """Attributes:
    settings: the store location and the ingest limits (uploads share the input cap).
    write_token: adding reports from the app is allowed with this token; None: off.
    token_for_reads: every request needs the token (the app listens beyond loopback).
    allow_private_urls: URL ingestion may fetch loopback and private addresses.
    max_upload_bytes: the largest request body an upload may send, all files together.
    """

    settings: Settings
    write_token: str | None = None
    token_for_reads: bool = False
    allow_private_urls: bool = False
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES

    @property
    def writes(self) -> bool:
        return bool(self.write_token)
