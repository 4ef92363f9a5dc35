"""Local inputs: folders, globs, missing and unreadable paths, the size cap, formats."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sitrep.errors import InputError, OversizedInput, UnreadableInput
from sitrep.ingest.files import expand_path, format_of, human_size, read_file
from sitrep.models import PageFormat

REPORT = "Residents of the river town said the bridge had been closed since Tuesday.\n"


def _write(root: Path, *names: str) -> None:
    for name in names:
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(REPORT, encoding="utf-8")


def _expand(argument: str | Path, root: Path) -> list[str]:
    """What expand_path yields: paths relative to ``root``, errors as "Class origin: reason"."""
    shown = []
    for item in expand_path(str(argument)):
        if isinstance(item, InputError):
            shown.append(f"{type(item).__name__} {item.origin}: {item.reason}")
        else:
            shown.append(item.relative_to(root).as_posix())
    return shown


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A folder of reports with hidden files and folders an editor or git leaves behind."""
    _write(
        tmp_path,
        "a.txt",
        "b.md",
        "2024/march/c.html",
        "2024/march/d.json",
        "2024/e.txt",
        ".hidden.txt",
        ".git/HEAD",
        "2024/.cache/f.txt",
    )
    return tmp_path


def test_files_folder_recurses_in_order_and_skips_hidden(tree: Path) -> None:
    assert _expand(tree, tree) == [
        "2024/e.txt",
        "2024/march/c.html",
        "2024/march/d.json",
        "a.txt",
        "b.md",
    ]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        pytest.param("*.txt", ["a.txt"], id="star"),
        pytest.param("?.md", ["b.md"], id="question-mark"),
        pytest.param("[ab].*", ["a.txt", "b.md"], id="character-class"),
        pytest.param("**/*.txt", ["2024/e.txt", "a.txt"], id="double-star-suffix"),
        pytest.param("2024/**/*.html", ["2024/march/c.html"], id="double-star-under-folder"),
        # "2024/**" matches 2024/ and 2024/march/: each file still comes once.
        pytest.param(
            "2024/**", ["2024/e.txt", "2024/march/c.html", "2024/march/d.json"], id="folder-star"
        ),
        pytest.param("2024/*", ["2024/e.txt", "2024/march/c.html", "2024/march/d.json"], id="dir"),
        pytest.param(".hidden*", [".hidden.txt"], id="hidden-asked-for"),
    ],
)
def test_files_glob(tree: Path, pattern: str, expected: list[str]) -> None:
    assert _expand(tree / pattern, tree) == expected


def test_files_glob_relative_to_the_working_folder(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tree)
    assert [str(path) for path in expand_path("*/*.txt")] == ["2024/e.txt"]


def test_files_glob_does_not_follow_a_link_loop(tree: Path) -> None:
    # glob.glob follows symbolic links to folders: a loop made "**" list one file
    # dozens of times, once per trip around it.
    (tree / "2024" / "march" / "back").symlink_to(tree, target_is_directory=True)
    assert _expand(tree / "**" / "*.html", tree) == ["2024/march/c.html"]
    assert _expand(tree, tree).count("a.txt") == 1


def test_files_glob_matching_nothing(tree: Path) -> None:
    pattern = tree / "*.pdf"
    assert _expand(pattern, tree) == [f"MissingInput {pattern}: the pattern matches no file"]


def test_files_glob_matching_only_an_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    pattern = tmp_path / "emp*"
    assert _expand(pattern, tmp_path) == [f"MissingInput {pattern}: the pattern matches no file"]


def test_files_name_with_brackets_is_a_file_not_a_pattern(tmp_path: Path) -> None:
    _write(tmp_path, "report [draft].txt", "report d.txt")
    assert _expand(tmp_path / "report [draft].txt", tmp_path) == ["report [draft].txt"]


