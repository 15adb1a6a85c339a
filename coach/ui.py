"""The Gradio chat UI: a thin shell over the same ``Coach`` the CLI uses.

Each browser keeps its own session id in local storage, so a reload resumes the
conversation and several people can use one server without cross-talk. Errors show
as a message beside the chat; the conversation and the typed text are kept.
"""

from __future__ import annotations

import ipaddress
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")

import gradio as gr

from coach.conversation import InputError, Notice, Token, TurnResult, clean_message
from coach.errors import CoachError
from coach.export import session_markdown
from coach.models import describe_model
from coach.profile import EDITABLE_FIELDS, Profile, correct
from coach.runtime import Runtime
from coach.sessions import Session, StoredMessage

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


def sources_message(sources: list[dict]) -> dict[str, Any]:
    """A collapsible chat bubble listing an answer's sources with their passages."""
    parts = []
    for s in sources:
        heading = f" — {s['heading']}" if s.get("heading") else ""
        quote = "\n".join("> " + line for line in s["passage"].splitlines() if line.strip())
        parts.append(f"**[{s['n']}] {s['title']}**{heading}  \n`{s['doc_id']}`\n\n{quote}")
    return {
        "role": "assistant",
        "content": "\n\n".join(parts),
        "metadata": {"title": f"Sources ({len(sources)})", "status": "done"},
    }


def render_message(m: StoredMessage) -> list[dict[str, Any]]:
    if m.role == "user":
        return [{"role": "user", "content": m.content}]
    content = m.content
    if m.status in ("partial", "streaming"):
        content += CUT_OFF
    elif m.status == "error":
        content = f"_No answer: {m.error or 'the model failed'}_"
    out = [{"role": "assistant", "content": content}]
    if m.sources:
        out.append(sources_message(m.sources))
    return out


def render_session(session: Session) -> ChatHistory:
    return [bubble for m in session.messages for bubble in render_message(m)]


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
                f"- {c.action}" + (f" ({c.due})" if c.due else "") for c in profile.commitments
            )
            or "_None yet._"
        ),
    ]


# The form shows the stage first; the fields are the ones a user may correct.
EDIT_FIELDS = ["stage", *(f for f in EDITABLE_FIELDS if f != "stage")]


def apply_edits(profile: Profile, values: list[str]) -> Profile:
    """Apply the profile form: every changed field becomes a user correction."""
    current = profile_values(profile)
    for field, old, new in zip(EDIT_FIELDS, current, values, strict=False):
        if (new or "") != (old or ""):
            profile = correct(profile, field, new or "")
    return profile


def session_choices(runtime: Runtime) -> list[tuple[str, str]]:
    return [
        (f"{(title or 'untitled')[:48]} · {updated[:16].replace('T', ' ')}", sid)
        for sid, title, updated, _ in runtime.sessions.list_sessions()
    ]


# -- the app ------------------------------------------------------------------------------


