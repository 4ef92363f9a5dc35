"""The README stays true: every command documented, Quick start exactly two commands."""

from __future__ import annotations

import re

import pytest
import typer

from sitrep.cli import app
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _command_names() -> list[str]:
    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


@pytest.mark.parametrize("command", _command_names())
def test_docs_readme_shows_every_command(command: str) -> None:
    assert re.search(rf"^sitrep {command}\b", README, re.MULTILINE), command


def test_docs_quick_start_is_make_demo_and_make_test() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    assert [command for command in commands if command] == ["make demo", "make test"]


def test_docs_ci_runs_the_readme_test_command() -> None:
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
