"""Errors meant for people: each says what went wrong and what to do next.

The CLI and UI catch ``CoachError`` and show its message as one line; anything
else is a bug and keeps its traceback.
"""

import errno


class CoachError(Exception):
    """A user-facing failure with a message that says how to fix it."""


class ConfigError(CoachError):
    """Settings are missing, malformed or contradictory."""


class CorpusError(CoachError):
    """A corpus file cannot be read or fails validation."""


class StoreError(CoachError):
    """The vector index is missing, corrupt or built with another model."""


class ModelError(CoachError):
    """The chat model could not produce an answer."""


class ContextTooLong(ModelError):
    """The request did not fit the model's context window (``window``: its size, if said)."""

    def __init__(self, message: str, window: int | None = None) -> None:
        super().__init__(message)
        self.window = window


class SessionError(CoachError):
    """A session cannot be found, read or written."""


def disk_full(exc: BaseException) -> bool:
    """A full disk, however the layer below words it (errno, SQLite, Chroma's Rust core)."""
    text = str(exc).lower()
    if getattr(exc, "sqlite_errorname", "") == "SQLITE_FULL":
        return True
    return getattr(exc, "errno", None) == errno.ENOSPC or any(
        words in text for words in ("disk is full", "no space left", "database or disk is full")
    )
