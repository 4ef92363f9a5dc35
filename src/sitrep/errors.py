"""The errors sitrep raises, one tree, each message saying what to do next.

::

    SitrepError
    ├── InputError            one input could not be ingested; the batch goes on
    │   ├── MissingInput      no such file, or a glob that matched nothing
    │   ├── UnreadableInput   permission denied, a device, a broken link
    │   ├── EmptyInput        nothing but whitespace
    │   ├── BinaryInput       not text (an image, a PDF, an archive)
    │   ├── OversizedInput    larger than the configured cap
    │   ├── UndecodableInput  no text encoding fits
    │   ├── MalformedRecord   a JSON/JSONL record that is not an object with text
    │   ├── NoArticleFound    a page with markup but no article text in it
    │   └── FetchFailed       a URL that could not be fetched
    ├── StoreError            the database cannot be opened or is of a newer schema
    │   └── AlreadyStored     the same text went in meanwhile (another process)
    └── ConfigError           a setting that makes no sense
"""

from __future__ import annotations


class SitrepError(Exception):
    """Base of every error sitrep raises on purpose."""


class InputError(SitrepError):
    """One input could not be ingested. ``origin`` names it; ``reason`` says why."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class MissingInput(InputError):
    pass


class UnreadableInput(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class OversizedInput(InputError):
    pass


class UndecodableInput(InputError):
    pass


class MalformedRecord(InputError):
    pass


class NoArticleFound(InputError):
    pass


class FetchFailed(InputError):
    pass


class StoreError(SitrepError):
    pass


class AlreadyStored(StoreError):
    """The report's text is already stored (``report_id``); nothing was written."""

    def __init__(self, origin: str, report_id: int) -> None:
        super().__init__(f"{origin}: same text as report {report_id}; nothing changed")
        self.report_id = report_id


class ConfigError(SitrepError):
    pass
