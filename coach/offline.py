"""The offline grounded responder: a deterministic coach that needs no network.

It reads the request exactly as a remote model would (system prompt, history, the
delimited passages and the coach state), then composes a turn: a reflection of what
the user said, guidance quoted from the best-matching passage sentences with their
citation numbers, and at most two questions chosen for the GROW stage. It never
echoes its instructions, and it only ever cites passages it was given.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass

from coach.intents import classify
from coach.lexical import tokenize
from coach.models import Message
from coach.profile import STAGES, Profile, learn
from coach.prompting import CoachState, ParsedRequest, PromptPassage, make_state, parse_request
from coach.texts import QUESTIONS, TEXT, label

SENTENCE_SPLIT = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+|\n+")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
ADVICE_MARKERS = re.compile(
    r"\b(should|worth|try|ask|if you|you'll need|you need|it's okay|look for|identify|"
    r"help|make|reduce|improve|fix|solve|measurable|opportunit\w*|responsibilit\w*)\b"
    r"|стоит|нужно|если бы вы|возможност",
    re.I,
)
COMPLAINT_MARKERS = re.compile(
    r"\b(i can'?t|i cannot|we don'?t|we just|our work isn'?t|no opportunities|not complex enough|"
    r"isn'?t a single|nobody asked|never (been )?a priority|boring for them|we have no|"
    r"don'?t have time|no one gets promoted|isn'?t challenging)\b"
    r"|не могу|нет возможностей|недостаточно сложн|не просили|скучной",
    re.I,
)
STAGE_MARKERS = {
    "goal": re.compile(
        r"\b(goal|worth|decide|introspection|imagine|reasons?|stress|learn|grow)\w*", re.I
    ),
    "reality": re.compile(
        r"\b(manager|expectations?|gaps?|scope|responsibilit\w*|different work)\b", re.I
    ),
    "options": re.compile(
        r"\b(opportunit\w*|improv\w*|reduc\w*|fix\w*|metrics|dashboard|measurable|solv\w*|"
        r"recurring|systematically|make it)\b|болевые точки|решать",
        re.I,
    ),
    "will": re.compile(
        r"\b(ask|bring(ing)? it up|quarter|feedback|cycle|actionable|steps?)\b", re.I
    ),
}
POINTS_PER_STAGE = {"goal": 1, "reality": 2, "options": 3, "will": 1}


class OfflineResponder:
    """The embedded default chat model: deterministic, grounded, no network."""

    name = "offline grounded responder"
    is_offline = True

    def stream(self, messages: list[Message]) -> Iterator[str]:
        text = respond(parse_request(messages))
        yield from re.findall(r"\S+\s*|\s+", text)


@dataclass(frozen=True)
class Candidate:
    passage: PromptPassage
    text: str
    rendered: bool
    score: float


def state_for(request: ParsedRequest) -> CoachState:
    """The coach state from the request, or one inferred from the messages alone."""
    if request.state is not None:
        return request.state
    profile = learn(learned_before(request), request.user_message)
    signals = classify(request.user_message)
    user_turns = 1 + sum(1 for m in request.history if m["role"] == "user")
    return make_state(profile, signals, "goal" if user_turns < 2 else "reality", user_turns)


def respond(request: ParsedRequest) -> str:
    """Compose one coaching turn from a parsed request."""
    state = state_for(request)
    lang = state.language if state.language in TEXT else "en"
    t = TEXT[lang]
    if state.intent == "distress":
        return t["distress"]
    if state.intent == "override":
        return t["override"]
    if state.intent == "off_topic":
        return t["off_topic"]
    profile = Profile.model_validate({**state.profile, "locked": []})
    if state.is_greeting and state.user_turns <= 1:
        return t["greeting"]

    parts: list[str] = []
    direct = state.wants_direct_advice
    if state.intent == "out_of_scope":
        parts.append(t["out_of_scope"])
    else:
        # Say back only what this message added, so long conversations don't repeat.
        reflection = reflect(news(request), lang)
        if reflection:
            parts.append(reflection)

    n_points = 3 if direct else POINTS_PER_STAGE.get(state.stage, 2)
    if is_information_request(request.user_message):
        n_points = max(n_points, 2)  # a direct question deserves an answer, then questions
    if state.intent == "out_of_scope":
        n_points = 1
    points = choose_points(request, state, n_points, lang)
    if points:
        lead = (
            t["lead_out_of_scope"] if state.intent == "out_of_scope" else t[f"lead_{state.stage}"]
        )
        if direct:
            lead = t["lead_direct"]
        parts.append(lead)
        parts.append("\n".join(format_point(c, lang) for c in points))
    elif state.intent != "out_of_scope":
        parts.append(t["no_sources"])

    if state.stage == "will" and profile.commitments and not direct:
        latest = profile.commitments[-1]
        due = f" ({latest.due})" if latest.due else ""
        parts.append(t["commitment_ack"].format(action=latest.action, due=due))
    if state.stage in ("options", "will") or direct:
        parts.append(t["no_promises"])

    limit = 1 if direct or state.intent == "out_of_scope" else 2
    questions = choose_questions(profile, state, request.history, lang, limit)
    if questions:
        parts.append(" ".join(questions))
    else:
        parts.append(t["next_step"])
    return "\n\n".join(p for p in parts if p).strip()


INFORMATION_REQUEST = re.compile(
    r"^\s*(what|how|is|are|does|do|can|could|should|which|why|when|who)\b|\?\s*$"
    r"|^\s*(что|как|какие|какой|стоит|почему|можно)\b",
    re.I,
)


def is_information_request(message: str) -> bool:
    return bool(INFORMATION_REQUEST.search(message.strip()))


def learned_before(request: ParsedRequest) -> Profile:
    """The profile the user's earlier messages imply, for requests that carry no state."""
    profile = Profile()
    for m in request.history:
        if m["role"] == "user":
            profile = learn(profile, m["content"])
    return profile


