"""Guardrails around any chat model: what the coach answers itself, and what it checks after.

Before: distress, support-mode, injection and off-topic turns are answered by the coach's
own policy (the offline responder), never by the model. After: the model's answer must cite a given
passage (when passages were given), end with a question or a next step, promise no
promotion, be in the person's language, stay under the length cap, not loop, not echo
its instructions, not quote a sentence marked as not advice, and, when the person has
just committed to a step, say that step back. A failing answer is
replaced by the offline answer with a visible notice.
"""

from __future__ import annotations

import re
from collections import Counter

from coach.coaching.citations import CITATION
from coach.coaching.context import TurnContext
from coach.coaching.prompt import TAGS
from coach.coaching.signals import detect_language
from coach.lang import ANY_LETTER, reading
from coach.retrieval.lexical import tokenize

MAX_WORDS = 350
PROMISE = reading("promise")
NEXT_STEP = reading("next-step")
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
#: The prompt's own markup ("</user_message>", "<passage n=2>") in an answer: the model is
#: echoing its input, and a reader would see tags.
PROMPT_MARKUP = re.compile(rf"</?(?:{TAGS})\b[^>]*>", re.I)


def answered_by_policy(ctx: TurnContext) -> bool:
    """Turns the coach answers itself, before any model is called."""
    # Off-topic too: a model asked for code will write it; the coach redirects instead.
    return ctx.support_mode or ctx.signals.intent in ("distress", "override", "off_topic")


def check_answer(answer: str, ctx: TurnContext, system_prompt: str = "") -> list[str]:
    """What is wrong with a model's answer; empty when it may be shown as it is."""
    problems: list[str] = []
    text = answer.strip()
    if not text:
        return ["the answer is empty"]
    # Acknowledging a step the person just committed to needs no source.
    if ctx.passages and ctx.signals.intent == "coaching" and not ctx.news.commitments:
        cited = {int(n) for m in CITATION.finditer(text) for n in re.split(r"\D+", m.group(1)) if n}
        if not cited & set(range(1, len(ctx.passages) + 1)):
            problems.append("it cites none of the passages it was given")
    tail = text[-300:]
    # A closing citation ("…first? [1]") still ends the turn with a question.
    ending = re.sub(r"(\s*\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\])+\s*$", "", text)
    if not ending.rstrip('*_ )"”»').endswith("?") and not NEXT_STEP.search(tail):
        problems.append("it ends with neither a question nor a next step")
    if PROMISE.search(text):
        problems.append("it promises a promotion")
    letters = ANY_LETTER.findall(text)
    if len(letters) >= 20 and detect_language(text) != ctx.language:
        problems.append(f"it is not in the person's language ({ctx.language})")
    words = len(text.split())
    if words > MAX_WORDS:
        problems.append(f"it is {words} words long (the cap is {MAX_WORDS})")
    sentences = [s.strip().lower() for s in SENTENCE.split(text) if len(s.strip()) > 15]
    if sentences and Counter(sentences).most_common(1)[0][1] >= 3:
        problems.append("it repeats itself")
    if system_prompt and any(
        len(line) > 40 and line in text for line in system_prompt.splitlines()
    ):
        problems.append("it echoes its instructions")
    if PROMPT_MARKUP.search(text):
        problems.append("it repeats the prompt's markup")
    for passage in ctx.passages:
        for mark in passage.marks:
            if len(mark.text) > 25 and mark.text in text:
                problems.append(f"it quotes a {mark.kind} sentence as advice")
                break
    for commitment in ctx.news.commitments:
        if not restates(text, commitment.action):
            problems.append(
                f"it does not say back the step the person committed to: {commitment.action!r}"
            )
    return problems


def restates(answer: str, action: str) -> bool:
    """Whether an acknowledgement names the step: half its content words, stemmed, or two.

    A model that thanks the person for a different step (or for none) would otherwise be
    shown: the commitment turn needs no citation, so nothing else would catch it.
    """
    wanted = set(tokenize(action))
    if not wanted:
        return True
    said = wanted & set(tokenize(answer))
    return len(said) >= min(2, len(wanted)) or len(said) * 2 >= len(wanted)
