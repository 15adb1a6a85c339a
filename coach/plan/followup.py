"""Between conversations: what the coach brings back, and what it learns into the plan.

Pure functions over the plan and the profile, used by ``Coach``: when a person returns and a
commitment is due (or a check-in has passed), the coach opens with it; their next message
is read as the answer and recorded (done with evidence, slipped, dropped); commitments and
goals stated in a conversation reach the plan as the coach's additions or suggestions,
never over what the person wrote themselves.
"""

from __future__ import annotations

import datetime as dt

from coach.coaching.profile import Profile
from coach.lang import pack, reading
from coach.plan import model as plans
from coach.plan.model import Plan


def opening(plan: Plan, today: dt.date, lang: str) -> tuple[Plan, str] | None:
    """The line a returning person is greeted with, and the plan marked as having asked it.

    A due commitment comes first (it is concrete); otherwise a check-in whose date passed.
    """
    t = pack(lang).text
    due = plans.due_followups(plan, today)
    if due:
        commitment = due[0]
        updated = plan.model_copy(deep=True)
        target = updated.commitment(commitment.id)
        target.followed_up = today
        updated.awaiting = commitment.id
        when = t["followup_due"].format(date=commitment.due.isoformat()) if commitment.due else ""
        return updated, t["followup_opening"].format(action=commitment.action, due=when)
    if plans.check_in_due(plan, today) and plan.check_in.next is not None:
        text = t["followup_check_in"].format(who=plan.check_in.with_whom, date=plan.check_in.next)
        return plans.advance_check_in(plan, today), text
    return None


def record_answer(plan: Plan, message: str, today: dt.date, lang: str) -> tuple[Plan, str]:
    """Read ``message`` as the answer to the follow-up the plan awaits; (plan, acknowledgement)."""
    ref = plan.awaiting
    if ref is None:
        return plan, ""
    try:
        action = plan.commitment(ref).action
    except KeyError:
        return plan.model_copy(update={"awaiting": None}), ""
    updated, status = plans.record_followup(plan, ref, message, today=today)
    updated = updated.model_copy(update={"awaiting": None})
    if status is None:
        return updated, ""
    return updated, pack(lang).text[f"recorded_{status}"].format(
        action=action, date=today.isoformat()
    )


#: "Done it", "I did it!", "finished, lead approved the design": a step reported as done
#: at the start of a message, with no "not yet" or "didn't" in it.
REPORTED_DONE = reading("reported-done")


def step_reported_done(plan: Plan, before: Profile, message: str) -> Plan:
    """The plan awaiting the step this conversation committed to, when ``message`` reports
    it done ("done it, what now?"), so that ``record_answer`` logs it as a follow-up would.

    Only the latest step, only while it is still open, and only a clear report: anything
    else ("didn't get to it", a new question) leaves the plan as it was.
    """
    if plan.awaiting is not None or not before.commitments or not REPORTED_DONE.search(message):
        return plan
    if plans.classify_followup(message) != "done":
        return plan
    latest = before.commitments[-1].action
    for commitment in reversed(plan.commitments):
        if commitment.status == "open" and commitment.action == latest:
            return plan.model_copy(update={"awaiting": commitment.id})
    return plan


def learn_into_plan(plan: Plan, before: Profile, after: Profile, today: dt.date) -> Plan:
    """Commitments and goals the conversation just revealed, added or suggested to the plan."""
    updated = plan
    known = {c.action for c in before.commitments}
    for commitment in after.commitments:
        if commitment.action in known:
            continue
        due = _date(commitment.due)
        updated, _ = plans.add_commitment(
            updated, commitment.action, due, author="coach", today=today
        )
    for field in ("target_level", "current_level"):
        value = getattr(after, field)
        if value and value != getattr(before, field):
            updated = plans.propose(updated, field, value, "you said so in a conversation")
    if after.track and after.track != before.track and after.track != "undecided":
        updated = plans.propose(updated, "track", after.track, "you said so in a conversation")
    return updated


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
