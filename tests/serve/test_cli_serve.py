"""``sitrep serve``: who it listens to, and what it says at start."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from sitrep.cli import app
from sitrep.store.sqlite import SQLiteStore


@pytest.fixture
def store(tmp_path: Path) -> Path:
    path = tmp_path / "cases.db"
    SQLiteStore.open(str(path)).close()
    return path


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """What uvicorn was asked to run, instead of running it."""
    runs: list[dict[str, Any]] = []
    import uvicorn

    monkeypatch.setattr(uvicorn, "run", lambda app, **options: runs.append({"app": app, **options}))
    monkeypatch.delenv("SITREP_WRITE_TOKEN", raising=False)
    return runs


def serve(*arguments: str) -> Any:
    return CliRunner().invoke(app, ["serve", *arguments])


def test_loopback_by_default_and_read_only(store: Path, started: list[dict[str, Any]]) -> None:
    result = serve("--db", str(store), "--port", "8123")
    assert result.exit_code == 0, result.output
    (run,) = started
    assert (run["host"], run["port"]) == ("127.0.0.1", 8123)
    config = run["app"].state.config
    assert not config.writes and not config.token_for_reads and not config.allow_private_urls


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::"])
def test_beyond_loopback_needs_a_token(
    store: Path, started: list[dict[str, Any]], host: str
) -> None:
    result = serve("--db", str(store), "--host", host)
    assert result.exit_code == 2
    assert "--write-token" in result.output
    assert not started


def test_beyond_loopback_with_a_token_guards_every_request(
    store: Path, started: list[dict[str, Any]], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SITREP_WRITE_TOKEN", "s3cret")
    result = serve("--db", str(store), "--host", "0.0.0.0")
    assert result.exit_code == 0, result.output
    assert "every request needs the token" in result.output
    config = started[0]["app"].state.config
    assert config.token_for_reads and config.write_token == "s3cret"


def test_a_missing_store_is_named(tmp_path: Path, started: list[dict[str, Any]]) -> None:
    result = serve("--db", str(tmp_path / "typo.db"))
    assert result.exit_code == 2
    assert "typo.db" in result.output and "no store here" in result.output
    assert not started
