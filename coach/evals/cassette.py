"""Recorded live answers, keyed by a hash of the request, replayed offline.

A replayed request with no recording fails and shows how it differs from the closest
recording for the same case, so a prompt or retrieval change is visible at once.
"""

from __future__ import annotations

import difflib
import hashlib
import json
from pathlib import Path

from coach.errors import CoachError
from coach.llm.base import Message

VERSION = 1


def request_key(model: str, messages: list[Message]) -> str:
    canonical = json.dumps(
        {"model": model, "messages": messages}, ensure_ascii=False, sort_keys=True
    )
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


class MissingRecording(CoachError):
    """A replayed request has no recording."""


class Cassette:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, dict] = {}
        if path.exists():
            try:
                data = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise CoachError(f"Cassette {path} cannot be read ({exc}).") from None
            if data.get("version") != VERSION:
                raise CoachError(f"Cassette {path} has an unknown version; record it again.")
            self.entries = data["entries"]
        self.current_case: str | None = None
        self.last_miss: str | None = None

    def record(self, model: str, messages: list[Message], answer: str) -> None:
        self.entries[request_key(model, messages)] = {
            "case": self.current_case,
            "model": model,
            "messages": messages,
            "answer": answer,
        }

    def save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(
            json.dumps(
                {"version": VERSION, "entries": self.entries},
                ensure_ascii=False,
                indent=1,
                sort_keys=True,
            ),
            encoding="utf-8",
        )

    def replay(self, model: str, messages: list[Message]) -> str:
        entry = self.entries.get(request_key(model, messages))
        if entry is not None:
            return str(entry["answer"])
        # The miss surfaces inside the HTTP mock as a failed request; keep the explanation
        # so the runner can report it instead of a generic connection error.
        self.last_miss = self._explain_miss(model, messages)
        raise MissingRecording(self.last_miss)

    def _explain_miss(self, model: str, messages: list[Message]) -> str:
        same_case = [e for e in self.entries.values() if e.get("case") == self.current_case]
        if not same_case:
            return (
                f"no recording for case {self.current_case!r} in {self.path}; "
                "record one with --live --record"
            )
        closest = same_case[0]
        old = json.dumps(closest["messages"], ensure_ascii=False, indent=1).splitlines()
        new = json.dumps(messages, ensure_ascii=False, indent=1).splitlines()
        diff = list(difflib.unified_diff(old, new, "recorded", "now", n=1, lineterm=""))
        shown = "\n".join(diff[:40]) + ("\n…" if len(diff) > 40 else "")
        was = closest.get("model")
        model_note = "" if was == model else f" (model was {was!r})"
        return (
            f"the request for case {self.current_case!r} changed since recording{model_note}:\n"
            f"{shown}"
        )
