"""The Gradio chat UI: a thin shell over the same ``Coach`` the CLI uses.

Each browser keeps its own session id in local storage, so a reload resumes the
conversation and several people can use one server without cross-talk. Errors show
as a message beside the chat; the conversation and the typed text are kept.
"""

from __future__ import annotations

import hmac
import logging
import os
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr
from starlette.middleware import Middleware

from coach.coaching.profile import EDITABLE_FIELDS, Profile, correct
from coach.coaching.render import as_source, source_title, status_note
from coach.coaching.turn import InputError, Notice, Token, TurnResult, clean_message
from coach.errors import CoachError
from coach.interfaces.ui_plan import plan_panel
from coach.llm.base import describe_model
from coach.runtime import Runtime
from coach.security.accounts import LoginLimiter, UsersFile, read_users
from coach.security.identity import Signer, load_secret, user_owner
from coach.security.sanitize import clean_title, is_invisible, safe_markdown
from coach.security.web import (
    WebGuard,
    allowed_host_list,
    exposure_warning,
    is_loopback,
    split_list,
)
from coach.sessions.export import session_markdown
from coach.sessions.sqlite import Session, StoredMessage

log = logging.getLogger(__name__)

EXAMPLES = [
    "Should I go for promotion this year?",
    "My team only maintains a legacy system. How can I get promoted?",
    "What does a staff engineer do differently from a senior?",
    "My feedback says 'show more leadership'. What should I do with that?",
    "Как мне вырасти до senior, если мы только поддерживаем систему?",
]
STAGES = ["goal", "reality", "options", "will"]
ALIGNMENTS = ["unknown", "aligned", "misaligned", "not discussed"]
TRACKS = ["", "ic", "management", "undecided"]
CUT_OFF = "\n\n_(answer cut off)_"

ChatHistory = list[dict[str, Any]]


# -- rendering (pure) ---------------------------------------------------------------------
# Every text shown in the page goes through ``safe_markdown``: no HTML, images or odd links.


def sources_message(sources: list[dict]) -> dict[str, Any]:
    """A collapsible chat bubble listing an answer's sources with their passages."""
    parts = []
    for s in map(as_source, sources):
        quote = "\n".join("> " + line for line in s.passage.splitlines() if line.strip())
        parts.append(f"**{source_title(s)}**  \n{s.doc_id}\n\n{quote}")
    return {
        "role": "assistant",
        "content": safe_markdown("\n\n".join(parts)),
        "metadata": {"title": f"Sources ({len(sources)})", "status": "done"},
    }


def render_message(m: StoredMessage) -> list[dict[str, Any]]:
    if m.role == "user":
        return [{"role": "user", "content": safe_markdown(m.content)}]
    content = safe_markdown(m.content)
    if m.status in ("partial", "streaming"):
        content += CUT_OFF
    elif m.status == "error":
        content = f"_({safe_markdown(status_note('error', m.error or 'the model failed') or '')})_"
    out = [{"role": "assistant", "content": content}]
    if m.sources:
        out.append(sources_message(m.sources))
    return out


def render_session(session: Session) -> ChatHistory:
    return [bubble for m in session.messages for bubble in render_message(m)]


def unchanged(n: int) -> list[Any]:
    """``n`` outputs left as they are."""
    return [gr.update() for _ in range(n)]


def profile_values(profile: Profile) -> list[Any]:
    return [
        profile.stage,
        profile.current_level or "",
        profile.target_level or "",
        profile.track or "",
        profile.team or "",
        ", ".join(profile.motivations),
        ", ".join(profile.blockers),
        profile.manager_alignment,
        ", ".join(profile.opportunities),
        "**Commitments**\n\n"
        + (
            "\n".join(
                safe_markdown(f"- {c.action}" + (f" ({c.due})" if c.due else ""))
                for c in profile.commitments
            )
            or "_None yet._"
        ),
    ]


# The form shows the stage first; the fields are the ones a user may correct.
EDIT_FIELDS = ["stage", *(f for f in EDITABLE_FIELDS if f != "stage")]
#: What ``profile_values`` fills, in order: every edit field, then the commitments box. The
#: UI's ``profile_outputs`` lists the same components; ``build`` checks they agree.
PROFILE_OUTPUTS = (*EDIT_FIELDS, "commitments")
PROFILE_FIELD_CHARS = 300  # per field; the profile goes to the model on every turn


