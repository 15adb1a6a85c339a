"""What kind of turn a message is: distress, an override attempt, off-topic, out of scope,
a direct request for advice, or an ordinary coaching turn; and which language it is in.

Pure and deterministic, so the same signals steer the offline responder and are stated
to a remote model in the coach state.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Intent = Literal["distress", "override", "off_topic", "out_of_scope", "coaching"]
Language = Literal["en", "ru"]

DISTRESS = re.compile(
    r"\b(burn(ed|t)?[- ]?out|burning out|exhausted|can'?t (cope|sleep|go on|take (it|this))|"
    r"panic attacks?|depress(ed|ion)|anxiety|anxious all|hopeless|breaking down|"
    r"want to (die|disappear)|kill myself|suicid\w*|self[- ]harm|hate my life|crying every)\b"
    r"|выгора|выгорел|депресс|не могу больше|нет сил|паническ|тревог|не хочу жить",
    re.I,
)
OVERRIDE = re.compile(
    r"\b(ignore|disregard|forget|override)\b[^.?!]{0,40}\b(previous|prior|above|your|all|the)\b"
    r"[^.?!]{0,20}\b(instructions?|rules?|prompt|guidelines)\b"
    r"|\b(system prompt|your (instructions|prompt|rules)|developer mode|jailbreak|"
    r"you are now|pretend (you are|to be)|act as (?!a coach)|reveal|print your)\b"
    r"|</?(system|instructions?|passages?|coach_state)>|\[/?(system|inst)\]"
    r"|игнорируй|системн\w+ промпт|твои инструкции",
    re.I,
)
OFF_TOPIC = re.compile(
    r"\b(write|give me|generate|debug|fix)\b[^.?!]{0,30}\b(code|function|script|sql|regex|"
    r"program|class|poem|essay|story)\b|\b(capital of|recipe|weather|football|who won|"
    r"translate this|tell me a joke|horoscope|stock tips?|crypto)\b"
    r"|напиши (код|функцию|скрипт|стих)|столица|рецепт|погода",
    re.I,
)
OUT_OF_SCOPE = re.compile(
    r"\b(salary|pay|comp(ensation)?) (bands?|ranges?|numbers?|levels?)\b|\bhow much (do|does|will|would)\b"
    r"[^.?!]{0,40}\b(make|earn|pay|paid)\b|\b(google|meta|facebook|amazon|microsoft|apple|netflix|"
    r"stripe|uber)'?s?\b[^.?!]{0,40}\b(policy|policies|process|rules|bands|pay|salary|quota)\b"
    r"|\b(equity|rsus?|stock options?) (grant|refresh)\b|\blegal advice\b|\bvisa\b"
    r"|зарплатн\w+ вилк|сколько платят|сколько получает",
    re.I,
)
DIRECT_ADVICE = re.compile(
    r"\b(just tell me|tell me what to do|give me (the |your )?(advice|answer)|what should i do|"
    r"skip the questions|no questions|straight answer|be direct)\b"
    r"|просто скажи|что мне делать|дай совет",
    re.I,
)
GREETING = re.compile(r"^\s*(hi|hello|hey|привет|здравствуйте)\b[\s!.,]*$", re.I)
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z]")


@dataclass(frozen=True)
class TurnSignals:
    intent: Intent
    wants_direct_advice: bool
    is_greeting: bool
    language: Language


def detect_language(text: str) -> Language:
    """Russian when Cyrillic letters outnumber Latin ones, else English."""
    return "ru" if len(CYRILLIC.findall(text)) > len(LATIN.findall(text)) else "en"


def classify(message: str) -> TurnSignals:
    """Read one user message. Distress comes first: it outranks every other signal."""
    if DISTRESS.search(message):
        intent: Intent = "distress"
    elif OVERRIDE.search(message):
        intent = "override"
    elif OUT_OF_SCOPE.search(message):
        intent = "out_of_scope"
    elif OFF_TOPIC.search(message) and not re.search(r"\bpromot", message, re.I):
        intent = "off_topic"
    else:
        intent = "coaching"
    return TurnSignals(
        intent=intent,
        wants_direct_advice=bool(DIRECT_ADVICE.search(message)),
        is_greeting=bool(GREETING.match(message)),
        language=detect_language(message),
    )
