"""The passage that carries the advice for a situation the person named, when retrieval missed it.

Retrieval ranks passages by the person's words. "What do I literally do first, tomorrow
morning?" shares few words with "make it an explicit goal with your manager", so the
passage holding that card may not come back, and the coach then answers beside the
question. The card vocabulary is the contract between corpus and code: when a message
names a situation and no retrieved passage has a card for it, the best card written for
that situation brings its passage along (at most ``MOST`` extra passages a turn).

The map is built from the index's chunks once per snapshot; a user's own ladder has no
cards and adds nothing.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable, Mapping, Sequence
from itertools import combinations

from coach.coaching.crosswalk import TABLE_HEADER
from coach.coaching.profile import LEVEL_ORDER
from coach.corpus.cards import Card
from coach.corpus.chunking import Chunk
from coach.retrieval.lexical import tokenize
from coach.retrieval.retriever import Passage

#: Extra passages a turn may bring, after the retrieved ones.
MOST = 2
Similarity = Callable[[str, Sequence[Card]], Mapping[str, float]]
#: Built-in ladder documents by the generic level they describe (their ids start so).
LADDER_LEVEL = {
    "ic-1": "entry",
    "ic-2": "engineer",
    "ic-3": "senior",
    "ic-4": "staff",
    "ic-5": "principal",
}
#: The ladder sections that answer "what changes between these two levels": the higher
#: level's own account of the step, and the lower level's signs of being past it.
STEP_FROM_BELOW = "what distinguishes it from the level below"
STEP_SIGNALS = "signals you are already working at the next level"
#: Situations that change direction, and ones too broad to pair with them.
TRACKS = {"management-switch", "back-to-ic", "staff-path"}
WEAK = {"learning", "first-step", "deciding", "motivation", "readiness"}
SECTION_LINE = re.compile(r"^#{1,6}\s+(.+?)\s*$", re.M)


def ladder_level(doc_id: str) -> str | None:
    """The generic level a built-in ladder document describes, if it is one."""
    name = doc_id.rsplit("/", 1)[-1]
    return next((lv for key, lv in LADDER_LEVEL.items() if name.startswith(key)), None)


def card_section(text: str, heading: str, anchor: str) -> str:
    """The section a card's anchor sits in: a chunk may pack several short sections, the
    first named in its heading path and the rest by their own heading lines."""
    at = text.find(anchor)
    inner = SECTION_LINE.findall(text[: max(at, 0)])
    return inner[-1] if inner else heading.split(" > ")[-1].split(" · ")[0]


def is_step_section(section: str) -> bool:
    """The section describes a step between two levels (whichever two)."""
    return any(name in section.lower() for name in (STEP_FROM_BELOW, STEP_SIGNALS))


def answers_step(doc_id: str, section: str, step: tuple[str, str] | None) -> bool:
    """A card in ``section`` of ``doc_id`` is the ladders' own account of ``step``."""
    if step is None:
        return False
    low, high = step
    level, section = ladder_level(doc_id), section.lower()
    if level == high and STEP_FROM_BELOW in section:
        return True
    adjacent = LEVEL_ORDER.index(high) == LEVEL_ORDER.index(low) + 1
    return adjacent and level == low and STEP_SIGNALS in section


class _Index:
    """What ``complete`` looks up, built once per snapshot: a turn never scans every chunk."""

    def __init__(self, chunks: Mapping[str, Chunk]) -> None:
        by: dict[str, list[tuple[int, Card, Chunk]]] = {}
        for chunk in chunks.values():
            for card in chunk.cards:
                for place, situation in enumerate(card.situations):
                    by.setdefault(situation, []).append((place, card, chunk))
        #: Situation → (card, chunk), cards that name it first before those naming it later.
        self.by_situation = {
            s: [(card, chunk) for _, card, chunk in sorted(items, key=lambda i: i[0])]
            for s, items in by.items()
        }
        #: The chunks that carry cards, in index order.
        self.carded = [chunk for chunk in chunks.values() if chunk.cards]
        #: Every card with its chunk and the section its anchor sits in ("Right hand").
        self.sections = [
            (card, chunk, card_section(chunk.text, chunk.heading, card.anchor))
            for chunk in self.carded
            for card in chunk.cards
        ]
        #: The level-crosswalk table's chunk, if the corpus has one.
        self.table = next((c for c in chunks.values() if TABLE_HEADER in c.text), None)


