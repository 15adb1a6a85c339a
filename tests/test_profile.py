"""What the coach learns from a message: levels, and the profile lines a user sees."""

from __future__ import annotations

import pytest

from coach.coaching.profile import Commitment, Profile, classify_levels, learn


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm an SDE-2 and I want to reach senior within a year.", ("SDE-2", "senior engineer")),
        ("I want to make staff before I switch teams", (None, "staff engineer")),
        ("I'm senior, aiming for staff engineer", ("senior engineer", "staff engineer")),
        ("I need to get to staff level", (None, "staff engineer")),
        ("What does a staff engineer actually do?", (None, None)),
        ("I'm a senior engineer.", ("senior engineer", None)),
    ],
)
def test_levels_are_told_apart_as_current_target_or_topic(
    text: str, expected: tuple[str | None, str | None]
) -> None:
    assert classify_levels(text) == expected


def test_a_goal_with_a_bare_level_word_sets_the_target() -> None:
    profile = learn(Profile(), "I'm an SDE-2 on a platform team and I want to reach senior.")
    assert (profile.current_level, profile.target_level, profile.team) == (
        "SDE-2",
        "senior engineer",
        "platform",
    )


def test_a_commitment_due_date_is_shown_once() -> None:
    profile = Profile(commitments=[Commitment(action="draft the proposal", due="by Friday")])
    assert "commitment: draft the proposal (by Friday)" in profile.summary_lines()


def test_levels_said_the_way_people_say_them() -> None:
    """Terse, past-tense and manager phrasings a reader saw the coach re-ask about."""
    cases = {
        "sde2. ops-heavy team. want senior.": ("SDE-2", "senior engineer", None),
        "Senior engineer, 6 years in.": ("senior engineer", None, None),
        "I'm a senior engineer, been senior for 3 years. I want staff.": (
            "senior engineer",
            "staff engineer",
            None,
        ),
        "I got promoted to senior two months ago.": ("senior engineer", None, None),
        "She was going to put me up for senior this cycle.": (None, "senior engineer", None),
        "I'm an SDE-2 aiming for senior.": ("SDE-2", "senior engineer", None),
        "I manage a team of 7 that runs billing.": ("engineering manager", None, "management"),
        "What does a senior engineer do?": (None, None, None),
        "What would I be doing differently as an L4?": (None, "L4", None),
    }
    for message, (current, target, track) in cases.items():
        p = learn(Profile(), message)
        assert (p.current_level, p.target_level, p.track) == (current, target, track), message


def test_a_lead_who_does_not_object_is_on_board() -> None:
    p = learn(Profile(), "Руководитель QA не против, но говорит, что позиций нет.")
    assert p.manager_alignment == "aligned"
    assert learn(Profile(), "Руководитель не поддерживает меня.").manager_alignment == "misaligned"
