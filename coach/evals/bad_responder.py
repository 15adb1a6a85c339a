"""A deliberately bad responder, to show that the negative checks catch what a reader would.

It quotes the first sentence of every retrieved passage as advice, in retrieval order,
and asks one stock question: the "quote stitcher" the checks exist to fail. It reads the
passages through a tap on the retriever rather than parsing the prompt, so it keeps
working whatever the prompt format is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from coach.llm.base import Message
from coach.retrieval.retriever import Passage, Retriever

FIRST_SENTENCE = re.compile(r"^\s*(?:#+\s*[^\n]*\n+)?(.+?[.!?:])(?:\s|$)", re.S)


class PassageTap:
    """A retriever that remembers the passages of its last search."""

    def __init__(self, inner: Retriever) -> None:
        self.inner = inner
        self.last: list[Passage] = []

    def search_many(self, *args: Any, **kwargs: Any) -> list[Passage]:
        self.last = self.inner.search_many(*args, **kwargs)
        return self.last

    def search(self, *args: Any, **kwargs: Any) -> list[Passage]:
        self.last = self.inner.search(*args, **kwargs)
        return self.last

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def first_sentence(text: str) -> str:
    match = FIRST_SENTENCE.match(text.strip())
    return " ".join((match.group(1) if match else text.strip()[:200]).split())


class FirstSentenceResponder:
    """Quotes the first sentence of each passage, numbered as the coach cites them."""

    name = "first-sentence-quoter"
    is_offline = False

    def __init__(self, tap: PassageTap) -> None:
        self.tap = tap

    def stream(self, messages: list[Message]) -> Iterator[str]:
        yield compose(self.tap.last)


def compose(passages: Sequence[Passage]) -> str:
    lines = ["Here is what my sources say:"]
    lines += [f"- “{first_sentence(p.chunk.text)}” [{i}]" for i, p in enumerate(passages, 1)]
    lines.append("What level are you aiming for, and what does your team do?")
    return "\n".join(lines)