class GuidanceMap:
    """Situation → (card, chunk) for every card in the index, its primary situation first."""

    def __init__(self) -> None:
        self._built_from: Mapping[str, Chunk] | None = None  # held: an id could be reused
        self._index: _Index | None = None
        self._lock = threading.Lock()

    def _map(self, chunks: Mapping[str, Chunk]) -> _Index:
        with self._lock:
            if self._built_from is not chunks or self._index is None:
                self._index = _Index(chunks)
                self._built_from = chunks
            return self._index

    def complete(
        self,
        passages: list[Passage],
        situations: Sequence[str],
        message: str,
        chunks: Mapping[str, Chunk],
        similarity: Similarity | None = None,
        levels: set[str] | frozenset[str] = frozenset(),
        said: str = "",
        step: tuple[str, str] | None = None,
        last: str = "",
        wants_words: bool = False,
        table: bool = False,
        own_levels: frozenset[str] = frozenset(),
        first: Sequence[tuple[str, str]] = (),
        before: str = "",
    ) -> list[Passage]:
        """``passages`` plus, for each named situation none of them has a card for, the
        passage of the card closest to the message (by meaning, else by shared words)
        among those written for anyone or for one of ``levels`` (the person's, generic).
        A card already ``said`` in the conversation neither covers a situation nor comes
        back; one written for a level in ``own_levels`` (the level held) or for anyone comes before
        one for the level aimed at. Two levels compared (``step``) bring the ladders' account
        of that step first; a follow-up about the ``last`` answer brings that answer's
        passages first. Each ``(situation, words)`` in ``first`` brings the passage of the card
        for that situation that says all of ``words``, even when another card covers it
        ("Will you promote me this year?" asked of a manager: the card on what a manager can
        promise, not any card for managers)."""
        index = self._map(chunks)
        by_situation = index.by_situation
        # A card written mainly for the situation: one that mentions it in passing
        # ("…and start this week") does not answer "what do I do first?".
        # A card for another level ("senior is a career level" to an SDE-2) covers nothing.
        covered = {
            card.situations[0]
            for p in passages
            for card in p.cards
            if card.situations and not card.said_in(said) and _fits(card, levels)
        }
        held = {p.chunk.chunk_id for p in passages}
        words = set(tokenize(message))
        out = list(passages)
        base = len(out)  # the situations' budget of ``MOST`` counts from here

        def bring(chunk: Chunk) -> None:
            held.add(chunk.chunk_id)
            out.append(Passage(chunk=chunk, score=0.0, rank=len(out) + 1))

        def closest(
            items: list[tuple[Card, Chunk]], first: Callable[[Card], int] = lambda _: 0
        ) -> Chunk:
            scores = similarity(message, [c for c, _ in items]) if similarity else {}
            return max(items, key=lambda i: (first(i[0]), _closeness(i[0], scores, words)))[1]

        # "how?" asks about the last answer: its situations are the ones to answer, and its
        # passages come back with it, those whose cards carry words to say first ("what do
        # I say?" wants them).
        said_last = (
            [ch for ch in index.carded if any(c.said_in(last) for c in ch.cards)] if last else []
        )
        if last:
            told = [c.situations[0] for ch in said_last for c in ch.cards if c.said_in(last)]
            situations = list(dict.fromkeys([*told, *situations]))
        said_before = [ch for ch in said_last if ch.chunk_id not in held]
        said_before.sort(key=lambda ch: not any(c.say and c.said_in(last) for c in ch.cards))
        for chunk in said_before[:MOST]:
            bring(chunk)
        # "Microsoft 62 vs Amazon SDE II": the crosswalk table answers it.
        if table and index.table is not None and index.table.chunk_id not in held:
            bring(index.table)
        has_words = any(c.say and c.said_in(last) for ch in said_before for c in ch.cards)
        if wants_words and not has_words:
            # "How do I say it?" two turns after the card that carries the words: it comes back.
            for chunk in index.carded:
                if chunk.chunk_id not in held and any(
                    c.say and c.said_in(said) for c in chunk.cards
                ):
                    bring(chunk)
                    break
        if step is not None:
            # The step's two sections come on top of the situations' extra passages: "the
            # next level, and we have no ladder" needs both answers.
            for chunk in index.carded:
                if chunk.chunk_id not in held and any(
                    answers_step(
                        chunk.doc_id, card_section(chunk.text, chunk.heading, c.anchor), step
                    )
                    for c in chunk.cards
                ):
                    bring(chunk)
            base = len(out)
        for situation, about in first:
            wanted = set(tokenize(about))
            primary = [
                (c, ch)
                for c, ch in by_situation.get(situation, [])
                if c.situations[0] == situation and not c.said_in(said) and _fits(c, levels)
            ]
            if primary:
                scored = [(_closeness(c, {}, wanted)[1], ch) for c, ch in primary]
                shares, chunk = max(scored, key=lambda item: item[0])
                # Every one of the words: "promote" alone is any card on promotions.
                if chunk.chunk_id not in held and shares == len(wanted):
                    bring(chunk)
        # "What's the difference between a staff tech lead and an architect?": sections on the
        # staff path that the message asks about by title come first, as a step's do.
        asked = sections_asked(
            message, [(c, ch.heading, section) for c, ch, section in index.sections], before
        )
        start = len(out)
        for _, chunk, section in index.sections if asked else ():
            if len(out) - start == MOST:
                break
            if chunk.chunk_id not in held and section in asked:
                bring(chunk)
        if len(out) > start:
            base = len(out)  # on top of the situations' budget, as a step's sections are
        named = set(situations)
        if len(named) >= 2:
            # "My team only maintains a legacy system; it feels like a dead end": the card
            # written for most of what they named at once answers better than one for either.
            both = [
                (c, ch)
                for items in by_situation.values()
                for c, ch in items
                if len(named & set(c.situations)) >= 2 and not c.said_in(said) and _fits(c, levels)
            ]
            if both:
                chunk = closest(both, first=lambda c: len(named & set(c.situations)))
                if chunk.chunk_id not in held:
                    bring(chunk)
        # "The IC track is a dead end; I'm thinking of management to keep moving up": a
        # change of track named with its reason is answered by a card written for both
        # (the reason is the crux), so its passage comes along unless one is already here.
        for pair in combinations(dict.fromkeys(situations), 2):
            if len(out) - base == MOST:
                break
            if not TRACKS & set(pair) or WEAK & set(pair):
                continue
            both = [
                (c, ch)
                for c, ch in by_situation.get(pair[0], [])
                if pair[1] in c.situations and not c.said_in(said) and _fits(c, levels)
            ]
            if both and not any(ch.chunk_id in held for _, ch in both):
                bring(closest(both))
        for situation in situations:
            if len(out) - base == MOST:
                break
            if situation in covered:
                continue
            candidates = [
                (c, ch)
                for c, ch in by_situation.get(situation, [])
                if c.situations and not c.said_in(said)
            ]
            primary = [(c, ch) for c, ch in candidates if c.situations[0] == situation]
            candidates = primary or candidates
            # Written for anyone or for this person's level: an entry-level first step is
            # not the answer for someone aiming at senior.
            fitting = [
                (c, ch) for c, ch in candidates if "any" in c.levels or levels & set(c.levels)
            ]
            candidates = fitting or ([] if levels else candidates)
            if not candidates:
                continue
            # A card for the level they hold (or for anyone) before one for the level they aim
            # at: "senior is a career level" says nothing to a mid-level engineer.
            chunk = closest(
                candidates, first=lambda c: "any" in c.levels or bool(own_levels & set(c.levels))
            )
            covered.add(situation)
            if chunk.chunk_id not in held:
                bring(chunk)
        # A card written for this person's own level ("senior is a career level" for a senior
        # who doesn't want staff) says more than the generic ones that covered the situation.
        for situation in situations if levels else ():
            if len(out) - base == MOST:
                break
            own = [
                (c, ch)
                for c, ch in by_situation.get(situation, [])
                if c.situations[0] == situation
                and "any" not in c.levels
                and set(c.levels) <= set(levels)
                and not c.said_in(said)
            ]
            if own and not any(ch.chunk_id in held for _, ch in own):
                bring(closest(own))
        return out


