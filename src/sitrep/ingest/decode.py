"""Bytes to text: refuse binaries, find the encoding, say when it was not UTF-8."""

from __future__ import annotations

import codecs
import re
import unicodedata
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

# The legacy code pages reports still arrive in, most common first: the order breaks
# ties between readings that look equally plausible. charset-normalizer alone is not
# enough here: on a short French or English paragraph in Latin-1 it prefers Baltic or
# Central European code pages ("coûte" read as "coūte").
_LEGACY_ENCODINGS = (
    "cp1252",  # Western European; the superset of Latin-1 that browsers read it as
    "cp1251",  # Cyrillic: Russian, Ukrainian, Belarusian, Bulgarian, Mongolian
    "koi8_r",
    "koi8_u",
    "cp866",  # Cyrillic, from DOS
    "cp1254",  # Turkish, Azerbaijani
    "cp1250",  # Central European: Polish, Czech, Hungarian
    "cp1253",  # Greek
    "cp1256",  # Arabic, Persian, Urdu
    "cp1255",  # Hebrew
)
# Labels that mean Windows-1252 in practice (the WHATWG Encoding Standard reads them so:
# pages labelled Latin-1 are full of Windows curly quotes).
_MEANS_WINDOWS_1252 = frozenset({"iso8859-1", "ascii"})
_MARKUP_CHARSET = re.compile(
    rb"<meta[^>]+charset\s*=\s*[\"']?\s*([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*[\"']([\w.:-]+)",
    re.IGNORECASE,
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
# Enough text to tell the code pages apart; scoring more only costs time.
_SCORED_CHARS = 16384
# Eth and thorn are Icelandic; in other text read as Windows-1252 they are Cyrillic,
# Greek or Turkish letters misread.
_RARE_LETTERS = frozenset("ðþÐÞ")
_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARABIC", "HEBREW")
# Punctuation that may sit between two letters: apostrophes, dashes, the Catalan dot.
_JOINERS = frozenset("’‘'-‐‑–—·")
_COMMON_SYMBOLS = frozenset("€£¥¢°©®™№§±×")
_WORD = re.compile(r"\b[^\W\d_]{3,}\b")
# Words of three letters or more without a vowel are rare in these alphabets (a few
# abbreviations) and common in Hebrew or Arabic misread as one of them.
_VOWELS = {
    "CYRILLIC": frozenset("аеёиоуыэюяіїєў"),
    "GREEK": frozenset("αεηιουωάέήίόύώϊϋΐΰ"),
}


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str  # as Python names it; "utf-8" for the common case


def decode_bytes(data: bytes, origin: str, declared_encoding: str | None = None) -> DecodedText:
    """Decode an input to text, newlines normalised the way Python's text mode does.

    Tries a byte-order mark, strict UTF-8 (valid UTF-8 is UTF-8 whatever a header
    claims), the declared encoding (an HTTP header), a ``<meta charset>`` in the
    page, and then the most plausible reading among the legacy code pages, which
    tells Windows-1251 from Latin-1.

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
    for candidate in ("utf-8", declared, _markup_charset(data)):
        if candidate is None:
            continue
        candidate = _what_it_means(candidate)
        if candidate is not None and _decodes(data, candidate):
            return candidate
    return _most_plausible(data, origin)


def _markup_charset(data: bytes) -> str | None:
    """The charset a page declares in its ``<meta>`` or XML declaration, if any."""
    match = _MARKUP_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii")
    # A page we could read the label of is not UTF-16 or UTF-32, whatever it says.
    return None if label.lower().startswith(("utf-16", "utf-32", "utf16", "utf32")) else label


def _what_it_means(label: str) -> str | None:
    """The codec a charset label names, or None when Python does not know it."""
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    return "cp1252" if name in _MEANS_WINDOWS_1252 else name


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _most_plausible(data: bytes, origin: str) -> str:
    """The legacy code page (or charset-normalizer's guess) whose reading looks most like text.

    Each reading is scored by what real text rarely has and misread text is full of;
    the lowest score wins and ties go to the more common code page.
    """
    best: tuple[int, str] | None = None
    for encoding in _LEGACY_ENCODINGS:
        score = _implausibility(data, encoding)
        if score is not None and (best is None or score < best[0]):
            best = (score, encoding)
            if score == 0:
                return encoding
    guess = from_bytes(data).best()
    if guess is not None:
        score = _implausibility(data, guess.encoding)
        if score is not None and (best is None or score < best[0]):
            best = (score, guess.encoding)
    if best is None or best[0] > _tolerated(data, best[1]):
        raise UndecodableInput(
            origin, "no text encoding fits these bytes; save the file as UTF-8 and try again"
        )
    return best[1]


def _implausibility(data: bytes, encoding: str) -> int | None:
    """How un-text-like ``data`` reads in ``encoding``; None when it does not decode.

    Counts what real text rarely has and misread text is full of: control characters,
    stray symbols (box drawing, superscripts: CJK read as a DOS code page), punctuation
    wedged between letters ("za¿ó³æ" is Polish misread), marks on no letter, words
    mixing scripts ("cafй"), a capital after a small letter (KOI8-R read as
    Windows-1251 swaps the case), runs of three accented Latin letters and Icelandic
    letters (Cyrillic or Greek read as Windows-1252), and Cyrillic or Greek words
    without a vowel (Hebrew read as Windows-1251 or Windows-1253).
    """
    try:
        text = data.decode(encoding)[:_SCORED_CHARS]
    except (UnicodeDecodeError, LookupError):
        return None
    score = 0
    for match in _NON_ASCII.finditer(text):
        index = match.start()
        character = match.group()
        before = text[index - 1] if index else " "
        after = text[index + 1] if index + 1 < len(text) else " "
        category = unicodedata.category(character)
        if category in {"Cc", "Co", "Cn", "Cs"}:
            score += 10
        elif category.startswith("L"):
            score += _letter_implausibility(character, text, index)
        elif category.startswith("M"):
            score += int(not before.isalpha())
        elif category.startswith(("S", "No")):
            score += int(character not in _COMMON_SYMBOLS)
        elif category.startswith("P"):
            wedged = before.isalpha() and after.isalpha()
            score += int(wedged and character not in _JOINERS)
    return score + sum(_lacks_vowels(word) for word in _WORD.findall(text))


def _letter_implausibility(character: str, text: str, index: int) -> int:
    score = int(character in _RARE_LETTERS)
    before = text[index - 1] if index else " "
    if before.isalpha():
        score += int(before.islower() and character.isupper())
        scripts = (_script(before), _script(character))
        score += int(None not in scripts and scripts[0] != scripts[1])
        if index >= 2 and _is_accented_latin(before) and _is_accented_latin(text[index - 2]):
            score += int(_is_accented_latin(character))
    return score


def _lacks_vowels(word: str) -> bool:
    vowels = _VOWELS.get(_script(word[0]) or "")
    return vowels is not None and vowels.isdisjoint(word.lower())


def _script(character: str) -> str | None:
    name = unicodedata.name(character, "")
    return next((script for script in _SCRIPTS if name.startswith(script)), None)


def _is_accented_latin(character: str) -> bool:
    return not character.isascii() and character.isalpha() and _script(character) == "LATIN"


def _tolerated(data: bytes, encoding: str) -> int:
    """The score above which no reading is text: a problem in one non-ASCII character of four."""
    sample = data.decode(encoding)[:_SCORED_CHARS]
    return max(4, len(_NON_ASCII.findall(sample)) // 4)
