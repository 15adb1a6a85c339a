"""Drafts the person asks for ("draft a short email to my manager", "write my promo summary
line"): the frame around words the sources suggest, addressed to the person the
conversation names, and filled only with facts the person gave; every other slot stays a
bracket to fill in, so a draft never invents a project, a result or a name.

Pure text; the offline responder chooses the card whose words go inside.
"""

from __future__ import annotations

import re

from coach.coaching.signals import RESOLVED
from coach.coaching.texts import TEXT
from coach.lang import reading

DRAFT_CASE = reading("draft-case")
MEETING = reading("draft-meeting")
REVISE = reading("revise-draft")
DID = reading("did-said")
#: A result measured: "from 30 a week to 4", "to 200 ms", "by 40%" (not "fixed 30 incidents").
BEFORE_AFTER = re.compile(
    r"\bfrom\b[^.;]{0,40}?\bto\b\s*~?\d|\bto\s+(?:under\s+|below\s+|about\s+|~)?\d|"
    r"\bby\s+~?\d|\d+\s*%|\bс\b[^.;]{0,40}?\bдо\b\s*~?\d|\bдо\s+\d|\bна\s+\d+\s*%",
    re.I,
)

#: Who a message is to, in the words people use for them; "my manager, Dana" names her.
ROLES = {
    "manager": r"manager|boss|lead|EM|line manager",
    "skip": r"skip(?:-level)?|skip level|director|VP|manager's manager",
    "founder": r"founder|co-?founder|CTO|CEO|owner",
    "report": r"report|engineer|junior|senior|mid-level|dev(?:eloper)?",
}
_TO_ROLE = {
    role: re.compile(rf"\bto (?:my |our |the |him|her|them)?(?:{words})\b", re.I)
    for role, words in ROLES.items()
}
#: Not names, though capitalised after a role word ("my manager Monday said…" is rare;
#: "my manager I think…", "my boss In the end" are not).
NOT_NAMES = {
    "I", "In", "On", "At", "If", "And", "But", "So", "The", "This", "That", "Then", "He",
    "She", "They", "We", "It", "Is", "Was", "Has", "Had", "Said", "Says", "Told", "Asked",
    "Thinks", "Wants", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
    "Sunday", "HR", "EM", "CTO", "CEO", "VP", "Staff", "Senior", "Principal",
}  # fmt: skip
_NAME = r"(?P<name>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)"


def _name_near(role: str, text: str) -> str | None:
    """ "my manager Dana", "my manager, Dana,", "Dana (my manager)", "Dana, my manager"."""
    words = ROLES[role]
    for pattern in (
        rf"\b(?i:(?:my|one of my) (?:(?:new|current|old|direct|line) )?(?:{words})s?)"
        rf"[,:]?\s+{_NAME}\b",
        rf"\b{_NAME}(?:,| \()\s*(?i:(?:my|our) (?:{words}))\b",
    ):
        for m in re.finditer(pattern, text):
            if m.group("name") not in NOT_NAMES:
                return m.group("name")
    return None


def addressee(message: str, said: tuple[str, ...], is_manager: bool) -> tuple[str, str | None]:
    """Whom the draft is to (a role) and their name, if the person ever gave it."""
    role = next(
        (r for r, pattern in _TO_ROLE.items() if pattern.search(message)),
        "report" if is_manager else "manager",
    )
    for text in (message, *reversed(said)):
        name = _name_near(role, text)
        if name:
            return role, name
    return role, None


def measured(text: str) -> bool:
    """A fix said with its before and after ("cut pages from 30 a week to 4"); "fixed like
    30 incidents" counts effort, and "reduced hours" has no numbers at all."""
    return any(BEFORE_AFTER.search(text[m.start() : m.end() + 60]) for m in RESOLVED.finditer(text))


def asks_for_time(message: str) -> bool:
    """ "An email asking for a meeting about it", «попросить встречу»: the draft asks for time."""
    return bool(MEETING.search(message))


def wants_case(message: str) -> bool:
    """ "Write my promo summary line": an entry for the written case, not a message."""
    return bool(DRAFT_CASE.search(message))


def result_said(said: tuple[str, ...]) -> str | None:
    """A result the person reported with its numbers ("we cut pages from 30 a week to 4"),
    the one fact a case entry can carry in their own words."""
    for text in reversed(said):
        # The clause that carries it: "…off the legacy queue: 14 services, p99 latency went
        # from 800ms to 120ms, and…" gives "p99 latency went from 800ms to 120ms".
        for clause in re.split(r"(?<=[.!?])\s+|\n+|[:;]\s+|,\s+(?:and\s+)?", text):
            if measured(clause):
                result = clause.strip().rstrip(".!?")
                # "Last quarter I cut…" goes mid-sentence: "Result: last quarter I cut…"
                if len(result) > 1 and result[1].islower() and not result.startswith("I "):
                    result = result[0].lower() + result[1:]
                return result
    return None


def message_draft(lang: str, body: str, name: str | None) -> str:
    """The message, quoted so it reads as a text to copy, with a greeting and a sign-off."""
    t = TEXT[lang]
    # A body that ends on its question needs no "happy to talk" after it.
    close = "" if body.rstrip().endswith("?") else f" {t['draft_close']}"
    lines = [
        t["draft_hi"].format(name=name or t["draft_name"]),
        "",
        body + close,
        "",
        *t["draft_sign"].split("\n"),
    ]
    return t["draft_lead"] + "\n\n" + "\n".join(f"> {line}".rstrip() for line in lines)


def revises(message: str, said_lines: tuple[str, ...]) -> bool:
    """ "That's a bit long, cut it to three sentences" after a draft was written."""
    drafted = {"draft_lead", "draft_case_lead"} & set(said_lines)
    return bool(drafted) and bool(REVISE.search(message))


def short_draft(lang: str, name: str | None, to_report: bool) -> str:
    """The draft again in one line, for "too long" or "more casual"."""
    t = TEXT[lang]
    topic = t["draft_short_report" if to_report else "draft_short_self"]
    line = t["draft_short"].format(name=name or t["draft_name"], topic=topic)
    return t["draft_short_lead"] + "\n\n> " + line


def did_said(said: tuple[str, ...]) -> str | None:
    """What the person said they did ("I led the migration of our payments platform off the
    legacy queue"), the other fact a case entry can carry in their words."""
    for text in reversed(said):
        m = DID.search(text)
        if m:
            return m.group(0).strip().rstrip(",")
    return None


def case_draft(lang: str, said: tuple[str, ...], short: bool = False) -> str:
    """One entry of a written promotion case in the shape the sources describe: the
    problem, what you did, the measured result, who backs it; ``short``: the line alone."""
    t = TEXT[lang]
    result = result_said(said) or t["draft_case_result"]
    did = did_said(said) or t["draft_case_did"]
    if result in did:  # "I built a breakdown…, fixed the top three, and pages went from…"
        did = re.sub(r"[,;]?\s*(?:and\s+)?$", "", did[: did.index(result)])
        if ", " in did and " and " not in did and lang == "en":
            head, _, last = did.rpartition(", ")
            did = f"{head} and {last}"  # "…by cause and fixed the top three"
    if short:
        return (
            t["draft_case_short_lead"]
            + "\n\n> "
            + t["draft_case_short"].format(did=did, result=result)
        )
    entry = t["draft_case"].format(did=did, result=result)
    return t["draft_case_lead"] + "\n\n> " + entry
