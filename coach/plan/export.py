"""Views of a plan: Markdown for reading, a promotion-case draft, and an iCalendar file.

The draft follows the shape the ladder's promotion-document guidance describes (role and
scope, the work with measurable results, examples mapped to the ladder's dimensions,
feedback, the manager's assessment). Every statement in it is one of the person's own
evidence entries, cited with its date; a section without evidence says what to gather
instead of inventing it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from coach.plan.model import Commitment, Evidence, Plan

STATUS_MARK = {"open": "○", "done": "✓", "slipped": "⚠", "dropped": "✗"}


def _one_line(text: str) -> str:
    """Person-written text on one line, so it cannot start a heading or fake a section."""
    return " ".join(text.split())


def first_sentence(text: str, limit: int = 220) -> str:
    """The opening sentence of a ladder expectation, for a list that stays readable."""
    flat = _one_line(text).lstrip("- ")
    cut = re.search(r"(?<=[.!?])\s", flat)
    sentence = flat[: cut.start()] if cut else flat
    return sentence if len(sentence) <= limit else sentence[: limit - 1].rstrip() + "…"


def commitment_line(c: Commitment, today: dt.date | None = None) -> str:
    due = f" — due {c.due.isoformat()}" if c.due else ""
    late = " (overdue)" if today and c.status == "open" and c.due and c.due < today else ""
    status = ""
    if c.status != "open":
        status = f" ({c.status}" + (f" {c.closed.isoformat()}" if c.closed else "") + ")"
    return f"- {STATUS_MARK[c.status]} {_one_line(c.action)}{due}{late}{status} `{c.id}`"


def evidence_line(e: Evidence, number: int) -> str:
    impact = f" — impact: {_one_line(e.impact)}" if e.impact else ""
    links = f" ({', '.join(e.links)})" if e.links else ""
    return f"- **E{number}** ({e.date.isoformat()}) {_one_line(e.what)}{impact}{links} `{e.id}`"


def plan_markdown(plan: Plan, today: dt.date) -> str:
    """The whole plan, for `coach plan show`, the chat's /plan and the UI's Plan tab."""
    lines = ["# Promotion plan", ""]
    goal = plan.target_level or "_not set_"
    lines += [
        f"**Goal:** {_one_line(goal)}" + (f" — {_one_line(plan.why)}" if plan.why else ""),
        "",
    ]
    if plan.current_level or plan.track:
        now = plan.current_level or "_not set_"
        lines.append(
            f"**Now:** {_one_line(now)}" + (f" ({plan.track} track)" if plan.track else "")
        )
    nxt = plan.check_in.next
    cadence = (
        f", then every {plan.check_in.cadence_months} months"
        if plan.check_in.cadence_months
        else ""
    )
    lines += [
        f"**Next check-in with your {plan.check_in.with_whom}:** "
        + (f"{nxt.isoformat()}{cadence}" if nxt else "_not scheduled_"),
        "",
        "## Commitments",
        "",
    ]
    lines += [commitment_line(c, today) for c in plan.commitments] or ["_None yet._"]
    lines += ["", "## Gaps against the target level", ""]
    for gap in plan.gaps:
        related = [i for i, e in enumerate(plan.evidence, 1) if e.gap == gap.id]
        shown = f" — evidence: {', '.join(f'E{i}' for i in related)}" if related else ""
        lines.append(
            f"- **{gap.dimension}** ({gap.doc_id}): {first_sentence(gap.expectation)}"
            f"{shown} `{gap.id}`"
        )
    if not plan.gaps:
        lines.append("_None mapped yet: set a target level, then `coach plan edit --map-gaps`._")
    lines += ["", "## Options considered", ""]
    lines += [f"- {_one_line(o)}" for o in plan.options] or ["_None yet._"]
    lines += ["", "## Evidence log", ""]
    lines += [evidence_line(e, i) for i, e in enumerate(plan.evidence, 1)] or ["_None yet._"]
    if plan.proposals:
        lines += ["", "## The coach suggests", ""]
        lines += [
            f"- set {p.field} to {_one_line(p.value)!r}"
            + (f" ({_one_line(p.reason)})" if p.reason else "")
            for p in plan.proposals
        ]
    return "\n".join(lines).rstrip() + "\n"


def packet_markdown(plan: Plan, today: dt.date) -> str:
    """A promotion-case draft built only from the person's plan and evidence log."""
    cite = {e.id: f"E{i}" for i, e in enumerate(plan.evidence, 1)}
    target = _one_line(plan.target_level) if plan.target_level else "(target level not set)"
    lines = [
        f"# Promotion case draft: {target}",
        "",
        f"_Drafted {today.isoformat()} from your plan and evidence log. Every statement below is "
        "an entry you wrote, cited as [E#] with its date; sections marked *to gather* have no "
        "evidence yet. Edit freely before sharing with your manager._",
        "",
        "## Role and scope",
        "",
    ]
    if plan.current_level:
        lines.append(f"- Current level: {_one_line(plan.current_level)}")
    if plan.why:
        lines.append(f"- Why this promotion: {_one_line(plan.why)}")
    if not plan.current_level and not plan.why:
        lines.append("- *To gather:* your current role and the scope you own.")
    lines += ["", "## Work and measurable results", ""]
    for e in plan.evidence:
        result = (
            f" Result: {_one_line(e.impact)}." if e.impact else " Result: *to gather (a number)*."
        )
        links = f" Links: {', '.join(e.links)}." if e.links else ""
        lines.append(f"- {_one_line(e.what)}.{result}{links} [{cite[e.id]}, {e.date.isoformat()}]")
    if not plan.evidence:
        lines.append(
            "- *To gather:* each main project: the problem, what you did, a measurable result."
        )
    lines += ["", "## Examples mapped to the ladder", ""]
    for gap in plan.gaps:
        related = [e for e in plan.evidence if e.gap == gap.id]
        shown = (
            "; ".join(f"{_one_line(e.what)} [{cite[e.id]}, {e.date.isoformat()}]" for e in related)
            if related
            else "*to gather*"
        )
        lines.append(f"- **{gap.dimension}** (`{gap.doc_id}`): {shown}")
    if not plan.gaps:
        lines.append(
            "- *To gather:* map your work to the target level (`coach plan edit --map-gaps`)."
        )
    done = [c for c in plan.commitments if c.status == "done"]
    if done:
        lines += ["", "## Commitments kept", ""]
        lines += [
            f"- {_one_line(c.action)} (done {c.closed.isoformat() if c.closed else ''})"
            for c in done
        ]
    lines += [
        "",
        "## Feedback from peers and partners",
        "",
        "- *To gather:* ask two or three people you worked with, including one outside your team.",
        "",
        "## Manager's assessment",
        "",
        "- *Your manager writes this part.*",
    ]
    return "\n".join(lines).rstrip() + "\n"


