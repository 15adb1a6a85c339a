"""One coaching turn, end to end: save, understand, retrieve, prompt, stream, cite, save.

``Coach.turn`` yields events as the answer streams. The user's message is committed
before anything can fail; the reply is saved as it arrives, so an error keeps the
part received (marked cut off), and with ``fallback_offline`` the offline responder
answers the same request instead.
"""

from __future__ import annotations

import datetime as dt
import itertools
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from coach.coaching.citations import Source, in_citation_order, map_citations
from coach.coaching.context import TurnContext
from coach.coaching.crosswalk import names_a_company_level, with_company
from coach.coaching.guardrails import answered_by_policy, check_answer
from coach.coaching.guidance import GuidanceMap
from coach.coaching.meaning import CardMeaning
from coach.coaching.policy import (
    DistressCheck,
    after_distress,
    build_context,
    in_support_mode,
    last_answer,
    manages,
    thread_situations,
    understand,
)
from coach.coaching.profile import (
    Profile,
    card_level,
    level_step,
    person_levels,
    weighs_management,
)
from coach.coaching.prompt import SYSTEM_PROMPT, build_request, estimate_tokens, retrieval_queries
from coach.coaching.signals import TurnSignals, detect_language
from coach.errors import CoachError, ContextTooLong, ModelError
from coach.llm.base import ChatModel, ChatRequest, Message, text_pieces
from coach.llm.offline import OfflineResponder, respond
from coach.plan.followup import learn_into_plan, opening, record_answer, step_reported_done
from coach.retrieval.retriever import INCOMPLETE_INDEX, Passage, Retriever
from coach.security.identity import LOCAL_OWNER
from coach.security.sanitize import is_invisible
from coach.sessions.backends import SessionBackend
from coach.settings import Settings

SAVE_EVERY_SECONDS = 0.5
FOCUS_WEIGHTS = (1.5, 1.0)  # the new message counts more than the conversation around it
THREAD_WEIGHTS = (1.0, 1.5)  # unless it names nothing new
CONTROL_CHARS = {c for c in range(32) if c not in (9, 10, 13)} | {127} | set(range(0x80, 0xA0))


def first_cards(signals: TurnSignals, profile: Profile) -> tuple[tuple[str, str], ...]:
    """Cards a manager's question needs whatever else covers its topic: "He asked me 'will
    you promote me?'" needs what a manager can promise; "What should I bring to the CTO so
    he agrees?" needs what a written case holds."""
    if not manages(profile):
        return ()
    if signals.asks_guarantee:
        return (("manager-of-team", "promise promotion"),)
    if "evidence" in signals.situations:
        return (("evidence", "written case"),)
    return ()


class InputError(CoachError):
    """The message cannot be sent as it is (empty, too long)."""


def clean_message(text: str, limit: int) -> str:
    """Strip control characters and surrounding space; refuse empty or over-long input."""
    cleaned = "".join(ch for ch in text if ord(ch) not in CONTROL_CHARS)
    cleaned = cleaned.encode("utf-8", "replace").decode("utf-8").strip()
    if not cleaned or is_invisible(cleaned):  # zero-width characters alone show nothing
        raise InputError("The message is empty; type a question or describe your situation.")
    if len(cleaned) > limit:
        raise InputError(
            f"The message is {len(cleaned):,} characters; the limit is {limit:,}. "
            "Shorten it or split it into several messages."
        )
    return cleaned


def advance(profile: Profile, message: str, user_turns: int) -> tuple[Profile, TurnSignals]:
    """Learn from one user message and move the GROW stage; pure."""
    return understand(profile, message, user_turns)


@dataclass
class TurnResult:
    session_id: str
    answer: str
    sources: list[Source]
    stage: str
    profile: Profile
    model: str
    status: Literal["complete", "partial", "error", "fallback"]
    error: str | None = None
    notice: str | None = None
    passages: list[Passage] = field(default_factory=list)

    def as_dict(self) -> dict:
        return {
            "session_id": self.session_id,
            "answer": self.answer,
            "sources": [s.as_dict() for s in self.sources],
            "stage": self.stage,
            "profile": self.profile.model_dump(),
            "model": self.model,
            "status": self.status,
            "error": self.error,
            "notice": self.notice,
        }