def apply_edits(profile: Profile, values: list[Any]) -> Profile:
    """Apply the profile form: every changed field becomes a user correction.

    Raises ``ValueError`` (nothing applied) for a field that is not text or too long.
    """
    for field, new in zip(EDIT_FIELDS, values, strict=False):
        if new is not None and not isinstance(new, str):
            raise ValueError(f"The field {field.replace('_', ' ')} must be text.")
        if new and len(new) > PROFILE_FIELD_CHARS:
            raise ValueError(
                f"The field {field.replace('_', ' ')} is {len(new):,} characters; the limit is "
                f"{PROFILE_FIELD_CHARS:,}. Nothing was saved."
            )
    current = profile_values(profile)
    for field, old, new in zip(EDIT_FIELDS, current, values, strict=False):
        if (new or "") != (old or ""):
            profile = correct(profile, field, clean_title(new or ""))
    return profile


def session_choices(runtime: Runtime, owner: str) -> list[tuple[str, str]]:
    """One person's sessions for the picker; never anyone else's."""
    return [
        (f"{clean_title(title or 'untitled')[:48]} · {updated[:16].replace('T', ' ')}", sid)
        for sid, title, updated, _ in runtime.sessions.list_sessions(owner)
    ]


def status_line(text: str) -> str:
    return f"⚠️ {safe_markdown(text)}"


# -- the app ------------------------------------------------------------------------------


class Exports:
    """Transcript files handed to browsers, removed again when their session is deleted."""

    def __init__(self) -> None:
        self.root = Path(tempfile.mkdtemp(prefix="coach-exports-"))  # mode 0700

    def write(self, session: Session) -> Path:
        folder = Path(tempfile.mkdtemp(dir=self.root))
        path = folder / f"coach-session-{session.id}.md"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(session_markdown(session))
        return path

    def remove(self, session_id: str, cache_dirs: list[Path]) -> None:
        """Delete every copy of the session's export, ours and the web server's cache."""
        name = f"coach-session-{session_id}.md"
        for root in [self.root, *cache_dirs]:
            if root.is_dir():
                for path in root.rglob(name):
                    path.unlink(missing_ok=True)