def plan_ics(plan: Plan, owner: str, today: dt.date) -> bytes:
    """Check-ins and commitment due dates as an iCalendar file (RFC 5545).

    The check-in repeats by its cadence (quarterly by default); each open commitment with
    a due date is an all-day event. UIDs are stable, so re-importing updates events.
    """
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", "-//coach//promotion plan//EN")
    calendar.add("version", "2.0")
    stamp = dt.datetime.combine(today, dt.time(), tzinfo=dt.UTC)

    def uid(kind: str, key: str) -> str:
        digest = hashlib.sha256(f"{owner}\x00{kind}\x00{key}".encode()).hexdigest()[:24]
        return f"{digest}@coach"

    if plan.check_in.next:
        event = Event()
        event.add("uid", uid("check-in", "recurring"))
        event.add("dtstamp", stamp)
        event.add("summary", f"Career check-in with your {plan.check_in.with_whom}")
        event.add("description", "Review the plan's gaps, commitments and evidence together.")
        event.add("dtstart", plan.check_in.next)
        event.add("dtend", plan.check_in.next + dt.timedelta(days=1))
        if plan.check_in.cadence_months:
            event.add("rrule", {"freq": "monthly", "interval": plan.check_in.cadence_months})
        calendar.add_component(event)
    for c in plan.commitments:
        if c.due is None or c.status != "open":
            continue
        event = Event()
        event.add("uid", uid("commitment", c.id))
        event.add("dtstamp", stamp)
        event.add("summary", f"Due: {_one_line(c.action)[:200]}")
        event.add("dtstart", c.due)
        event.add("dtend", c.due + dt.timedelta(days=1))
        calendar.add_component(event)
    return calendar.to_ical()