def news(request: ParsedRequest) -> Profile:
    """What the latest message says that earlier messages had not already said."""
    before = learned_before(request)
    said = learn(Profile(), request.user_message)
    return said.model_copy(
        update={
            "current_level": None
            if said.current_level == before.current_level
            else said.current_level,
            "target_level": None if said.target_level == before.target_level else said.target_level,
            "team": None if said.team == before.team else said.team,
            "blockers": [b for b in said.blockers if b not in before.blockers],
            "motivations": [m for m in said.motivations if m not in before.motivations],
        }
    )


def reflect(profile: Profile, lang: str) -> str:
    """One sentence saying back what the coach has understood so far."""
    t = TEXT[lang]
    facts = []
    if profile.current_level:
        facts.append(t["you_are"].format(level=profile.current_level))
    if profile.team:
        facts.append(t["on_team"].format(team=profile.team))
    if profile.target_level:
        facts.append(t["aiming_for"].format(level=profile.target_level))
    if profile.blockers:
        facts.append(
            t["dealing_with"].format(items=", ".join(label(b, lang) for b in profile.blockers[:2]))
        )
    if profile.motivations:
        facts.append(
            t["motivated_by"].format(
                items=", ".join(label(m, lang) for m in profile.motivations[:2])
            )
        )
    if not facts:
        return ""
    joined = facts[0] if len(facts) == 1 else ", ".join(facts[:-1]) + t["and"] + facts[-1]
    return t["reflection"].format(facts=joined)


