"""Citation mapping: bracketed numbers in an answer become sources; unknown numbers go.

Pure. ``[2]``, ``[1][3]`` and ``[1, 3]`` are recognised. A number that matches no
retrieved passage is removed from the text, so every citation a user sees is real.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from coach.retrieval.retriever import Passage

CITATION = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")


def _numbers(match: re.Match[str]) -> list[int]:
    """The passage numbers one citation names: "[1, 3]" → [1, 3]."""
    return [int(x) for x in re.split(r"\s*[,;]\s*", match.group(1))]


@dataclass(frozen=True)
class Source:
    """A cited passage, as shown under an answer."""

    n: int
    doc_id: str
    title: str
    heading: str
    passage: str
    chunk_id: str
    start: int
    end: int

    def as_dict(self) -> dict:
        return dict(self.__dict__)


def in_citation_order(answer: str, passages: Sequence[Passage]) -> tuple[str, list[Passage]]:
    """The answer renumbered so its citations read [1], [2], … in the order they first
    appear, with the passages reordered to match (cited ones first, the rest after, in
    their order). An answer citing only the seventh passage reads "[1]", not "[7]"; two
    passages of one section are cited as one ("[1]", not "[1]" and "[2]" for the same
    heading), the first of them standing for both."""
    cited: list[int] = []
    for match in CITATION.finditer(answer):
        for n in _numbers(match):
            if 1 <= n <= len(passages) and n not in cited:
                cited.append(n)
    first: dict[object, int] = {}  # section → the first cited passage of it
    alias: dict[int, int] = {}
    for n in cited:
        alias[n] = first.setdefault(_section(passages[n - 1], n), n)
    kept = [n for n in cited if alias[n] == n]
    order = kept + [n for n in range(1, len(passages) + 1) if n not in kept]
    new = {old: i for i, old in enumerate(order, 1)}

    def renumber(match: re.Match[str]) -> str:
        numbers = _numbers(match)
        unique = dict.fromkeys(new.get(alias.get(n, n), n) for n in numbers)
        return "[" + ", ".join(str(n) for n in unique) + "]"

    text = CITATION.sub(renumber, answer)
    text = re.sub(r"(\[\d+\])(?:\1)+", r"\1", text)  # "[1][1]" after a merge
    return text, [passages[n - 1] for n in order]


def _section(passage: Passage, n: int) -> object:
    """The document and heading a passage comes from (its own number when it has none)."""
    chunk = getattr(passage, "chunk", None)
    return (chunk.doc_id, chunk.heading) if chunk is not None else n


def map_citations(answer: str, passages: Sequence[Passage]) -> tuple[str, list[Source]]:
    """The answer with invalid citation numbers dropped, and the cited sources in order."""
    cited: list[int] = []

    def keep_valid(match: re.Match[str]) -> str:
        numbers = _numbers(match)
        valid = [n for n in numbers if 1 <= n <= len(passages)]
        for n in valid:
            if n not in cited:
                cited.append(n)
        return "".join(f"[{n}]" for n in valid)

    cleaned = CITATION.sub(keep_valid, answer)
    cleaned = re.sub(r"[ \t]+([.,;:!?])", r"\1", cleaned)
    sources = []
    for n in cited:
        c = passages[n - 1].chunk
        sources.append(
            Source(
                n=n,
                doc_id=c.doc_id,
                title=c.title,
                heading=c.heading,
                passage=c.text.strip(),
                chunk_id=c.chunk_id,
                start=c.start,
                end=c.end,
            )
        )
    return cleaned, sources