def build_app(runtime: Runtime, signer: Signer | None = None) -> gr.Blocks:
    """The Blocks app over one runtime; every handler checks who owns the session."""
    coach = runtime.coach
    settings = runtime.settings
    signer = signer or Signer(load_secret(settings))
    mode = describe_model(settings, runtime.offline, with_url=False)
    offline = runtime.offline or not settings.uses_remote_model
    sessions = runtime.sessions
    exports = Exports()

    def owner_for(token: Any, request: gr.Request | None) -> str | None:
        """The authenticated user, else the browser's signed identity, else nobody."""
        username = getattr(request, "username", None) if request is not None else None
        if username:
            return user_owner(username)
        return signer.owner_of_token(token)

    def identify(token: Any, request: gr.Request | None) -> tuple[str, str | None]:
        """The caller's owner, issuing a fresh browser identity when there is none."""
        owner = owner_for(token, request)
        if owner is None:
            token = signer.new_token()
            owner = signer.owner_of_token(token)
            assert owner is not None
        return owner, token

    def owned(owner: str, session_id: Any) -> str | None:
        """``session_id`` if ``owner`` owns it; someone else's session looks like none at all."""
        if isinstance(session_id, str) and sessions.owner_of(session_id) == owner:
            return session_id
        return None

    def refused(session_id: Any) -> str:
        shown = session_id if isinstance(session_id, str) else repr(session_id)
        return f"No session with id {shown[:64]!r}."

    def load(token: Any, session_id: Any, request: gr.Request) -> tuple:
        """On page load: resume the browser's last session if it is still theirs."""
        owner, token = identify(token, request)
        mine = owned(owner, session_id)
        if mine is None:  # a returning person with a commitment due: the coach asks first
            opened = coach.open_conversation(owner)
            mine = opened[0] if opened else None
        if mine:
            session = sessions.get(mine)
            return (
                render_session(session),
                token,
                mine,
                *profile_values(session.profile),
                gr.update(choices=session_choices(runtime, owner), value=mine),
            )
        return (
            [],
            token,
            None,
            *profile_values(Profile()),
            gr.update(choices=session_choices(runtime, owner), value=None),
        )

    def respond(message: Any, token: Any, session_id: Any, request: gr.Request) -> Iterator[tuple]:
        owner, token = identify(token, request)
        mine = owned(owner, session_id)
        history = render_session(sessions.get(mine)) if mine else []

        def frame(box: Any, status: str, *rest: Any) -> tuple:
            return (history, box, token, mine, status, *(rest or no_profile_change()))

        if session_id is not None and mine is None:
            yield frame(message, status_line(refused(session_id)))
            return
        try:
            if not isinstance(message, str) or is_invisible(message):
                raise InputError(
                    "The message is empty; type a question or describe your situation."
                )
            text = clean_message(message, settings.max_message_chars)
        except InputError as exc:
            yield frame(message, status_line(str(exc)))
            return
        history += [
            {"role": "user", "content": safe_markdown(text)},
            {"role": "assistant", "content": ""},
        ]
        yield frame("", "")
        if mine is None:
            mine = sessions.create(owner=owner)
        result: TurnResult | None = None
        status = ""
        received = ""
        try:
            for event in coach.turn(mine, text):
                if isinstance(event, Token):
                    received += event.text
                    history[-1]["content"] = safe_markdown(received)
                    yield frame("", status)
                elif isinstance(event, Notice):
                    status = status_line(event.text)
                    received = ""
                    history[-1]["content"] = ""
                    yield frame("", status)
                else:
                    result = event
        except CoachError as exc:
            history.pop()
            yield frame(message, status_line(str(exc)))
            return
        except Exception as exc:  # the outermost boundary: a clear line, never a bare "Error"
            log.exception("turn failed in session %s", mine)
            history.pop()
            yield frame(
                message,
                status_line(
                    f"Something went wrong answering ({type(exc).__name__}); your message is "
                    "saved. Send it again to retry; the server log has the details."
                ),
            )
            return
        assert result is not None
        history = render_session(sessions.get(mine))
        yield frame(
            "",
            status,
            *profile_values(result.profile),
            gr.update(choices=session_choices(runtime, owner), value=mine),
        )

    def no_profile_change() -> list[Any]:
        return unchanged(len(PROFILE_OUTPUTS) + 1)  # the profile outputs and the picker

    def save_profile(
        token: Any,
        session_id: Any,
        stage: Any,
        current_level: Any,
        target_level: Any,
        track: Any,
        team: Any,
        motivations: Any,
        blockers: Any,
        alignment: Any,
        opportunities: Any,
        request: gr.Request,
    ) -> tuple:
        values = [stage, current_level, target_level, track, team]
        values += [motivations, blockers, alignment, opportunities]
        owner, token = identify(token, request)
        mine = owned(owner, session_id)
        if session_id is not None and mine is None:
            return token, None, status_line(refused(session_id)), *no_profile_fields()
        profile = sessions.get(mine).profile if mine else Profile()
        try:
            profile = apply_edits(profile, list(values))
        except (ValueError, CoachError) as exc:
            return token, mine, status_line(str(exc).splitlines()[0]), *no_profile_fields()
        if mine is None:
            mine = sessions.create(owner=owner)
        sessions.save_profile(mine, profile)
        return token, mine, "Profile saved.", *profile_values(profile)

    def clear_profile(token: Any, session_id: Any, request: gr.Request) -> tuple:
        owner, _ = identify(token, request)
        mine = owned(owner, session_id)
        if session_id is not None and mine is None:
            return status_line(refused(session_id)), *no_profile_fields()
        if mine is not None:
            sessions.save_profile(mine, Profile())
        return "Profile cleared.", *profile_values(Profile())

    def new_session() -> tuple:
        return [], None, "", *profile_values(Profile()), gr.update(value=None)

    def resume(token: Any, session_id: Any, request: gr.Request) -> tuple:
        owner, _ = identify(token, request)
        if not session_id:
            return gr.update(), gr.update(), "Pick a session to resume.", *no_profile_fields()
        mine = owned(owner, session_id)
        if mine is None:
            return gr.update(), gr.update(), status_line(refused(session_id)), *no_profile_fields()
        session = sessions.get(mine)
        return render_session(session), mine, "", *profile_values(session.profile)

    def no_profile_fields() -> list[Any]:
        return unchanged(len(PROFILE_OUTPUTS))

    def delete(token: Any, session_id: Any, current: Any, request: gr.Request) -> tuple:
        owner, _ = identify(token, request)
        if not session_id:
            return gr.update(), gr.update(), "Pick a session to delete.", gr.update(), gr.update()
        mine = owned(owner, session_id)
        if mine is None:
            keep = gr.update()
            return keep, keep, status_line(refused(session_id)), keep, keep
        sessions.delete(mine)
        exports.remove(mine, [Path(app.GRADIO_CACHE)])
        choices = gr.update(choices=session_choices(runtime, owner), value=None)
        hidden = gr.update(value=None, visible=False)
        if mine == current:
            return [], None, "Session deleted.", choices, hidden
        return gr.update(), current, "Session deleted.", choices, hidden

    def export(token: Any, session_id: Any, request: gr.Request) -> tuple:
        owner, _ = identify(token, request)
        if session_id is None:
            return gr.update(value=None, visible=False), "Nothing to export yet."
        mine = owned(owner, session_id)
        if mine is None:
            return gr.update(value=None, visible=False), status_line(refused(session_id))
        path = exports.write(sessions.get(mine))
        return gr.update(value=str(path), visible=True), "Transcript ready to download."

    with gr.Blocks(title="Career coach", analytics_enabled=False) as app:
        # Both values live in the browser; the secret is stable so a restart keeps them.
        # Neither is trusted: the identity is signed, sessions are checked against it.
        browser_secret = signer.derive("browser-state")
        identity = gr.BrowserState(None, storage_key="coach-identity", secret=browser_secret)
        session_state = gr.BrowserState(None, storage_key="coach-session-id", secret=browser_secret)
        gr.Markdown("# Career coach\nA Socratic coach for engineers, grounded in cited sources.")
        mode_note = (
            " — answers are composed from the sources, without a language model" if offline else ""
        )
        gr.Markdown(f"**Mode:** {safe_markdown(mode)}{mode_note}", elem_id="mode")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    elem_id="chat",
                    height=520,
                    label="Conversation",
                    group_consecutive_messages=False,
                    sanitize_html=True,
                    allow_tags=False,
                    feedback_options=None,
                )
                status = gr.Markdown("", elem_id="status")
                with gr.Row():
                    box = gr.Textbox(
                        placeholder="What's on your mind about your career?",
                        show_label=False,
                        lines=2,
                        scale=5,
                        elem_id="message",
                    )
                    send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
                gr.Examples(EXAMPLES, inputs=box, label="Try asking")
            with gr.Column(scale=2):
                with gr.Accordion("What the coach has learned", open=True):
                    stage = gr.Dropdown(STAGES, label="Stage (GROW)", elem_id="p-stage")
                    current = gr.Textbox(label="Current level", elem_id="p-current")
                    target = gr.Textbox(label="Target level", elem_id="p-target")
                    track = gr.Dropdown(TRACKS, label="Track", elem_id="p-track")
                    team = gr.Textbox(label="Team", elem_id="p-team")
                    motivations = gr.Textbox(label="Motivations (comma-separated)")
                    blockers = gr.Textbox(label="Blockers (comma-separated)")
                    alignment = gr.Dropdown(ALIGNMENTS, label="Manager alignment")
                    opportunities = gr.Textbox(label="Opportunities (comma-separated)")
                    commitments = gr.Markdown("**Commitments**\n\n_None yet._")
                    with gr.Row():
                        save = gr.Button("Save profile", elem_id="save-profile")
                        clear = gr.Button("Clear profile", elem_id="clear-profile")
                with gr.Accordion("Sessions", open=False):
                    # Ownership is checked in the handlers; a stale choice gets a clear message.
                    picker = gr.Dropdown(
                        label="Saved sessions",
                        choices=[],
                        elem_id="picker",
                        allow_custom_value=True,
                    )
                    with gr.Row():
                        resume_btn = gr.Button("Resume", elem_id="resume")
                        new_btn = gr.Button("New", elem_id="new")
                        delete_btn = gr.Button("Delete", variant="stop", elem_id="delete")
                    export_btn = gr.Button("Export transcript (Markdown)", elem_id="export")
                    download = gr.File(label="Transcript", visible=False, elem_id="download")
                plan_load, plan_inputs, plan_outputs = plan_panel(runtime, identify, identity)

        fields = [
            stage,
            current,
            target,
            track,
            team,
            motivations,
            blockers,
            alignment,
            opportunities,
        ]
        profile_outputs = [*fields, commitments]
        if len(profile_outputs) != len(PROFILE_OUTPUTS) or len(profile_values(Profile())) != len(
            PROFILE_OUTPUTS
        ):
            raise RuntimeError("the profile outputs and profile_values() disagree")  # a bug

        app.load(
            load,
            inputs=[identity, session_state],
            outputs=[chatbot, identity, session_state, *profile_outputs, picker],
            api_name="load",
        ).then(plan_load, inputs=plan_inputs, outputs=plan_outputs, api_visibility="private")
        turn_io: dict[str, Any] = dict(
            fn=respond,
            inputs=[box, identity, session_state],
            outputs=[chatbot, box, identity, session_state, status, *profile_outputs, picker],
        )
        box.submit(**turn_io, api_name="turn")
        send.click(**turn_io, api_visibility="private")
        # For the page only (not public API endpoints); ownership is still checked inside.
        private: dict[str, Any] = dict(api_visibility="private")
        save.click(
            save_profile,
            inputs=[identity, session_state, *fields],
            outputs=[identity, session_state, status, *profile_outputs],
            **private,
        )
        clear.click(
            clear_profile,
            inputs=[identity, session_state],
            outputs=[status, *profile_outputs],
            **private,
        )
        new_btn.click(
            new_session,
            outputs=[chatbot, session_state, status, *profile_outputs, picker],
            **private,
        )
        resume_btn.click(
            resume,
            inputs=[identity, picker],
            outputs=[chatbot, session_state, status, *profile_outputs],
            **private,
        )
        delete_btn.click(
            delete,
            inputs=[identity, picker, session_state],
            outputs=[chatbot, session_state, status, picker, download],
            **private,
        )
        export_btn.click(
            export, inputs=[identity, session_state], outputs=[download, status], **private
        )
    return app


