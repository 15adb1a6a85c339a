"""The GROW stage policy, the only one: Goal, then Reality, then Options, then Will.

Pure: it looks at the profile, the turn number and the user's signals, and moves at most
one stage forward per turn. A stage advances when its facts are known, or when the
conversation has spent long enough there (stuck is a reason to move, not to repeat).
A keyword never jumps stages: a direct question is answered directly by the responder
at whatever stage the conversation is; only a stated commitment goes straight to Will.
"""

from __future__ import annotations

from coach.coaching.profile import Profile, Stage
from coach.coaching.signals import TurnSignals


def next_stage(profile: Profile, signals: TurnSignals, user_turns: int) -> Stage:
    """The stage for the turn about to be answered."""
    current = profile.stage
    if signals.intent != "coaching":
        return current
    if profile.commitments:
        return "will"
    if current == "goal":
        goal_known = bool(profile.motivations or profile.target_level or profile.track)
        return "reality" if (goal_known and user_turns >= 2) or user_turns >= 3 else "goal"
    if current == "reality":
        known = profile.known_facts() >= 3 or (user_turns >= 3 and bool(profile.blockers))
        return "options" if known or user_turns >= 4 else "reality"
    if current == "options":
        return "will" if user_turns >= 6 or (profile.opportunities and user_turns >= 4) else current
    return current
