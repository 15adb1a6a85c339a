"""English: the coach's words, question bank and labels, and how English is read.

Every key of ``TEXT`` exists in every pack: an answer in one language never borrows
another's words. Nothing here states a fact about careers; facts come from cited cards.
"""

from __future__ import annotations

import datetime as dt
import re

CODE = "en"
LETTERS = "A-Za-z"
STEMMER = "english"
QUOTES = ("“", "”")

TEXT: dict[str, str] = {
    "distress": (
        "I'm sorry you're carrying this. What you describe sounds heavy, and it matters "
        "more than any promotion. If you feel unsafe or in crisis, please contact local "
        "emergency services or a crisis line now. Otherwise, it may help to talk to someone "
        "you trust, your doctor, or your company's employee assistance programme if it has "
        "one. Career questions can wait until you have support and some rest.\n\n"
        "Would it help to talk about what could make the next week a little lighter?"
    ),
    "support_again": (
        "Thank you for telling me more. How you are doing comes first, and nothing about "
        "your job or the promotion needs deciding today."
    ),
    "support_question_1": "Who could you talk to about this in the next day or two?",
    "support_question_2": "What is one thing that would make this week a little easier?",
    "support_question_3": "Is there something you could take off your plate for now?",
    "support_later": "When you feel ready, we can look at the next steps for your career together.",
    "gentle": "We can look at that, and there's no rush: one small step is plenty for now.",
    # A feeling named in passing (not a crisis) is acknowledged before anything else.
    "feel_anxious": "That sounds stressful, and it makes sense that it's on your mind.",
    "feel_inadequate": "Feeling like you don't measure up is hard, and worth taking seriously.",
    "feel_unseen": "Feeling that your work goes unseen is discouraging, especially when you're "
    "doing it.",
    "feel_returning": "Coming back after a long time away is a real transition; it's fair to "
    "give yourself time to find your feet.",
    "feel_stuck": "Feeling stuck wears you down; it makes sense to look for a way through.",
    "pushback": "Fair point: general advice only goes so far. Let me work from what you've told "
    "me.",
    "plan_lead": "Here is a plan for the next few weeks, one focus a week, from what my sources "
    "advise:",
    "plan_week": "Week {n}:",
    "plan_lead_steps": "Here is what I'd focus on, in this order, from what my sources advise:",
    "plan_step": "{n}.",
    "off_topic_again": (
        "That one's outside my lane too. If something about your work or growth is on your "
        "mind, I'm here for it.\n\nWhat would be most useful to think through?"
    ),
    "commitment_tip": "One thing that helps it count:",
    "override": (
        "I can't share or change how I'm set up, but I'm glad to keep coaching you on your "
        "career.\n\nWhat's on your mind about your growth right now?"
    ),
    "off_topic": (
        "That's outside what I can help with: I'm a career coach for engineers, so I stay "
        "with growth, promotion and the work around them.\n\nIs there something about your "
        "career you'd like to think through?"
    ),
    "greeting": (
        "Hi! I'm a career coach for engineers. I'll ask about your goals and situation, and "
        "bring in what my sources say, with citations.\n\nWhat would you like to think "
        "through: whether to go for a promotion, or where the opportunities on your team are?"
    ),
    "out_of_scope": (
        "My sources don't cover that part (pay, visas, a specific company's rules), so I "
        "won't guess at it. HR, your company's published guides or your manager can give you "
        "the real answer."
    ),
    "reflection": "It sounds like {facts}.",
    "and": " and ",
    "list_sep": ", ",
    "you_are": "you're {level}",
    "you_are_at": "you're at {level}",
    "on_team": "you work on the {team} team",
    "aiming_for": "you'd like to become {level}",
    "aiming_for_code": "you'd like to reach {level}",
    "dealing_with": "you're dealing with {items}",
    "motivated_by": "what draws you is {items}",
    "track_management": "you're considering a move into management",
    "track_ic": "you want to stay on the individual-contributor track",
    "manager_aligned": "your manager supports you",
    "manager_misaligned": "your manager isn't on board yet",
    "manager_not_discussed": "promotion hasn't come up with your manager yet",
    "lead_goal_1": "One thing worth weighing:",
    "lead_goal_2": "Something to keep in mind:",
    "lead_reality_1": "Something that bears on your situation:",
    "lead_reality_2": "Worth keeping in mind as you look at where you are:",
    "lead_options_one": "One option the sources support:",
    "lead_options_1": "Options the sources support:",
    "lead_options_2": "Directions worth considering:",
    "lead_will_1": "To keep the next step concrete:",
    "lead_will_2": "One thing that makes a next step stick:",
    "lead_out_of_scope_1": "What my sources do say that's close to your question:",
    "lead_out_of_scope_2": "What my sources do say that's close to your question:",
    "no_sources": (
        "I couldn't find anything in my sources that speaks to this directly, so I won't "
        "make something up."
    ),
    "bias_ack": (
        "Thank you for saying this; it deserves to be taken seriously, not explained away."
    ),
    "bias_next": (
        "Write down the specifics (the work, the feedback, the outcomes next to your peers') "
        "and bring them to someone who can look at it with you: a skip-level manager, HR, "
        "or a mentor you trust."
    ),
    "commitment_ack": "You've committed to {action}{due}. Put it in your calendar and "
    "mention it to your manager at your next one-on-one.",
    "commitment_ack_with": "You've committed to {action}{due}. Put it in your calendar.",
    "due": " by {date}",
    "no_promises": "No one can promise a promotion, me included; what you can control is "
    "the evidence and the conversation with your manager.",
    "next_step_1": "A next step: pick the point above that fits your team best and try it "
    "this week.",
    "next_step_2": "A next step: write down what you'll try and when you'll review it.",
    "rendered": "(rendered from the Russian)",
}

