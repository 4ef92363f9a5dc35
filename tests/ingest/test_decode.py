"""Bytes to text: every encoding a report arrives in, and every input that is not text."""

from __future__ import annotations

import codecs

import pytest

from sitrep.errors import BinaryInput, EmptyInput, UndecodableInput
from sitrep.ingest.decode import decode_bytes

ENGLISH = "Residents of the river town said the bridge had been closed since Tuesday."
RUSSIAN = (
    "Вчера вечером в центре города прошёл митинг. Полиция задержала нескольких "
    "участников, сообщают местные журналисты."
)
UKRAINIAN = (
    "Учора ввечері в центрі міста відбувся мітинг. Поліція затримала кількох учасників, "
    "повідомляють місцеві журналісти."
)
FRENCH = "Le café coûte £3 à Paris, déjà très cher pour un thé, selon le journal."
GERMAN = "Die Straße zum Größeren Platz war gesperrt, berichtete die Zeitung über den Umzug."
POLISH = "Wczoraj wieczorem w centrum miasta odbył się wiec. Policja zatrzymała kilku uczestników."
TURKISH = "Dün akşam şehir merkezinde bir miting düzenlendi. Polis birkaç kişiyi gözaltına aldı."
GREEK = "Χθες το βράδυ πραγματοποιήθηκε συλλαλητήριο στο κέντρο της πόλης της Λάρισας."
CHINESE = "昨晚，市中心举行了集会。据当地记者报道，警方拘留了几名参与者。"


@pytest.mark.parametrize(
    ("text", "encoding", "expected"),
    [
        pytest.param(ENGLISH, "utf-8", "utf-8", id="ascii"),
        pytest.param(RUSSIAN, "utf-8", "utf-8", id="utf-8-russian"),
        pytest.param(FRENCH, "utf-8", "utf-8", id="utf-8-french"),
        pytest.param(RUSSIAN, "cp1251", "cp1251", id="windows-1251-russian"),
        pytest.param(UKRAINIAN, "cp1251", "cp1251", id="windows-1251-ukrainian"),
        pytest.param("Привет, мир", "cp1251", "cp1251", id="windows-1251-two-words"),
        pytest.param(RUSSIAN, "koi8-r", "koi8-r", id="koi8-r"),
        pytest.param(RUSSIAN.lower(), "koi8-r", "koi8-r", id="koi8-r-no-capitals"),
        pytest.param(UKRAINIAN, "koi8-u", "koi8-u", id="koi8-u"),
        pytest.param(RUSSIAN, "cp866", "cp866", id="dos-cyrillic"),
        # Latin-1 files are read as Windows-1252, its superset, as browsers do.
        pytest.param(FRENCH, "latin-1", "cp1252", id="latin-1-french"),
        pytest.param(GERMAN, "latin-1", "cp1252", id="latin-1-german"),
        pytest.param("café £3", "latin-1", "cp1252", id="latin-1-two-words"),
        pytest.param("“Quoted,” she said — twice…", "cp1252", "cp1252", id="windows-1252"),
        pytest.param(POLISH, "cp1250", "cp1250", id="windows-1250-polish"),
        pytest.param(TURKISH, "cp1254", "cp1254", id="windows-1254-turkish"),
        pytest.param(GREEK, "cp1253", "cp1253", id="windows-1253-greek"),
        pytest.param(CHINESE, "gb18030", "gb18030", id="gb18030-chinese"),
    ],
)
def test_decode_finds_the_encoding(text: str, encoding: str, expected: str) -> None:
    decoded = decode_bytes(text.encode(encoding), "report.txt")
    assert decoded.text == text
    assert decoded.encoding == expected


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(codecs.BOM_UTF8 + RUSSIAN.encode(), "utf-8-sig", id="utf-8-bom"),
        pytest.param(RUSSIAN.encode("utf-16"), "utf-16", id="utf-16-native-bom"),
        pytest.param(codecs.BOM_UTF16_LE + RUSSIAN.encode("utf-16-le"), "utf-16", id="utf-16-le"),
        pytest.param(codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), "utf-16", id="utf-16-be"),
        pytest.param(RUSSIAN.encode("utf-32"), "utf-32", id="utf-32"),
    ],
)
def test_decode_follows_the_byte_order_mark(data: bytes, expected: str) -> None:
    decoded = decode_bytes(data, "report.txt")
    assert decoded.text == RUSSIAN  # the mark itself is not part of the text
    assert decoded.encoding == expected