#: "the right hand archetype": a section of the staff path asked about as such.
ARCHETYPE_WORD = re.compile(r"\barchetype", re.I)
#: "…gets to principal fastest?": a level above the staff archetypes.
BEYOND_STAFF = re.compile(
    r"\b(?:to|for|toward|towards|reach|become|make|at) (?:the )?(?:principal|distinguished)\b|"
    r"принципал",
    re.I,
)


def sections_asked(
    message: str, cards: Sequence[tuple[Card, str, str]], before: str = ""
) -> set[str]:
    """Titles of staff-path sections (``(card, heading, section)``, below a document's own
    title) that the message asks about: two or more named ("a tech lead or an architect?"),
    or one named as an archetype, here or in the message ``before`` ("…reading about
    staff-plus archetypes" and then "what does a right hand do day to day?"). One named in
    passing ("an ivory-tower architect…") is not a question about it."""
    named = {
        section
        for card, heading, section in cards
        if "staff-path" in card.situations and " > " in heading and names_section(message, section)
    }
    archetypes = ARCHETYPE_WORD.search(message) or ARCHETYPE_WORD.search(before)
    if BEYOND_STAFF.search(message):
        # "Which kind of staff engineer gets to principal fastest — tech lead, architect?":
        # the archetypes are shapes of staff; the way to principal is the step's account.
        return set()
    return named if len(named) >= 2 or (named and archetypes) else set()


def names_section(message: str, section: str) -> bool:
    """The message names the section by its title, as a whole phrase ("an architect"), not
    as a person they know ("my tech lead says…")."""
    return bool(section) and bool(
        re.search(
            rf"(?<!\bmy )(?<!\bour )(?<!\bhis )(?<!\bher )(?<!\btheir )"
            rf"\b{re.escape(section.lower())}\b",
            message.lower(),
        )
    )


def _fits(card: Card, levels: set[str] | frozenset[str]) -> bool:
    """Written for anyone, for one of ``levels``, or judged without a level at all."""
    return "any" in card.levels or not levels or bool(levels & set(card.levels))


def _closeness(card: Card, scores: Mapping[str, float], words: set[str]) -> tuple[float, int]:
    """By meaning when it was measured (English), then by words in common."""
    said = set(tokenize(card.point.en)) | set(tokenize(card.point.ru or ""))
    return scores.get(card.id, 0.0), len(words & said)
