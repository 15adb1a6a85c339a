"""Guidance cards: the advice a corpus document gives, in our own words, anchored to its text.

A document ``corpus/<path>.md`` may have a sibling ``corpus/<path>.cards.yaml``. It holds
``cards`` (one piece of advice each: the point a coach would say, the situations it
answers, the levels and tracks it fits, the GROW stage it serves, a follow-up question,
and an ``anchor`` — an exact substring of the document body that supports it) and
``marks`` (exact substrings that are complaint, story, intro or narrative, never to be
quoted as advice). Every anchor and mark is checked against the body when the corpus
loads, so a card can never cite a passage that doesn't say it.

What must stay true: the ``SITUATIONS`` and ``LEVELS`` vocabularies are closed (a typo is
a validation error, not a silently unused card), and ``en`` text is always present.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coach.errors import CorpusError

CARDS_SUFFIX = ".cards.yaml"

#: The situations a card can answer. Detection of these in a person's words lives in the
#: coaching code; the names here are the contract between corpus and code.
SITUATIONS: dict[str, str] = {
    "deciding": "whether a promotion is the right goal at all",
    "motivation": "why they want it: money, scope, authority, recognition, learning",
    "downsides": "stress, more expectations, less time for the work they love",
    "explicit-goal": "promotions rarely just happen; make it an explicit goal",
    "not-a-reward": "a promotion is more responsibility, not a reward for hard work",
    "different-work": "the next level is different work, not the same work done better",
    "maintenance-team": "the team maintains a legacy or maintenance-mode system",
    "operational-load": "pages, on-call, firefighting, recurring problems",
    "no-opportunities": "cannot see an opportunity; the work is 'not complex enough'",
    "easy-work": "the work feels small or too easy",
    "existing-work": "the belief that fixing bugs or improving existing features is not promotable",
    "manager-alignment": "the manager as the advocate who makes the case",
    "undervalued-work": "the manager or company does not count their kind of work (reliability, "
    "maintenance, ops) toward a promotion",
    "manager-of-team": "advice for managers about which work can be promoted",
    "vague-feedback": "feedback that is vague or not actionable",
    "possible-bias": "underrepresented groups, bias or discrimination",
    "missed-cycle": "not promoted in a cycle, passed over",
    "readiness": "am I ready for the next level",
    "level-expectations": "what a given level is expected to do",
    "staff-path": "senior to staff: scope beyond the team, archetypes",
    "management-switch": "considering a move into management",
    "back-to-ic": "moving back from management to an individual contributor role",
    "comparing-offers": "weighing a job offer or a move to another company: levels, titles, scope",
    "leaving": "thinking of leaving the team or the company",
    "no-ladder": "a company or startup without a career ladder",
    "evidence": "evidence, measurable impact, the promotion document",
    "visibility": "calibration, sponsors, visibility beyond the team",
    "leadership-feedback": "feedback such as 'show more leadership' or 'more impact'",
    "first-step": "what to do first, this week",
    "check-in": "checking in regularly with the manager on growth",
    "no-time": "no time beyond the current work",
    "holding-steady": "a season of not pushing for the next level (caring for family, health, a "
    "new child) and the worry that it will look bad or cost them later",
    "learning": "wanting to learn and grow rather than the title itself",
}
Situation = str

Level = Literal["entry", "engineer", "senior", "staff", "principal", "manager", "any"]
Track = Literal["ic", "management", "any"]
Stage = Literal["goal", "reality", "options", "will"]
MarkKind = Literal["complaint", "story", "intro", "narrative"]


class LocalText(BaseModel):
    """One text in every language the coach speaks; English is required."""

    model_config = ConfigDict(extra="forbid")
    en: str = Field(min_length=1, max_length=600)
    ru: str | None = Field(default=None, min_length=1, max_length=600)

    def get(self, lang: str) -> str:
        return getattr(self, lang, None) or self.en


class Card(BaseModel):
    """One piece of advice from one document."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$", max_length=80)
    point: LocalText
    situations: list[Situation] = Field(min_length=1)
    levels: list[Level] = Field(default_factory=lambda: list[Level](["any"]))
    tracks: list[Track] = Field(default_factory=lambda: list[Track](["any"]))
    stage: Stage = "options"
    question: LocalText | None = None
    # What the follow-up asks for, when it is something the profile may already hold: a
    # person who said "I want the money" is not asked what draws them to the next level.
    asks: Literal["motivations", "manager_alignment", "current_level", "target_level"] | None = None
    # Words the person could use to act on the point ("what do I say to my manager?"): the
    # point put as a sentence to say, adding nothing the point does not hold.
    say: LocalText | None = None
    anchor: str = Field(min_length=10, max_length=600)

    def said_in(self, text: str) -> bool:
        """The point already appears in ``text`` (what the coach has said), in any language:
        a card said once is not offered again. (From its second letter: after a colon the
        point goes on in lower case, "…pass on to her: if your manager…".)"""
        return self.point.en[1:80] in text or bool(self.point.ru and self.point.ru[1:80] in text)

    @field_validator("situations")
    @classmethod
    def _known_situations(cls, values: list[str]) -> list[str]:
        unknown = [v for v in values if v not in SITUATIONS]
        if unknown:
            raise ValueError(f"unknown situation(s) {unknown}; known: {', '.join(SITUATIONS)}")
        return values


class Mark(BaseModel):
    """A sentence that is not advice: quoting it as guidance would mislead."""

    model_config = ConfigDict(extra="forbid")
    kind: MarkKind
    text: str = Field(min_length=5, max_length=1000)


class CardFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cards: list[Card] = Field(default_factory=list)
    marks: list[Mark] = Field(default_factory=list)


def cards_path_for(document_path: Path) -> Path:
    """``x/y.md`` → ``x/y.cards.yaml``."""
    return document_path.with_name(document_path.stem + CARDS_SUFFIX)


def parse_cards(text: str, body: str, *, doc_id: str) -> CardFile:
    """Validate a cards file against its document's body; every problem is a ``CorpusError``."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CorpusError(f"cards file is not valid YAML ({str(exc).splitlines()[0]})") from None
    try:
        parsed = CardFile.model_validate(raw or {})
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'file'}: {e['msg']}" for e in exc.errors()
        )
        raise CorpusError(f"cards file invalid ({problems})") from None
    seen: set[str] = set()
    for card in parsed.cards:
        if card.id in seen:
            raise CorpusError(f"card id {card.id!r} appears twice in {doc_id}")
        seen.add(card.id)
        if card.anchor not in body:
            raise CorpusError(
                f"card {card.id!r}: anchor not found in {doc_id}: {card.anchor[:60]!r}"
            )
    for mark in parsed.marks:
        if mark.text not in body:
            raise CorpusError(f"{mark.kind} mark not found in {doc_id}: {mark.text[:60]!r}")
    return parsed


def load_cards(document_path: Path, body: str, *, doc_id: str) -> CardFile:
    """The cards beside a document, or an empty file when it has none."""
    path = cards_path_for(document_path)
    if not path.is_file():
        return CardFile()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise CorpusError(f"cards file {path.name} cannot be read ({exc})") from None
    return parse_cards(text, body, doc_id=doc_id)