def auth_pair(runtime: Runtime) -> tuple[str, str] | None:
    s = runtime.settings
    if s.auth.username and s.auth.password:
        return (s.auth.username, s.auth.password.get_secret_value())
    return None


def password_check(runtime: Runtime) -> Callable[[str, str], bool] | None:
    """Accounts from the users file (bcrypt) and/or the one configured pair; None: no login."""
    users_path = runtime.settings.users_path
    pair = auth_pair(runtime)
    if not read_users(users_path) and pair is None:
        return None
    users = UsersFile(users_path)

    def check(username: str, password: str) -> bool:
        if pair is not None and hmac.compare_digest(
            f"{username}\x00{password}".encode(), f"{pair[0]}\x00{pair[1]}".encode()
        ):
            return True
        return users(username, password)

    return check


def trusted_header_user(header: str) -> Callable[[Any], str | None]:
    """The user an authenticating proxy names; the guard admits only the proxy's address."""

    def user(request: Any) -> str | None:
        value = (request.headers.get(header) or "").strip()
        return value if 0 < len(value) <= 100 and value.isprintable() else None

    return user


def guard_middleware(settings: Any) -> list[Middleware]:
    proxies = split_list(settings.trusted_proxies) if settings.auth.trusted_header else None
    return [
        Middleware(
            WebGuard,
            allowed=allowed_host_list(settings.allowed_hosts, settings.ui.host),
            limiter=LoginLimiter(limit=settings.login_attempts),
            trusted_proxies=proxies,
        )
    ]


