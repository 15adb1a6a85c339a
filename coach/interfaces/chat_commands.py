"""What a line typed into `coach chat` asks for: a slash command or a message to the coach.

Pure, so the chat loop in ``cli.py`` only does I/O, and every command (and every typo of
one) is tested without a terminal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["quit", "help", "new", "sources", "plan", "profile", "export", "message", "unknown"]

HELP = (
    "Commands: /sources  /profile  /profile set FIELD=VALUE  /profile clear  /plan  /new  "
    "/export [FILE]  /help  /quit"
)
_SIMPLE: dict[str, Kind] = {
    "/quit": "quit",
    "/exit": "quit",
    "/q": "quit",
    "/help": "help",
    "/new": "new",
    "/sources": "sources",
    "/plan": "plan",
}
_WITH_ARGUMENT: dict[str, Kind] = {"/profile": "profile", "/export": "export"}
#: "/sourcse": a slash and a word is a command attempt, not a message to send.
_COMMAND_LIKE = re.compile(r"^/[A-Za-z]+$")


@dataclass(frozen=True)
class ChatLine:
    kind: Kind
    argument: str = ""  # the text after a command, or the whole message


def read_line(line: str) -> ChatLine:
    """Classify one typed line; anything that is not a command is a message, as typed."""
    stripped = line.strip()
    word, _, rest = stripped.partition(" ")
    if stripped in _SIMPLE:
        return ChatLine(_SIMPLE[stripped])
    if word in _WITH_ARGUMENT:
        return ChatLine(_WITH_ARGUMENT[word], rest.strip())
    if _COMMAND_LIKE.match(word):
        return ChatLine("unknown", word)
    return ChatLine("message", line)


@dataclass(frozen=True)
class ProfileEdit:
    action: Literal["show", "clear", "set"]
    field: str = ""
    value: str = ""


def read_profile_argument(argument: str) -> ProfileEdit:
    """``/profile``, ``/profile clear`` or ``/profile set FIELD=VALUE``."""
    if argument == "clear":
        return ProfileEdit("clear")
    if argument.startswith("set "):
        field, _, value = argument.removeprefix("set ").partition("=")
        return ProfileEdit("set", field.strip(), value)
    return ProfileEdit("show")
