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
from coach.lang import pack
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