#: Profile values said back in a sentence ("you're dealing with …").
PHRASES: dict[str, str] = {
    "heavy operational load": "a heavy operational load",
    "maintenance-only work": "a team that mostly maintains existing systems",
    "few visible opportunities": "few visible opportunities",
    "vague feedback": "feedback too vague to act on",
    "work feels too easy": "work that feels too easy",
    "passed over in a cycle": "being passed over for promotion",
    "possible bias": "the possibility of bias",
    "no time beyond current work": "no time beyond your current work",
    "compensation": "the money",
    "learning and growth": "learning and growth",
    "recognition": "recognition",
    "more interesting work": "more interesting work",
    "influence": "more influence",
    "impact": "more impact",
    "keeping pace with peers": "keeping pace with your peers",
}

#: Level names as said in a sentence; company codes (SDE-2, L5) are kept as written.
LEVEL_NAMES: dict[str, str] = {
    "entry engineer": "an entry-level engineer",
    "engineer": "a mid-level engineer",
    "senior engineer": "a senior engineer",
    "staff engineer": "a staff engineer",
    "principal engineer": "a principal engineer",
    "engineering manager": "an engineering manager",
}
LEVEL_NAMES_TARGET: dict[str, str] = {
    "entry engineer": "an entry-level engineer",
    "engineer": "a mid-level engineer",
    "senior engineer": "a senior engineer",
    "staff engineer": "a staff engineer",
    "principal engineer": "a principal engineer",
    "engineering manager": "an engineering manager",
}

#: Questions by GROW stage. Each is (slot, variants): the slot is the profile field it
#: asks about (skipped once known) or a topic name; variants keep the wording fresh.
QUESTIONS: dict[str, list[tuple[str, list[str]]]] = {
    "goal": [
        ("motivations", [
            "What draws you to a promotion right now: the money, the scope, the "
            "recognition, or something else?",
            "What would a promotion give you that you don't have today?",
        ]),
        ("target_level", [
            "Which level are you aiming for, and what do you picture doing differently "
            "there?",
        ]),
        ("why", [
            "Is it the promotion itself you want, or what you hope it brings?",
            "If you imagine a good week a year after the promotion, what does it look like?",
        ]),
    ],
    "reality": [
        ("current_level", ["What's your current level, and what does your team mostly "
                           "work on?"]),
        ("blockers", ["Where does most of your time go today: new features, operations, "
                      "or something else?"]),
        ("manager_alignment", [
            "Have you told your manager you want this, and what did they say?",
        ]),
        ("gap", ["What would someone at the next level do differently on your team today?"]),
    ],
    "options": [
        ("pick", ["Which of these feels most within reach on your team?",
                  "Which of these could you start on without asking anyone's permission?"]),
        ("visible", ["Who would need to see that work for it to count?"]),
    ],
    "will": [
        ("commitments", ["What is one step you could take in the next two weeks, and by "
                         "what date?"]),
        ("obstacle", ["What might get in the way, and how will you handle it?"]),
        ("check_in", ["When will you next check in with your manager about it?"]),
    ],
}  # fmt: skip

_PERSON = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "we": "you", "us": "you", "our": "your", "ours": "yours", "ourselves": "yourselves",
    "i'm": "you're", "i've": "you've", "i'll": "you'll", "am": "are",
}  # fmt: skip


def second_person(text: str) -> str:
    """A person's own words said back to them: "talk to my lead" → "talk to your lead"."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return _PERSON.get(word.lower(), word)

    return re.sub(r"\b(?:i'm|i've|i'll|[a-z]+)\b", swap, text, flags=re.I)


def format_date(day: dt.date) -> str:
    """ "Friday 27 November"."""
    return f"{day:%A} {day.day} {day:%B}"