def _sentences(passage: PromptPassage, lang: str) -> list[tuple[str, bool]]:
    """Candidate sentences: the passage's own, with Russian quotes swapped for their
    English renderings when answering in English."""
    out: list[tuple[str, bool]] = []
    for raw in SENTENCE_SPLIT.split(passage.text):
        sentence = re.sub(r"^\s*(?:[-*•]|\d+[.)])\s+", "", raw).strip().strip('"“”«»')
        sentence = re.sub(r"\*\*|__|\[(_?)(.*?)\1\]\([^)]*\)", r"\2", sentence).strip()
        # Drop narration before a quotation ("Now is my time to shake my head: “...").
        sentence = re.sub(r"^[^“\"«]{0,60}:\s*[“\"«]", "", sentence)
        sentence = re.sub(r"[“”\"«»]", "", sentence).strip()
        if not sentence:
            continue
        if CYRILLIC.search(sentence) and lang == "en":
            continue
        out.append((sentence, False))
    if lang == "en":
        out.extend((r.strip(), True) for r in passage.renderings)
    return out


def choose_points(request: ParsedRequest, state: CoachState, n: int, lang: str) -> list[Candidate]:
    """The ``n`` best guidance sentences, at most one per passage, in citation order."""
    if n <= 0 or not request.passages:
        return []
    recent = [m["content"] for m in request.history if m["role"] == "user"][-2:]
    profile = state.profile
    query_text = " ".join(
        [
            request.user_message,
            *recent,
            *profile.get("blockers", []),
            *profile.get("motivations", []),
        ]
    )
    query_terms = set(tokenize(query_text))
    focus_terms = set(tokenize(request.user_message))
    stage_marker = STAGE_MARKERS.get(state.stage)
    pool = [
        (rank, passage, text, rendered, set(tokenize(text)))
        for rank, passage in enumerate(request.passages, start=1)
        for text, rendered in _sentences(passage, lang)
        if 35 <= len(text) <= 400 and not text.endswith("?")
    ]
    # Local IDF: a term shared by few candidate sentences says more than a common one.
    df: dict[str, int] = {}
    for *_, terms in pool:
        for term in terms:
            df[term] = df.get(term, 0) + 1
    idf = {term: math.log(1 + len(pool) / count) for term, count in df.items()}
    best: dict[int, Candidate] = {}
    for rank, passage, text, rendered, terms in pool:
        score = sum(idf[t] for t in terms & query_terms)
        score += 0.5 * sum(idf[t] for t in terms & focus_terms)  # this turn's own words
        score += 2.5 / rank
        if ADVICE_MARKERS.search(text):
            score += 0.75
        if COMPLAINT_MARKERS.search(text):
            score -= 4.0
        if stage_marker and stage_marker.search(text):
            score += 0.5
        if lang == "ru" and CYRILLIC.search(text):
            score += 1.5
        candidate = Candidate(passage, text, rendered, score)
        current = best.get(passage.n)
        if current is None or (candidate.score, -len(text)) > (current.score, -len(current.text)):
            best[passage.n] = candidate
    chosen: list[Candidate] = []
    seen: set[str] = set()
    for candidate in sorted(best.values(), key=lambda c: (-c.score, c.passage.n)):
        key = re.sub(r"\W+", " ", candidate.text.lower()).strip()
        if key in seen or candidate.score <= 0:
            continue
        seen.add(key)
        chosen.append(candidate)
        if len(chosen) == n:
            break
    return sorted(chosen, key=lambda c: c.passage.n)


def format_point(candidate: Candidate, lang: str) -> str:
    t = TEXT[lang]
    text = candidate.text if len(candidate.text) <= 320 else candidate.text[:317].rstrip() + "…"
    note = f" {t['rendered']}" if candidate.rendered and t["rendered"] else ""
    return f"- {t['quote_open']}{text}{t['quote_close']}{note} [{candidate.passage.n}]"


def choose_questions(
    profile: Profile, state: CoachState, history: list[Message], lang: str, limit: int
) -> list[str]:
    """Up to ``limit`` questions not asked before: this stage's, or, once those are used
    up, the next stage's, so a long conversation keeps moving instead of stalling."""
    asked = " ".join(m["content"] for m in history if m["role"] == "assistant")
    for stage in STAGES[STAGES.index(state.stage) :]:
        chosen = [
            question
            for condition, question in QUESTIONS[lang][stage]
            if question not in asked and condition(profile)
        ][:limit]
        if chosen:
            return chosen
    return []
