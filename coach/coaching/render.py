"""How the coach's objects read as text, in one place for the CLI, the UI and exports.

Sources, status notes and commitments were written by hand in each interface; they
drifted apart. Each function here returns plain text or Markdown; the interface then
makes it safe for its medium (``security.sanitize``): terminal escapes stripped, or
Markdown without HTML.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coach.coaching.citations import Source

#: What a reply's stored status means, said after it.
STATUS_NOTES = {
    "partial": "answer cut off: {error}",
    "streaming": "answer cut off: the process stopped while it was streaming",
    "error": "no answer: {error}",
    "fallback": "answered by the offline responder after a model error",
}


def as_source(value: Source | Mapping[str, Any]) -> Source:
    """A source as stored with a message (a dict) or as just cited (a ``Source``)."""
    if isinstance(value, Source):
        return value
    return Source(
        n=int(value["n"]),
        doc_id=str(value.get("doc_id", "")),
        title=str(value.get("title", "")),
        heading=str(value.get("heading") or ""),
        passage=str(value.get("passage", "")),
        chunk_id=str(value.get("chunk_id", "")),
        start=int(value.get("start", 0)),
        end=int(value.get("end", 0)),
    )


def source_title(value: Source | Mapping[str, Any]) -> str:
    """ "[2] Should you work toward a promotion? — Some tips"."""
    s = as_source(value)
    heading = f" — {s.heading}" if s.heading else ""
    return f"[{s.n}] {s.title}{heading}"


def excerpt(text: str, limit: int = 0) -> str:
    """A passage on one line, cut at ``limit`` characters with an ellipsis (0: whole)."""
    flat = " ".join(text.split())
    return flat if not limit or len(flat) <= limit else flat[: limit - 3] + "..."


def status_note(status: str, error: str | None = None) -> str | None:
    """The note a reply's status calls for, or None for a complete answer."""
    note = STATUS_NOTES.get(status)
    return note.format(error=error or "unknown error") if note else None


def commitment_text(action: str, due: str | None) -> str:
    """ "list the top pages (2026-12-04)"."""
    return action + (f" ({due})" if due else "")
