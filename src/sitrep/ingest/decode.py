"""Bytes to text: refuse binaries, find the encoding, say when it was not UTF-8."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from charset_normalizer import from_bytes

from sitrep.errors import BinaryInput, EmptyInput, UndecodableInput

# Magic numbers of the binary formats people most often drop into a folder of reports.
_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or an Office document)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Office document",
    b"\x7fELF": "an executable",
    b"SQLite format 3": "a SQLite database",
}
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SNIFF_BYTES = 8192


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # as Python names it; "utf-8" for the common case


def decode_bytes(data: bytes, origin: str, declared_encoding: str | None = None) -> DecodedText:
    """Decode an input to text, newlines normalised the way Python's text mode does.

    Tries a byte-order mark, the declared encoding (an HTTP header), strict UTF-8, and
    then charset-normalizer's best guess, which tells Windows-1251 from Latin-1.

    Raises:
        EmptyInput: no bytes, or only whitespace once decoded.
        BinaryInput: a known binary signature, or NUL bytes in text that has no BOM.
        UndecodableInput: no encoding fits.
    """
    if not data.strip():
        raise EmptyInput(origin, "the input is empty; nothing to ingest")
    encoding = _bom_encoding(data)
    if encoding is None:
        _refuse_binary(data, origin)
        encoding = _guess_encoding(data, declared_encoding, origin)
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as error:
        raise UndecodableInput(origin, f"cannot be decoded as {encoding}: {error}") from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise EmptyInput(origin, "the input holds only whitespace; nothing to ingest")
    return DecodedText(text=text, encoding=codecs.lookup(encoding).name)


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _refuse_binary(data: bytes, origin: str) -> None:
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise BinaryInput(
                origin, f"this is {kind}, not a text report; convert it to text first"
            )
    if b"\x00" in data[:_SNIFF_BYTES]:
        raise BinaryInput(origin, "this is binary data (NUL bytes), not a text report")


def _guess_encoding(data: bytes, declared: str | None, origin: str) -> str:
    candidates = [declared] if declared else []
    for candidate in [*candidates, "utf-8"]:
        try:
            data.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
        return candidate
    best = from_bytes(data).best()
    if best is None:
        raise UndecodableInput(
            origin, "no text encoding fits these bytes; save the file as UTF-8 and try again"
        )
    return str(best.encoding)
