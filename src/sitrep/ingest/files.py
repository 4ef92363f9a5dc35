"""Local inputs: expand paths, folders and globs; read files within the size cap."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from sitrep.errors import InputError, MissingInput, OversizedInput, UnreadableInput
from sitrep.models import PageFormat

_FORMAT_BY_SUFFIX = {
    ".html": PageFormat.HTML,
    ".htm": PageFormat.HTML,
    ".xhtml": PageFormat.HTML,
    ".md": PageFormat.MARKDOWN,
    ".markdown": PageFormat.MARKDOWN,
    ".json": PageFormat.RECORD,
    ".jsonl": PageFormat.RECORD,
    ".ndjson": PageFormat.RECORD,
}
_GLOB_CHARACTERS = frozenset("*?[")


def expand_path(argument: str) -> Iterator[Path | InputError]:
    """The files one command-line argument names, in a stable order.

    A file is itself; a folder is every file under it that is not hidden; a pattern
    with ``*``, ``?`` or ``[`` is a glob (``**`` recurses), unless a file of that very
    name exists (``report [draft].txt``). Folders and globs never follow symbolic
    links to folders, so a link loop cannot make a batch endless. Something that
    names nothing yields a ``MissingInput`` so the caller can report it and go on.
    """
    path = Path(argument)
    if _GLOB_CHARACTERS & set(argument) and not (path.exists() or path.is_symlink()):
        yield from _expand_glob(argument)
    elif path.is_dir():
        yield from _files_under(path)
    elif path.exists():
        yield path
    elif path.is_symlink():
        yield UnreadableInput(argument, "a broken symbolic link (its target does not exist)")
    else:
        yield MissingInput(argument, "no such file or folder")


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refusing anything larger than ``max_bytes``.

    Raises:
        OversizedInput: the file is over the cap (we refuse rather than truncate a report).
        UnreadableInput: a folder, permission denied, a device, or another OS error.
    """
    origin = str(path)
    try:
        if path.is_dir():
            raise UnreadableInput(origin, "a folder, not a file; give the folder to ingest")
        if not path.is_file():
            raise UnreadableInput(origin, "not a regular file (a device, a pipe or a socket)")
        size = path.stat().st_size
        if size > max_bytes:
            raise OversizedInput(origin, oversized_reason(human_size(size), max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError as error:
        raise UnreadableInput(origin, "permission denied") from error
    except OSError as error:
        raise UnreadableInput(origin, error.strerror or str(error)) from error
    if len(data) > max_bytes:  # the file grew while we read it
        raise OversizedInput(origin, oversized_reason(f"over {human_size(max_bytes)}", max_bytes))
    return data


def format_of(path: Path) -> PageFormat | None:
    """The format a file's suffix promises, or None to sniff the content."""
    return _FORMAT_BY_SUFFIX.get(path.suffix.lower())


def oversized_reason(size: str, max_bytes: int) -> str:
    """Why an input of ``size`` ("3.2 MB", "over 20.0 MB") is refused, cap and remedy."""
    return (
        f"{size} is over the {human_size(max_bytes)} cap; "
        "raise it with --max-input-mb if this really is one report"
    )


def human_size(size: int) -> str:
    """``532 bytes``, ``12.5 KB``, ``20.0 MB`` (binary multiples, as the cap is given)."""
    if size < 1024:
        return f"{size} bytes"
    if size < 1024 * 1024:
        return f"{size / 1024:.1f} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def _expand_glob(argument: str) -> Iterator[Path | InputError]:
    root, pattern = _split_pattern(argument)
    # A pattern that names hidden files on purpose (".drafts/*", "*/.x*") gets them.
    wants_hidden = any(part.startswith(".") for part in Path(pattern).parts)
    seen: set[str] = set()  # "a/**" matches a/ and a/b/: each file once
    # pathlib's "**", unlike glob.glob's, does not follow symbolic links to folders.
    for match in sorted(root.glob(pattern)):
        if not wants_hidden and _is_hidden(match.relative_to(root)):
            continue
        found = _files_under(match) if match.is_dir() else expand_path(str(match))
        for item in found:
            key = str(item) if isinstance(item, Path) else item.origin
            if key not in seen:
                seen.add(key)
                yield item
    if not seen:
        yield MissingInput(argument, "the pattern matches no file")


def _split_pattern(argument: str) -> tuple[Path, str]:
    """``reports/2024-*/**/*.md`` -> (``reports``, ``2024-*/**/*.md``)."""
    parts = Path(argument).parts
    first = next(index for index, part in enumerate(parts) if _GLOB_CHARACTERS & set(part))
    root = Path(*parts[:first]) if first else Path()
    return root, str(Path(*parts[first:]))


def _files_under(folder: Path) -> Iterator[Path | InputError]:
    """Every file under ``folder`` that is not hidden, and a note for each broken link."""
    for candidate in sorted(folder.rglob("*")):
        if _is_hidden(candidate.relative_to(folder)):
            continue
        if candidate.is_file():
            yield candidate
        elif candidate.is_symlink() and not candidate.exists():
            yield UnreadableInput(
                str(candidate), "a broken symbolic link (its target does not exist)"
            )


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
