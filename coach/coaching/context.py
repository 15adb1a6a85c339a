"""The typed input of one coaching turn: what the coaching policy decided, for any responder.

``TurnContext`` is built once per turn by ``coach.coaching.policy`` and handed, as an object, to
the offline responder; a remote model gets it rendered as text by ``coach.coaching.prompt``.
Only the eval's mocked server reads that text back (``prompting.parse_request``).
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from coach.coaching.profile import Profile, Stage
from coach.coaching.signals import Language, TurnSignals
from coach.corpus.cards import Card, Mark


class PassageView(BaseModel):
    """A retrieved passage as a responder sees it: numbered, with its cards and marks."""

    model_config = ConfigDict(frozen=True)
    n: int
    doc_id: str
    title: str
    heading: str = ""
    kind: str = "article"
    origin: str = "builtin"
    text: str
    renderings: tuple[tuple[str, str], ...] = ()
    cards: tuple[Card, ...] = ()
    marks: tuple[Mark, ...] = ()


class Turn(BaseModel):
    """One earlier message of the conversation."""

    model_config = ConfigDict(frozen=True)
    role: str
    content: str


class TurnContext(BaseModel):
    """Everything a responder needs to answer one message, decided by the policy."""

    model_config = ConfigDict(frozen=True)
    message: str
    language: Language = "en"
    signals: TurnSignals = Field(default_factory=TurnSignals)
    profile: Profile = Field(default_factory=Profile)
    news: Profile = Field(default_factory=Profile, description="what this message added")
    stage: Stage = "goal"
    user_turns: int = 1
    support_mode: bool = Field(default=False, description="a recent turn showed distress")
    gentle: bool = Field(
        default=False, description="distress was shared recently; the person moved on to work"
    )
    promotion_goal: bool = Field(
        default=False, description="the person has spoken of a promotion or a level to reach"
    )
    thread: tuple[str, ...] = Field(
        default=(), description="situations the person's previous two messages spoke to"
    )
    card_similarity: dict[str, float] = Field(
        default_factory=dict, description="card id → how close the message is in meaning"
    )
    passages: tuple[PassageView, ...] = ()
    asked: tuple[str, ...] = Field(default=(), description="questions already asked")
    used_cards: tuple[str, ...] = Field(default=(), description="card ids already used")
    last_cards: tuple[str, ...] = Field(
        default=(), description='card ids the coach\'s last answer gave ("how?" asks about them)'
    )
    used_quotes: tuple[str, ...] = Field(default=(), description="sentences already quoted")
    today: dt.date = Field(default_factory=dt.date.today)
    said_lines: tuple[str, ...] = Field(
        default=(), description="fixed lines (texts' keys) already said in this conversation"
    )
    person_said: tuple[str, ...] = Field(
        default=(), description="the person's recent messages, this one last"
    )
    content_to_stay: bool = Field(
        default=False, description="a recent message said no promotion is wanted"
    )
    level_step: tuple[str, str] | None = Field(
        default=None, description="two levels the question compares, lower first"
    )
    report: str = Field(
        default="",
        description="'she', 'he' or 'they' when a manager asks about one of their people",
    )
    decider: str | None = Field(
        default=None,
        description="who decides where the person said there is no manager ('the founder')",
    )
    no_one_on_ones: bool = Field(default=False, description="the person said they have no 1:1s")
    no_process: bool = Field(
        default=False, description="the person said there is no calibration or promotion process"
    )

    @property
    def intent(self) -> str:
        return self.signals.intent