@dataclass(frozen=True)
class Token:
    text: str


@dataclass(frozen=True)
class Notice:
    text: str


TurnEvent = Token | Notice | TurnResult


class Coach:
    """The coaching pipeline over one retriever, one chat model and one session store."""

    def __init__(
        self,
        settings: Settings,
        retriever: Retriever,
        model: ChatModel,
        sessions: SessionBackend,
        *,
        distress: DistressCheck | None = None,
        meaning: CardMeaning | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        guardrails: bool = True,
    ) -> None:
        self.settings = settings
        self.retriever = retriever
        self.model = model
        self.sessions = sessions
        self.distress = distress
        self.meaning = meaning
        self.guidance = GuidanceMap()
        self.today = today
        # Off only to study a model's raw answers (the eval's deliberately bad responder).
        self.guardrails = guardrails
        self.last_context: TurnContext | None = None

    def history(self, session_id: str) -> list[Message]:
        """Earlier turns for the prompt: complete answers only, most recent N turns."""
        turns: list[Message] = []
        for m in self.sessions.get(session_id).messages:
            if m.role == "assistant" and (not m.content or m.status == "error"):
                continue  # a failed or set-aside answer is not part of the conversation
            turns.append({"role": m.role, "content": m.content})
        keep = self.settings.history_turns * 2
        return turns[-keep:] if keep else []

    def seed(self, session_id: str, turns: list[Message]) -> None:
        """Store earlier turns as if they had happened, learning from the user's ones."""
        profile = self.sessions.get(session_id).profile
        user_turns = 0
        for turn in turns:
            self.sessions.add_message(session_id, turn["role"], turn["content"])  # type: ignore[arg-type]
            if turn["role"] == "user":
                user_turns += 1
                profile, _ = understand(
                    profile, turn["content"], user_turns, distress=self.distress, today=self.today()
                )
        self.sessions.save_profile(session_id, profile)

    def prepare(self, session_id: str, message: str) -> tuple[ChatRequest, list[Passage], Profile]:
        """Everything up to the model call; pure apart from reading history and retrieval."""
        session = self.sessions.get(session_id)
        history = self.history(session_id)[:-1]  # the new user message is already saved
        user_turns = sum(1 for m in session.messages if m.role == "user")
        today = self.today()
        profile, signals = understand(
            session.profile, message, user_turns, distress=self.distress, today=today
        )
        earlier_distress = after_distress(history, self.distress)  # embeds: read it once
        support = in_support_mode(message, signals, earlier_distress)
        passages: list[Passage] = []
        # The embedding model reads English only: cards are matched by meaning for English.
        meaning = self.meaning if signals.language == "en" else None
        if signals.intent in ("coaching", "out_of_scope") and not support:
            queries = retrieval_queries(message, history, profile)
            # A message that names no situation of its own ("I don't want to seem like I'm
            # complaining") continues the thread: the conversation's query leads.
            # "What do I tell her?" is about the conversation's subject too, whatever it names.
            own_topic = signals.situations and not signals.asks_for_words
            weights = FOCUS_WEIGHTS if own_topic or not history else THREAD_WEIGHTS
            passages = self.retriever.search_many(
                queries, k=self.settings.retrieval_k, weights=weights[: len(queries)]
            )
            # A message that names no situation continues the last two's ("I don't want to
            # seem like I'm complaining" after a disclosure of bias).
            thread = thread_situations(history)
            step = level_step(message, profile)
            # "What do I do this week?" is about the conversation's topic: a management offer
            # weighed two turns ago is still what this week is for.
            topic = (*thread, "management-switch") if weighs_management(profile) else thread
            named = (
                (*signals.situations, *topic)
                if signals.asks_for_words or set(signals.situations) <= {"first-step"}
                else signals.situations
            )
            passages = self.guidance.complete(
                passages,
                named,
                message,
                self.retriever.chunks,
                meaning.similarity if meaning else None,
                levels={
                    lv
                    for lv in (card_level(profile.current_level), card_level(profile.target_level))
                    # Aiming at management: the IC-side cards on trying it out are theirs.
                    if lv and not (lv == "manager" and weighs_management(profile))
                },
                said=" ".join(m["content"] for m in history if m["role"] == "assistant"),
                step=step,
                # "how?" and "what do I say?" are about the last answer: it comes back.
                last=last_answer(history)
                if signals.terse or signals.asks_for_words or signals.wants_brief
                else "",
                wants_words=signals.asks_for_words,
                table=names_a_company_level(
                    with_company(message, [m["content"] for m in history if m["role"] == "user"])
                ),
                own_levels=frozenset(person_levels(profile)),
                # "He asked me: 'Will you promote me this year?'": what a manager can promise
                # answers it, whatever else the message names.
                first=first_cards(signals, profile),
                before=next((m["content"] for m in reversed(history) if m["role"] == "user"), ""),
            )
        similarity: dict[str, float] = {}
        if meaning is not None and passages:
            cards = [card for p in passages for card in p.cards]
            similarity = meaning.similarity(message, cards)
        context = build_context(
            message=message,
            card_similarity=similarity,
            signals=signals,
            before=session.profile,
            profile=profile,
            history=history,
            passages=passages,
            user_turns=user_turns,
            support_mode=support,
            today=today,
            gentle=earlier_distress,
        )
        return build_request(context, history, self.prompt_budget()), passages, profile

    def prompt_budget(self, window: int | None = None) -> int | None:
        """Tokens the prompt may use: the context window less the reply and a margin."""
        window = window or self.settings.llm.context_tokens
        if window is None:
            return None
        reply = self.settings.llm.max_tokens or 1024
        return max(window - reply - 64, 512)

    def turn(self, session_id: str | None, text: str) -> Iterator[TurnEvent]:
        """Answer one message, yielding tokens and notices, then the ``TurnResult``."""
        message = clean_message(text, self.settings.max_message_chars)
        if session_id is None:
            session_id = self.sessions.create()
        elif not self.sessions.exists(session_id):
            raise CoachError(
                f"No session with id {session_id!r}; `coach sessions list` shows them."
            )
        session = self.sessions.get(session_id)
        earlier = session.messages
        retry = bool(earlier) and earlier[-1].role == "user" and earlier[-1].content == message
        if not retry:  # the same message again after a failed turn is a retry, not a new one
            self.sessions.add_message(session_id, "user", message)  # saved before anything fails
        owner = self.sessions.owner_of(session_id) or LOCAL_OWNER
        plan_before = self.sessions.get_plan(owner)
        profile_before = session.profile  # saving the message leaves the profile as it was
        today = self.today()
        # A reply to "last time you planned to … — how did it go?" is recorded first.
        # So is "done it, what now?" about the step this conversation agreed.
        awaiting = step_reported_done(plan_before, profile_before, message)
        plan, acknowledgement = record_answer(awaiting, message, today, detect_language(message))
        request, passages, profile = self.prepare(session_id, message)
        if getattr(self.retriever, "incomplete", False):
            yield Notice(INCOMPLETE_INDEX)
        plan = learn_into_plan(plan, profile_before, profile, today)
        if plan != plan_before:
            self.sessions.save_plan(owner, plan)
        prefix = f"{acknowledgement}\n\n" if acknowledgement else ""
        if prefix:
            yield Token(prefix)
        self.sessions.save_profile(session_id, profile)
        context = request.context
        assert context is not None
        self.last_context = context
        offline = OfflineResponder()
        model: ChatModel = offline if answered_by_policy(context) else self.model

        reply_id = self.sessions.add_message(
            session_id, "assistant", "", status="streaming", model=model.name
        )
        received: list[str] = []
        last_save = time.monotonic()
        error: str | None = None
        try:
            try:
                if isinstance(model, OfflineResponder):
                    # Composed whole at once anyway: taken whole, its citations can be made
                    # to read [1], [2]… in order before it streams.
                    whole, passages = in_citation_order("".join(model.stream(request)), passages)
                    stream = iter(text_pieces(whole))
                else:
                    stream = model.stream(request)
                first = next(stream, None)
            except ContextTooLong as exc:  # nothing was shown yet: fit the prompt and retry
                budget = self.prompt_budget(exc.window) or estimate_tokens(request) // 2
                request = build_request(context, request.history, budget)
                stream = model.stream(request)
                first = next(stream, None)
            pieces = itertools.chain([first] if first is not None else [], stream)
            for piece in pieces:
                received.append(piece)
                yield Token(piece)
                if time.monotonic() - last_save > SAVE_EVERY_SECONDS:
                    self.sessions.update_message(
                        reply_id, content="".join(received), status="streaming"
                    )
                    last_save = time.monotonic()
        except ModelError as exc:
            error = str(exc)

        model_name = model.name
        status: Literal["complete", "partial", "error", "fallback"] = "complete"
        notice = None
        answer = "".join(received)
        # The offline responder is the fallback itself: checking it would only swap its
        # answer for the same answer under a "set aside" notice.
        own = isinstance(model, OfflineResponder)
        if error is None and self.guardrails and not own:
            problems = check_answer(answer, context, SYSTEM_PROMPT)
            if problems:
                error = f"The answer from {model.name} was set aside: {'; '.join(problems)}."
                self.sessions.update_message(reply_id, content=answer, status="error", error=error)
                notice = f"{error} Showing the offline coach's answer instead."
                yield Notice(notice)
                answer, passages = in_citation_order(respond(context), passages)
                yield Token(answer)
                reply_id = self.sessions.add_message(
                    session_id, "assistant", "", status="streaming", model=offline.name
                )
                model_name, status = offline.name, "fallback"
        elif error is not None:
            status = "partial" if answer.strip() else "error"
            self.sessions.update_message(reply_id, content=answer, status=status, error=error)
            if self.settings.fallback_offline and not own:
                notice = f"{error} Answering with the offline responder instead."
                yield Notice(notice)
                answer, passages = in_citation_order(respond(context), passages)
                yield Token(answer)
                reply_id = self.sessions.add_message(
                    session_id, "assistant", "", status="streaming", model=offline.name
                )
                model_name, status = offline.name, "fallback"
            else:
                notice = error
                yield Notice(error)

        cleaned, sources = map_citations(prefix + answer, passages)
        if status in ("complete", "fallback"):
            self.sessions.update_message(
                reply_id,
                content=cleaned,
                status=status,
                sources=[s.as_dict() for s in sources],
                model=model_name,
            )
        elif status == "partial":
            self.sessions.update_message(
                reply_id,
                content=cleaned,
                status="partial",
                error=error,
                sources=[s.as_dict() for s in sources],
            )
        yield TurnResult(
            session_id=session_id,
            answer=cleaned,
            sources=sources,
            stage=profile.stage,
            profile=profile,
            model=model_name,
            status=status,
            error=error,
            notice=notice,
            passages=passages,
        )

    def open_conversation(
        self, owner: str, session_id: str | None = None, lang: str = "en"
    ) -> tuple[str, str] | None:
        """Greet a returning person with a due commitment or a passed check-in, if any.

        The greeting is saved as the coach's first message (in a new session, or the one
        being resumed) and the plan remembers that it asked, so the next message is read
        as the answer. Returns (session id, greeting) or None when nothing is due.
        """
        opened = opening(self.sessions.get_plan(owner), self.today(), lang)
        if opened is None:
            return None
        plan, text = opened
        if session_id is None:
            session_id = self.sessions.create(owner=owner)
        self.sessions.add_message(session_id, "assistant", text, model="coach")
        self.sessions.save_plan(owner, plan)
        return session_id, text

    def ask(self, session_id: str | None, text: str) -> TurnResult:
        """A whole turn without streaming, for scripts and tests."""
        result = None
        for event in self.turn(session_id, text):
            if isinstance(event, TurnResult):
                result = event
        assert result is not None
        return result