def build_app(runtime: Runtime) -> gr.Blocks:
    """The Blocks app over one runtime; pure wiring, all behaviour lives in ``Coach``."""
    coach = runtime.coach
    settings = runtime.settings
    mode = describe_model(settings, runtime.offline)
    offline = coach.model.is_offline

    def load(session_id: str | None) -> tuple:
        """On page load: resume the browser's last session if it still exists."""
        if session_id and runtime.sessions.exists(session_id):
            session = runtime.sessions.get(session_id)
            return (
                render_session(session),
                session_id,
                *profile_values(session.profile),
                gr.update(choices=session_choices(runtime), value=session_id),
            )
        return ([], None, *profile_values(Profile()), gr.update(choices=session_choices(runtime)))

    def respond(message: str, history: ChatHistory, session_id: str | None) -> Iterator[tuple]:
        history = list(history or [])
        try:
            text = clean_message(message or "", settings.max_message_chars)
        except InputError as exc:
            yield history, message, session_id, f"⚠️ {exc}", *no_profile_change()
            return
        history += [{"role": "user", "content": text}, {"role": "assistant", "content": ""}]
        yield history, "", session_id, "", *no_profile_change()
        result: TurnResult | None = None
        status = ""
        try:
            for event in coach.turn(session_id, text):
                if isinstance(event, Token):
                    history[-1]["content"] += event.text
                    yield history, "", session_id, status, *no_profile_change()
                elif isinstance(event, Notice):
                    status = f"⚠️ {event.text}"
                    history[-1]["content"] = ""
                    yield history, "", session_id, status, *no_profile_change()
                else:
                    result = event
        except CoachError as exc:
            history.pop()
            yield history, message, session_id, f"⚠️ {exc}", *no_profile_change()
            return
        assert result is not None
        history[-1]["content"] = result.answer + (CUT_OFF if result.status == "partial" else "")
        if result.status == "error":
            history[-1]["content"] = f"_No answer: {result.error}_"
        if result.sources:
            history.append(sources_message([s.as_dict() for s in result.sources]))
        yield (
            history,
            "",
            result.session_id,
            status,
            *profile_values(result.profile),
            gr.update(choices=session_choices(runtime), value=result.session_id),
        )

    def no_profile_change() -> list[Any]:
        return [gr.update() for _ in range(len(EDIT_FIELDS) + 2)]

    def save_profile(session_id: str | None, *values: str) -> tuple:
        if session_id is None:
            session_id = runtime.sessions.create()
        profile = runtime.sessions.get(session_id).profile
        try:
            profile = apply_edits(profile, list(values))
        except (ValueError, CoachError) as exc:
            return session_id, f"⚠️ {str(exc).splitlines()[0]}", *profile_values(profile)
        runtime.sessions.save_profile(session_id, profile)
        return session_id, "Profile saved.", *profile_values(profile)

    def clear_profile(session_id: str | None) -> tuple:
        if session_id is not None:
            runtime.sessions.save_profile(session_id, Profile())
        return "Profile cleared.", *profile_values(Profile())

    def new_session() -> tuple:
        return [], None, "", *profile_values(Profile()), gr.update(value=None)

    def resume(session_id: str | None) -> tuple:
        if not session_id:
            return gr.update(), gr.update(), "Pick a session to resume.", *no_profile_fields()
        try:
            session = runtime.sessions.get(session_id)
        except CoachError as exc:
            return gr.update(), gr.update(), f"⚠️ {exc}", *no_profile_fields()
        return render_session(session), session_id, "", *profile_values(session.profile)

    def no_profile_fields() -> list[Any]:
        return [gr.update() for _ in range(len(EDIT_FIELDS) + 1)]

    def delete(session_id: str | None, current: str | None) -> tuple:
        if not session_id:
            return gr.update(), gr.update(), "Pick a session to delete.", gr.update()
        try:
            runtime.sessions.delete(session_id)
        except CoachError as exc:
            return gr.update(), gr.update(), f"⚠️ {exc}", gr.update()
        choices = gr.update(choices=session_choices(runtime), value=None)
        if session_id == current:
            return [], None, "Session deleted.", choices
        return gr.update(), current, "Session deleted.", choices

    def export(session_id: str | None) -> tuple:
        if session_id is None:
            return gr.update(value=None, visible=False), "Nothing to export yet."
        folder = Path(tempfile.mkdtemp(prefix="coach-export-"))
        path = folder / f"coach-session-{session_id}.md"
        path.write_text(session_markdown(runtime.sessions.get(session_id)), encoding="utf-8")
        path.chmod(0o600)
        return gr.update(value=str(path), visible=True), "Transcript ready to download."

    with gr.Blocks(title="Career coach", analytics_enabled=False) as app:
        session_state = gr.BrowserState(None, storage_key="coach-session-id")
        gr.Markdown("# Career coach\nA Socratic coach for engineers, grounded in cited sources.")
        mode_note = (
            " — answers are composed from the sources, without a language model" if offline else ""
        )
        gr.Markdown(f"**Mode:** {mode}{mode_note}", elem_id="mode")
        with gr.Row():
            with gr.Column(scale=3):
                chatbot = gr.Chatbot(
                    elem_id="chat",
                    height=520,
                    label="Conversation",
                    group_consecutive_messages=False,
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
                    picker = gr.Dropdown(label="Saved sessions", choices=[], elem_id="picker")
                    with gr.Row():
                        resume_btn = gr.Button("Resume", elem_id="resume")
                        new_btn = gr.Button("New", elem_id="new")
                        delete_btn = gr.Button("Delete", variant="stop", elem_id="delete")
                    export_btn = gr.Button("Export transcript (Markdown)", elem_id="export")
                    download = gr.File(label="Transcript", visible=False, elem_id="download")

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

        app.load(
            load, inputs=session_state, outputs=[chatbot, session_state, *profile_outputs, picker]
        )
        turn_io: dict[str, Any] = dict(
            fn=respond,
            inputs=[box, chatbot, session_state],
            outputs=[chatbot, box, session_state, status, *profile_outputs, picker],
        )
        box.submit(**turn_io, api_name="turn")
        send.click(**turn_io, api_visibility="private")
        save.click(
            save_profile,
            inputs=[session_state, *fields],
            outputs=[session_state, status, *profile_outputs],
        )
        clear.click(clear_profile, inputs=session_state, outputs=[status, *profile_outputs])
        new_btn.click(
            new_session, outputs=[chatbot, session_state, status, *profile_outputs, picker]
        )
        resume_btn.click(
            resume, inputs=picker, outputs=[chatbot, session_state, status, *profile_outputs]
        )
        delete_btn.click(
            delete, inputs=[picker, session_state], outputs=[chatbot, session_state, status, picker]
        )
        export_btn.click(export, inputs=session_state, outputs=[download, status])
    return app


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def exposure_warning(host: str, has_auth: bool) -> str | None:
    """A warning when the UI is reachable beyond this machine without a password."""
    if is_loopback(host) or has_auth:
        return None
    return (
        f"warning: serving on {host} without a password; anyone who can reach this port can "
        "read conversations. Set COACH_AUTH_USERNAME and COACH_AUTH_PASSWORD."
    )


def auth_pair(runtime: Runtime) -> tuple[str, str] | None:
    s = runtime.settings
    if s.auth_username and s.auth_password:
        return (s.auth_username, s.auth_password.get_secret_value())
    return None


def launch(runtime: Runtime, *, warn: Any = print) -> None:
    """Serve the UI on the configured host and port; never a public share link."""
    settings = runtime.settings
    auth = auth_pair(runtime)
    warning = exposure_warning(settings.host, auth is not None)
    if warning:
        warn(warning)
    runtime.retriever.chunks  # noqa: B018 - load the index before the first visitor waits for it
    # The page is up in a few seconds; the embedding model loads meanwhile, so the
    # first question does not wait for it (a question asked sooner waits on its lock).
    threading.Thread(
        target=runtime.embedder.encode, args=(["warm up"],), name="warm-embedder", daemon=True
    ).start()
    app = build_app(runtime)
    app.queue(default_concurrency_limit=settings.ui_concurrency)
    app.launch(
        server_name=settings.host,
        server_port=settings.port,
        auth=auth,
        share=False,
        show_error=False,
        quiet=True,
    )
