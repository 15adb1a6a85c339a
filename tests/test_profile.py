"""What the coach learns from a message: levels, and the profile lines a user sees."""

from __future__ import annotations

import pytest

from coach.coaching.profile import Commitment, Profile, classify_levels, learn


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I'm an SDE-2 and I want to reach senior within a year.", ("SDE-2", "senior engineer")),
        ("I want to make staff before I switch teams", (None, "staff engineer")),
        ("I'm senior, aiming for staff engineer", (None, "staff engineer")),
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