@pytest.mark.parametrize(
    ("data", "declared", "expected"),
    [
        pytest.param(RUSSIAN.encode("cp1251"), "windows-1251", RUSSIAN, id="declared-used"),
        # Valid UTF-8 is UTF-8, whatever an old server configuration claims.
        pytest.param(FRENCH.encode("utf-8"), "ISO-8859-1", FRENCH, id="utf-8-beats-header"),
        # "Latin-1" pages are full of Windows quotes in 0x80-0x9F: read as Windows-1252.
        pytest.param(b"\x93Yes,\x94 he said.", "iso-8859-1", "“Yes,” he said.", id="latin-1"),
        pytest.param(RUSSIAN.encode("cp1251"), "x-no-such-charset", RUSSIAN, id="unknown-label"),
        # A header that lies (UTF-8 for Windows-1251 bytes) is overruled by detection.
        pytest.param(RUSSIAN.encode("cp1251"), "utf-8", RUSSIAN, id="false-header"),
    ],
)
def test_decode_weighs_the_declared_encoding(data: bytes, declared: str, expected: str) -> None:
    assert decode_bytes(data, "https://example.org/a", declared).text == expected


@pytest.mark.parametrize(
    "head",
    [
        '<meta charset="windows-1251">',
        "<meta charset=koi8-r>",
        '<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">',
    ],
)
def test_decode_reads_the_charset_a_page_declares(head: str) -> None:
    # Two words are too few to tell the Cyrillic code pages apart; the page says which.
    encoding = "cp1251" if "1251" in head else "koi8-r"
    page = f"<html><head>{head}</head><body><p>Митинг прошёл</p></body></html>"
    decoded = decode_bytes(page.encode(encoding), "page.html")
    assert "Митинг прошёл" in decoded.text
    assert decoded.encoding == encoding


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        pytest.param(b"one\r\ntwo\r\n", "one\ntwo\n", id="crlf"),
        pytest.param(b"one\rtwo\r", "one\ntwo\n", id="old-mac-cr"),
        pytest.param(b"one\r\n\r\ntwo\rthree\n", "one\n\ntwo\nthree\n", id="mixed"),
        pytest.param("а\r\nб".encode("utf-16"), "а\nб", id="crlf-in-utf-16"),
    ],
)
def test_decode_normalises_newlines(data: bytes, expected: str) -> None:
    assert decode_bytes(data, "report.txt").text == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        pytest.param(b"", "empty", id="no-bytes"),
        pytest.param(b" \t\r\n  \n", "empty", id="ascii-whitespace"),
        pytest.param(codecs.BOM_UTF8, "whitespace", id="bom-only"),
        pytest.param("  \n\t ".encode("utf-16"), "whitespace", id="utf-16-whitespace"),
        pytest.param("\u00a0\u2003\n".encode(), "whitespace", id="unicode-spaces"),
    ],
)
def test_decode_refuses_empty_input(data: bytes, reason: str) -> None:
    with pytest.raises(EmptyInput) as caught:
        decode_bytes(data, "notes/blank.txt")
    assert caught.value.origin == "notes/blank.txt"
    assert reason in caught.value.reason
    assert str(caught.value).startswith("notes/blank.txt: ")


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF", id="pdf"),
        pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG", id="png"),
        pytest.param(b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG", id="jpeg"),
        pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "ZIP", id="zip-or-docx"),
        pytest.param(b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip", id="gzip"),
        pytest.param(b"SQLite format 3\x00\x10\x00", "SQLite", id="sqlite"),
        pytest.param(b"Residents said\x00\x00\x01\x02 the bridge", "NUL", id="nul-bytes"),
        # UTF-16 without a byte-order mark is not guessed: its NULs mark it binary.
        pytest.param(ENGLISH.encode("utf-16-le"), "NUL", id="utf-16-without-bom"),
    ],
)
def test_decode_refuses_binary_input(data: bytes, kind: str) -> None:
    with pytest.raises(BinaryInput) as caught:
        decode_bytes(data, "inbox/attachment.bin")
    assert caught.value.origin == "inbox/attachment.bin"
    assert kind in caught.value.reason
    assert "not a text report" in caught.value.reason


def test_decode_refuses_bytes_no_encoding_reads_as_text() -> None:
    # Every high byte in turn, with no NUL: each code page reads it as a jumble of
    # symbols and letters, and none well enough to pass for text.
    data = bytes(range(0x80, 0x100)) * 8
    with pytest.raises(UndecodableInput) as caught:
        decode_bytes(data, "noise.txt")
    assert "UTF-8" in caught.value.reason  # says what to do
