"""Gaps against the ladder: the target level's expectations, each cited to its section.

Which ladder document describes a level comes from the documents' own front matter
(``level`` and ``aliases``), so a person's own ladder with the same level wins over the
built-in one and a new ladder needs no code change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from coach.corpus.documents import Document
from coach.plan.model import Plan, gaps_from_sections

HEADING = re.compile(r"^##\s+(.+?)\s*$", re.M)


def _norm(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def ladder_for_level(level: str, documents: Sequence[Document]) -> Document | None:
    """The ladder document for ``level`` ("SDE-3", "L5", "senior engineer"…), user's first."""
    wanted = _norm(level)
    if not wanted:
        return None
    ladders = sorted(
        (d for d in documents if d.kind == "ladder" and d.meta.level),
        key=lambda d: d.origin != "user",
    )
    for doc in ladders:
        names = {_norm(doc.meta.level or ""), *(_norm(a) for a in doc.meta.aliases)}
        names |= {n.removesuffix(" engineer") for n in names}
        if wanted in names or wanted.removesuffix(" engineer") in names:
            return doc
    return None


def sections(document: Document) -> list[tuple[str, str]]:
    """(heading, text) for every ``##`` section of a ladder document, in order."""
    body = document.body
    marks = list(HEADING.finditer(body))
    out = []
    for i, match in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(body)
        text = body[match.end() : end].strip()
        if text:
            out.append((match.group(1), text))
    return out


def map_gaps(plan: Plan, documents: Sequence[Document]) -> tuple[Plan, str | None]:
    """Fill the plan's gaps from the target level's ladder; (plan, problem or None).

    Gaps the person already has are kept (with their notes and evidence links); only
    dimensions not yet listed are added.
    """
    if not plan.target_level:
        return plan, "Set a target level first (coach plan edit --set target_level=…)."
    doc = ladder_for_level(plan.target_level, documents)
    if doc is None:
        return plan, (
            f"No ladder document describes {plan.target_level!r}; add your own ladder "
            "(coach index --ladder-dir) or use a level name like 'senior' or 'staff'."
        )
    have = {g.dimension for g in plan.gaps}
    new = gaps_from_sections(doc.doc_id, sections(doc), shown=have)
    updated = plan.model_copy(deep=True)
    updated.gaps = [*updated.gaps, *new]
    return updated, None
