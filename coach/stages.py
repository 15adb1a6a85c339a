"""The GROW stage policy: Goal, then Reality, then Options, then Will.

Pure: it looks at the profile, the turn number and the user's signals, and moves at
most one stage forward per turn, unless the user asks for advice outright or commits
to a next step, which jump straight to Options or Will.
"""

from __future__ import annotations

from coach.intents import TurnSignals
from coach.profile import STAGES, Profile, Stage


def next_stage(profile: Profile, signals: TurnSignals, user_turns: int) -> Stage:
    """The stage for the turn about to be answered."""
    current = profile.stage
    if signals.intent != "coaching":
        return current
    if profile.commitments:
        return "will"
    if signals.wants_direct_advice:
        return current if STAGES.index(current) >= STAGES.index("options") else "options"
    if current == "goal":
        goal_known = bool(profile.motivations or profile.target_level or profile.track)
        return "reality" if goal_known and user_turns >= 2 else "goal"
    if current == "reality":
        situation_known = profile.known_facts() >= 3 or (user_turns >= 3 and profile.blockers)
        return "options" if situation_known or user_turns >= 4 else "reality"
    if current == "options":
        return "will" if user_turns >= 5 or profile.opportunities else "options"
    return current