def launch(runtime: Runtime, *, warn: Any = print) -> None:
    """Serve the UI on the configured host and port; never a public share link."""
    settings = runtime.settings
    auth = password_check(runtime)
    header = settings.auth.trusted_header
    if header and not split_list(settings.trusted_proxies):
        raise CoachError("COACH_AUTH_TRUSTED_HEADER needs COACH_TRUSTED_PROXIES (their addresses).")
    warning = exposure_warning(settings.ui.host, auth is not None or bool(header))
    if warning:
        warn(warning)
    if not is_loopback(settings.ui.host) and set(split_list(settings.allowed_hosts)) <= {
        "127.0.0.1",
        "localhost",
        "::1",
    }:
        warn(
            f"note: serving on {settings.ui.host}, but only requests addressed to this machine's "
            "loopback names are answered; set COACH_ALLOWED_HOSTS to the names users type."
        )
    runtime.retriever.chunks  # noqa: B018 - load the index before the first visitor waits for it
    # The page is up in a few seconds; the embedding model loads meanwhile, so the
    # first question does not wait for it (a question asked sooner waits on its lock).
    threading.Thread(
        target=runtime.embedder.encode, args=(["warm up"],), name="warm-embedder", daemon=True
    ).start()
    app = build_app(runtime)
    app.queue(default_concurrency_limit=settings.ui.concurrency)
    app.launch(
        server_name=settings.ui.host,
        server_port=settings.ui.port,
        auth=None if header else auth,
        auth_dependency=trusted_header_user(header) if header else None,
        share=False,
        show_error=False,
        quiet=True,
        app_kwargs={"middleware": guard_middleware(settings)},
    )