def test_files_missing_path(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-report.txt"
    assert _expand(missing, tmp_path) == [f"MissingInput {missing}: no such file or folder"]


def test_files_empty_folder_yields_nothing(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert _expand(tmp_path / "empty", tmp_path) == []


def test_files_broken_link_given_directly(tmp_path: Path) -> None:
    link = tmp_path / "moved.txt"
    link.symlink_to(tmp_path / "gone.txt")
    [error] = expand_path(str(link))
    assert isinstance(error, UnreadableInput)
    assert error.origin == str(link)
    assert "broken symbolic link" in error.reason


def test_files_broken_link_in_a_folder_is_reported_not_skipped(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    assert _expand(tmp_path, tmp_path) == [
        "a.txt",
        f"UnreadableInput {tmp_path / 'b.txt'}: a broken symbolic link (its target does not exist)",
    ]


def test_files_link_to_a_file_is_followed(tmp_path: Path) -> None:
    _write(tmp_path, "elsewhere/a.txt")
    (tmp_path / "link.txt").symlink_to(tmp_path / "elsewhere" / "a.txt")
    assert read_file(tmp_path / "link.txt", 1000) == REPORT.encode()


@pytest.mark.parametrize(
    ("size", "cap"),
    [
        pytest.param(100, 100, id="at-the-cap"),
        pytest.param(99, 100, id="under-the-cap"),
        pytest.param(0, 100, id="empty-is-for-decode-to-refuse"),
    ],
)
def test_files_read_within_the_cap(tmp_path: Path, size: int, cap: int) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"x" * size)
    assert read_file(path, cap) == b"x" * size


@pytest.mark.parametrize(
    ("size", "cap", "message"),
    [
        (101, 100, "101 bytes is over the 100 bytes cap"),
        (3 * 1024, 2 * 1024, "3.0 KB is over the 2.0 KB cap"),
        (21 * 1024 * 1024, 20 * 1024 * 1024, "21.0 MB is over the 20.0 MB cap"),
    ],
)
def test_files_refuse_a_file_over_the_cap(
    tmp_path: Path, size: int, cap: int, message: str
) -> None:
    path = tmp_path / "dump.txt"
    with path.open("wb") as handle:  # sparse: the size is what counts, not the bytes
        handle.truncate(size)
    with pytest.raises(OversizedInput) as caught:
        read_file(path, cap)
    assert caught.value.origin == str(path)
    assert caught.value.reason.startswith(message)
    assert "--max-input-mb" in caught.value.reason  # says what to do


def test_files_folder_where_a_file_is_expected(tmp_path: Path) -> None:
    with pytest.raises(UnreadableInput) as caught:
        read_file(tmp_path, 1000)
    assert caught.value.origin == str(tmp_path)
    assert "a folder, not a file" in caught.value.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_files_named_pipe_is_not_read(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    assert _expand(tmp_path, tmp_path) == []  # a folder's pipes are not reports
    with pytest.raises(UnreadableInput, match="not a regular file"):
        read_file(pipe, 1000)  # and reading one given directly must not hang


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file anyway"
)
def test_files_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(REPORT, encoding="utf-8")
    path.chmod(0)
    try:
        with pytest.raises(UnreadableInput) as caught:
            read_file(path, 1000)
    finally:
        path.chmod(0o600)
    assert caught.value.origin == str(path)
    assert caught.value.reason == "permission denied"


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (PermissionError(13, "Permission denied"), "permission denied"),
        (OSError(5, "Input/output error"), "Input/output error"),
    ],
)
def test_files_os_error_while_reading_names_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, reason: str
) -> None:
    # A disk error cannot be made on purpose (nor, as root, a permission error); the
    # error the OS would raise can.
    path = tmp_path / "report.txt"
    path.write_text(REPORT, encoding="utf-8")

    def failing_open(*_args: object, **_kwargs: object) -> None:
        raise error

    monkeypatch.setattr(Path, "open", failing_open)
    with pytest.raises(UnreadableInput) as caught:
        read_file(path, 1000)
    assert caught.value.origin == str(path)
    assert caught.value.reason == reason


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("page.html", PageFormat.HTML),
        ("page.HTM", PageFormat.HTML),
        ("page.xhtml", PageFormat.HTML),
        ("report.md", PageFormat.MARKDOWN),
        ("report.markdown", PageFormat.MARKDOWN),
        ("records.json", PageFormat.RECORD),
        ("records.jsonl", PageFormat.RECORD),
        ("records.ndjson", PageFormat.RECORD),
        ("report.txt", None),  # sniffed from the content
        ("report", None),
        ("article.php", None),
    ],
)
def test_files_format_by_suffix(name: str, expected: PageFormat | None) -> None:
    assert format_of(Path(name)) is expected


@pytest.mark.parametrize(
    ("size", "expected"),
    [
        (0, "0 bytes"),
        (1023, "1023 bytes"),
        (1024, "1.0 KB"),
        (1536, "1.5 KB"),
        (20 * 1024 * 1024, "20.0 MB"),
    ],
)
def test_files_human_size(size: int, expected: str) -> None:
    assert human_size(size) == expected
