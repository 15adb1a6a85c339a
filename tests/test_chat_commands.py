"""The chat loop's slash commands, read without a terminal."""

from __future__ import annotations

import pytest

from coach.interfaces.chat_commands import ProfileEdit, read_line, read_profile_argument


@pytest.mark.parametrize(
    ("line", "kind", "argument"),
    [
        ("/quit", "quit", ""),
        ("  /exit ", "quit", ""),
        ("/q", "quit", ""),
        ("/help", "help", ""),
        ("/new", "new", ""),
        ("/sources", "sources", ""),
        ("/plan", "plan", ""),
        ("/profile", "profile", ""),
        ("/profile set target_level=staff", "profile", "set target_level=staff"),
        ("/export", "export", ""),
        ("/export notes/today.md", "export", "notes/today.md"),
        ("/sourcse", "unknown", "/sourcse"),
        ("/r/cscareerquestions says I should wait. Should I?", "message", None),
        ("How do I get to senior?", "message", None),
    ],
)
def test_a_typed_line_is_a_command_or_a_message(line: str, kind: str, argument: str | None) -> None:
    read = read_line(line)
    assert read.kind == kind
    assert read.argument == (line if argument is None else argument)


def test_profile_arguments() -> None:
    assert read_profile_argument("") == ProfileEdit("show")
    assert read_profile_argument("clear") == ProfileEdit("clear")
    assert read_profile_argument("set team=payments =ledger") == ProfileEdit(
        "set", "team", "payments =ledger"
    )
