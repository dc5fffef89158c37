"""The README documents every command and option of the CLI, and its links point at real files."""
from __future__ import annotations

import re

import pytest

from graph.cli import cli

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_is_documented(name):
    assert f"etkg {name}" in README
    for param in cli.commands[name].params:
        for opt in getattr(param, "opts", []):
            if opt.startswith("--"):
                assert opt in README, f"etkg {name} {opt} is not in README.md"


def test_every_command_help_has_an_example():
    for name, command in cli.commands.items():
        examples = [line for line in (command.help or "").splitlines() if line.strip().startswith("Example:")]
        assert any(f"etkg {name} " in line for line in examples), name


def test_relative_links_exist():
    links = re.findall(r"\]\(((?!https?:)[^)#]+)\)", README)
    assert links
    missing = [link for link in links if not (ROOT / link).exists()]
    assert not missing
