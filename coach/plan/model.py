"""The promotion plan that lives between conversations: goal, gaps, commitments, evidence.

One plan per person. The person can edit every part; the coach only *proposes*: it adds
what is new (a commitment stated in a conversation, a goal when none is set) and records
a proposal instead of overwriting anything the person wrote. Pure functions over pydantic
models; storage is the session store's job, rendering to Markdown and iCalendar is here
because both are views of the plan and nothing else.

What must stay true: the packet draft states only what the person entered (every claim
cites an evidence entry); nothing is invented to fill a section.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from coach.lang import reading

CommitmentStatus = Literal["open", "done", "slipped", "dropped"]
Author = Literal["person", "coach"]
STATUSES: tuple[CommitmentStatus, ...] = ("open", "done", "slipped", "dropped")
DEFAULT_CADENCE_MONTHS = 3  # "at least once a quarter, perhaps around performance reviews"
MAX_TEXT = 500
MAX_ITEMS = 200


def new_id() -> str:
    return uuid.uuid4().hex[:8]


class Commitment(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    id: str = Field(default_factory=new_id, pattern=r"^[a-z0-9]{4,16}$")
    action: str = Field(min_length=1, max_length=MAX_TEXT)
    due: dt.date | None = None
    status: CommitmentStatus = "open"
    created: dt.date = Field(default_factory=dt.date.today)
    closed: dt.date | None = None
    followed_up: dt.date | None = None
    note: str = Field(default="", max_length=MAX_TEXT)
    author: Author = "person"


class Evidence(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(default_factory=new_id, pattern=r"^[a-z0-9]{4,16}$")
    date: dt.date = Field(default_factory=dt.date.today)
    what: str = Field(min_length=1, max_length=MAX_TEXT)
    impact: str = Field(default="", max_length=MAX_TEXT)
    links: list[str] = Field(default_factory=list, max_length=20)
    gap: str | None = Field(default=None, description="the gap id this evidence speaks to")
    commitment: str | None = None

    @field_validator("links")
    @classmethod
    def _safe_links(cls, links: list[str]) -> list[str]:
        for link in links:
            if len(link) > 500 or not re.match(r"^(https?://|/|\./|[\w.-]+/)\S*$", link):
                raise ValueError(f"link {link[:60]!r} must be an http(s) URL or a path")
        return links


class Gap(BaseModel):
    """One expectation of the target level that the person has not yet shown, cited."""

    model_config = ConfigDict(extra="forbid")
    id: str = Field(default_factory=new_id, pattern=r"^[a-z0-9]{4,16}$")
    dimension: str = Field(min_length=1, max_length=200)
    expectation: str = Field(min_length=1, max_length=2000)
    doc_id: str = Field(min_length=1, max_length=300)
    heading: str = Field(default="", max_length=300)
    note: str = Field(default="", max_length=MAX_TEXT)


class CheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    next: dt.date | None = None
    cadence_months: int = Field(default=DEFAULT_CADENCE_MONTHS, ge=0, le=12)  # 0: no repeat
    with_whom: str = Field(default="manager", max_length=100)


class Proposal(BaseModel):
    """A change the coach would make to something the person wrote; theirs to accept."""

    model_config = ConfigDict(extra="forbid")
    field: str = Field(max_length=50)
    value: str = Field(max_length=MAX_TEXT)
    reason: str = Field(default="", max_length=MAX_TEXT)


class Plan(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)
    target_level: str | None = Field(default=None, max_length=100)
    why: str = Field(default="", max_length=MAX_TEXT)
    current_level: str | None = Field(default=None, max_length=100)
    track: Literal["ic", "management", "undecided"] | None = None
    gaps: list[Gap] = Field(default_factory=list, max_length=MAX_ITEMS)
    options: list[str] = Field(default_factory=list, max_length=MAX_ITEMS)
    commitments: list[Commitment] = Field(default_factory=list, max_length=MAX_ITEMS)
    check_in: CheckIn = Field(default_factory=CheckIn)
    evidence: list[Evidence] = Field(default_factory=list, max_length=MAX_ITEMS)
    proposals: list[Proposal] = Field(default_factory=list, max_length=MAX_ITEMS)
    awaiting: str | None = Field(
        default=None, description="the commitment whose follow-up question awaits an answer"
    )
    edited_by_person: list[str] = Field(
        default_factory=list, description="fields the person wrote; the coach only proposes"
    )

    @field_validator("options")
    @classmethod
    def _short_options(cls, values: list[str]) -> list[str]:
        if any(len(v) > MAX_TEXT for v in values):
            raise ValueError(f"each option is at most {MAX_TEXT} characters")
        return values

    def commitment(self, ref: str) -> Commitment:
        """A commitment by id, or by its 1-based position in the list."""
        for c in self.commitments:
            if c.id == ref:
                return c
        if ref.isdigit() and 1 <= int(ref) <= len(self.commitments):
            return self.commitments[int(ref) - 1]
        raise KeyError(f"No commitment {ref!r}; `coach plan show` lists them with their ids.")


# -- edits by the person ----------------------------------------------------------------------

PERSON_FIELDS = ("target_level", "why", "current_level", "track")


def set_field(plan: Plan, field: str, value: str) -> Plan:
    """The person sets a top-level field; it is theirs from now on."""
    if field not in PERSON_FIELDS:
        raise KeyError(f"Unknown plan field {field!r}; editable: {', '.join(PERSON_FIELDS)}.")
    cleaned = value.strip() or None
    if field == "why":
        cleaned = value.strip()
    updated = plan.model_copy(deep=True)
    setattr(updated, field, cleaned)
    if field not in updated.edited_by_person:
        updated.edited_by_person = [*updated.edited_by_person, field]
    updated.proposals = [p for p in updated.proposals if p.field != field]
    return updated


def add_commitment(
    plan: Plan, action: str, due: dt.date | None, *, author: Author = "person", today: dt.date
) -> tuple[Plan, Commitment]:
    """Append a commitment unless the same open action is already there."""
    for existing in plan.commitments:
        if existing.status == "open" and _same_text(existing.action, action):
            return plan, existing
    commitment = Commitment(action=action.strip(), due=due, author=author, created=today)
    updated = plan.model_copy(deep=True)
    updated.commitments = [*updated.commitments, commitment]
    return updated, commitment


def set_status(
    plan: Plan, ref: str, status: CommitmentStatus, *, today: dt.date, note: str = ""
) -> Plan:
    updated = plan.model_copy(deep=True)
    commitment = updated.commitment(ref)
    commitment.status = status
    commitment.closed = today if status in ("done", "dropped") else None
    if note:
        commitment.note = note[:MAX_TEXT]
    return updated


def add_evidence(plan: Plan, evidence: Evidence) -> Plan:
    updated = plan.model_copy(deep=True)
    updated.evidence = [*updated.evidence, evidence]
    return updated


def _same_text(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a.lower()).strip() == re.sub(r"\W+", " ", b.lower()).strip()


# -- what the coach learns from a conversation ----------------------------------------------


def propose(plan: Plan, field: str, value: str | None, reason: str) -> Plan:
    """Fill an empty field the person never wrote; otherwise record a proposal for them."""
    if not value or field not in PERSON_FIELDS:
        return plan
    current = getattr(plan, field)
    if current == value:
        return plan
    updated = plan.model_copy(deep=True)
    if field not in plan.edited_by_person and not current:
        setattr(updated, field, value)
        return updated
    if any(p.field == field and p.value == value for p in plan.proposals):
        return plan
    updated.proposals = [*updated.proposals, Proposal(field=field, value=value, reason=reason)]
    return updated


# -- follow-up ------------------------------------------------------------------------------


def due_followups(plan: Plan, today: dt.date) -> list[Commitment]:
    """Open commitments due today or earlier that have not been asked about since they fell due."""
    return [
        c
        for c in plan.commitments
        if c.status == "open"
        and c.due is not None
        and c.due <= today
        and (c.followed_up is None or c.followed_up < c.due)
    ]


def check_in_due(plan: Plan, today: dt.date) -> bool:
    return plan.check_in.next is not None and plan.check_in.next <= today


def advance_check_in(plan: Plan, today: dt.date) -> Plan:
    """Move a passed check-in forward by its cadence (or clear a one-off)."""
    updated = plan.model_copy(deep=True)
    current = updated.check_in.next
    if current is None or current > today:
        return plan
    months = updated.check_in.cadence_months
    while months and current <= today:
        current = add_months(current, months)
    updated.check_in.next = current if months else None
    return updated


def add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise ValueError(f"no valid date for {day} + {months} months")  # unreachable


DONE_WORDS = reading("answer-done")
SLIPPED_WORDS = reading("answer-slipped")
DROPPED_WORDS = reading("answer-dropped")


def classify_followup(answer: str) -> CommitmentStatus | None:
    """How a person says a commitment went: done, slipped, dropped, or unclear (None).

    Negations win over bare "done" words ("I haven't finished") because they carry the
    qualifier the person chose.
    """
    if DROPPED_WORDS.search(answer):
        return "dropped"
    if SLIPPED_WORDS.search(answer):
        return "slipped"
    if DONE_WORDS.search(answer + " "):
        return "done"
    return None


# A sentence with a number in it is how people state a measured result ("pages went
# from 20 a week to 4", "p95 is down 30%").
IMPACT = re.compile(r"[^.!?\n]*\d[^.!?\n]*(?:\.\d[^.!?\n]*)*")


def record_followup(
    plan: Plan, ref: str, answer: str, *, today: dt.date
) -> tuple[Plan, CommitmentStatus | None]:
    """Record how a followed-up commitment went and, when done, log the answer as evidence.

    The person's own words become the evidence; a sentence with a number in it becomes the
    impact. Nothing is added that they did not say.
    """
    status = classify_followup(answer)
    updated = plan.model_copy(deep=True)
    commitment = updated.commitment(ref)
    commitment.followed_up = today
    if status is None:
        return updated, None
    updated = set_status(updated, commitment.id, status, today=today)
    if status == "done":
        impact = IMPACT.search(answer)
        updated = add_evidence(
            updated,
            Evidence(
                date=today,
                what=f"{commitment.action}: {answer.strip()}"[:MAX_TEXT],
                impact=impact.group(0).strip()[:MAX_TEXT] if impact else "",
                commitment=commitment.id,
            ),
        )
    return updated, status


# -- gaps against the ladder -----------------------------------------------------------------

GAP_SECTIONS = (
    "Scope",
    "Ambiguity",
    "Impact",
    "Technical skill",
    "Delivery",
    "Communication and collaboration",
    "Mentorship and leadership",
    "What distinguishes it from the level below",
)


def gaps_from_sections(
    doc_id: str, sections: Iterable[tuple[str, str]], shown: Iterable[str] = ()
) -> list[Gap]:
    """One gap per ladder dimension of the target level, except those already ``shown``.

    ``sections`` are (heading, text) pairs of the target level's ladder document; each gap
    cites its section, so the person can read the expectation in the ladder's own words.
    """
    skip = {s.lower() for s in shown}
    gaps = []
    for heading, text in sections:
        leaf = heading.rsplit(" > ", 1)[-1].strip()
        if leaf not in GAP_SECTIONS or leaf.lower() in skip:
            continue
        gaps.append(Gap(dimension=leaf, expectation=text.strip(), doc_id=doc_id, heading=heading))
    return gaps
