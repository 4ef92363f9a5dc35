"""Local inputs: expand paths, folders and globs; read files within the size cap."""

from __future__ import annotations

import glob
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
    with ``*``, ``?`` or ``[`` is a glob (``**`` recurses). Something that names
    nothing yields a ``MissingInput`` so the caller can report it and go on.
    """
    if _GLOB_CHARACTERS & set(argument):
        matches = sorted(glob.glob(argument, recursive=True))
        if not matches:
            yield MissingInput(argument, "the pattern matches no file")
        for match in matches:
            yield from expand_path(match)
        return
    path = Path(argument)
    if path.is_dir():
        yield from sorted(
            candidate
            for candidate in path.rglob("*")
            if candidate.is_file() and not _is_hidden(candidate.relative_to(path))
        )
    elif path.exists():
        yield path
    elif path.is_symlink():
        yield UnreadableInput(argument, "a broken symbolic link")
    else:
        yield MissingInput(argument, "no such file or folder")


def read_file(path: Path, max_bytes: int) -> bytes:
    """The bytes of a file, refusing anything larger than ``max_bytes``.

    Raises:
        OversizedInput: the file is over the cap (we refuse rather than truncate a report).
        UnreadableInput: permission denied, a device, or another OS error.
    """
    origin = str(path)
    try:
        if not path.is_file():
            raise UnreadableInput(origin, "not a regular file")
        size = path.stat().st_size
        if size > max_bytes:
            raise OversizedInput(origin, _oversized_reason(size, max_bytes))
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError as error:
        raise UnreadableInput(origin, "permission denied") from error
    except OSError as error:
        raise UnreadableInput(origin, error.strerror or str(error)) from error
    if len(data) > max_bytes:  # the file grew while we read it
        raise OversizedInput(origin, _oversized_reason(len(data), max_bytes))
    return data


def format_of(path: Path) -> PageFormat | None:
    """The format a file's suffix promises, or None to sniff the content."""
    return _FORMAT_BY_SUFFIX.get(path.suffix.lower())


def _oversized_reason(size: int, max_bytes: int) -> str:
    return (
        f"{size / 1048576:.1f} MB is over the {max_bytes / 1048576:.1f} MB cap; "
        "raise it with --max-input-mb if this really is one report"
    )


def _is_hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
