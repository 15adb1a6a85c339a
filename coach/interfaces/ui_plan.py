"""The UI's Plan panel: the person's promotion plan, editable, with calendar and draft downloads.

Built inside the chat page's Blocks by ``plan_panel``. Every handler resolves the caller's
owner through the page's ``identify`` (the signed browser identity or the logged-in user),
so a plan is only ever read or written by its person; the CLI's plan is the ``local`` one.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import gradio as gr
from pydantic import ValidationError

from coach.corpus.documents import load_corpus
from coach.errors import CoachError
from coach.plan import model as plans
from coach.plan.export import packet_markdown, plan_ics, plan_markdown
from coach.plan.gaps import map_gaps
from coach.plan.model import Plan
from coach.retrieval.indexing import ladder_dirs
from coach.runtime import Runtime
from coach.security.sanitize import safe_markdown

Identify = Callable[[Any, Any], tuple[str, Any]]
FIELD_CHARS = 500


def _text(value: Any, name: str, *, required: bool = False) -> str:
    """A form field as text within its limit; anything else is a one-line error."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValueError(f"{name} must be text.")
    value = value.strip()
    if required and not value:
        raise ValueError(f"{name} is empty.")
    if len(value) > FIELD_CHARS:
        raise ValueError(f"{name} is {len(value):,} characters; the limit is {FIELD_CHARS}.")
    return value


def _date(value: Any, name: str) -> dt.date | None:
    text = _text(value, name)
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{name} {text[:40]!r} is not a date like 2026-12-31.") from None


def _choices(plan: Plan) -> list[tuple[str, str]]:
    return [
        (f"{c.action[:50]} · {c.status}" + (f" · due {c.due}" if c.due else ""), c.id)
        for c in plan.commitments
    ]


def plan_panel(
    runtime: Runtime, identify: Identify, identity: Any
) -> tuple[Callable[..., tuple], list[Any], list[Any]]:
    """Add the Plan accordion to the current Blocks; returns (loader, its inputs, outputs)."""
    sessions = runtime.sessions
    downloads = Path(tempfile.mkdtemp(prefix="coach-plan-"))

    def view(plan: Plan) -> tuple:
        today = dt.date.today()
        return (
            safe_markdown(plan_markdown(plan, today)),
            gr.update(choices=_choices(plan), value=None),
        )

    def load(token: Any, request: gr.Request) -> tuple:
        owner, _ = identify(token, request)
        return view(sessions.get_plan(owner))

    def change(edit: Callable[..., Plan], arity: int) -> Callable[..., tuple]:
        def handler(
            token: Any,
            a: Any = None,
            b: Any = None,
            c: Any = None,
            request: gr.Request | None = None,
        ) -> tuple:
            fields = (a, b, c)[:arity]
            # A click before the page finished loading carries no identity yet: the one
            # issued here goes back to the browser, so the next click is the same person.
            owner, token = identify(token, request)
            plan = sessions.get_plan(owner)
            try:
                plan = edit(plan, dt.date.today(), *fields)
                plan = Plan.model_validate(plan.model_dump())
            except (ValueError, KeyError, ValidationError, CoachError) as exc:
                message = exc.args[0] if isinstance(exc, KeyError) else str(exc).splitlines()[0]
                return (*view(plan), f"⚠️ {safe_markdown(str(message))}", token)
            sessions.save_plan(owner, plan)
            return (*view(plan), "Plan saved.", token)

        return handler

    def set_goal(plan: Plan, today: dt.date, target: Any, why: Any, current: Any) -> Plan:
        for field, value, name in (
            ("target_level", target, "Target level"),
            ("why", why, "Why"),
            ("current_level", current, "Current level"),
        ):
            text = _text(value, name)
            if text != (getattr(plan, field) or ""):
                plan = plans.set_field(plan, field, text)
        return plan

    def add_commitment(plan: Plan, today: dt.date, action: Any, due: Any) -> Plan:
        plan, _ = plans.add_commitment(
            plan, _text(action, "The commitment", required=True), _date(due, "Due"), today=today
        )
        return plan

    def set_status(plan: Plan, today: dt.date, ref: Any, status: Any) -> Plan:
        if not isinstance(ref, str) or not ref:
            raise ValueError("Pick a commitment first.")
        if status not in plans.STATUSES:
            raise ValueError("Pick a status: open, done, slipped or dropped.")
        return plans.set_status(plan, ref, status, today=today)

    def add_evidence(plan: Plan, today: dt.date, what: Any, impact: Any, link: Any) -> Plan:
        links = [_text(link, "The link")] if _text(link, "The link") else []
        return plans.add_evidence(
            plan,
            plans.Evidence(
                what=_text(what, "What you did", required=True),
                impact=_text(impact, "The impact"),
                links=links,
                date=today,
            ),
        )

    def set_check_in(plan: Plan, today: dt.date, when: Any, cadence: Any) -> Plan:
        months = cadence if isinstance(cadence, int) else plans.DEFAULT_CADENCE_MONTHS
        check_in = plans.CheckIn(next=_date(when, "The check-in"), cadence_months=months)
        return plan.model_copy(update={"check_in": check_in})

    def gaps(plan: Plan, today: dt.date) -> Plan:
        documents = load_corpus(
            runtime.settings.corpus_dir, ladder_dirs(runtime.settings)
        ).documents
        updated, problem = map_gaps(plan, documents)
        if problem:
            raise ValueError(problem)
        return updated

    def download(kind: str) -> Callable[..., Any]:
        def handler(token: Any, request: gr.Request) -> Any:
            owner, _ = identify(token, request)
            plan, today = sessions.get_plan(owner), dt.date.today()
            folder = Path(tempfile.mkdtemp(dir=downloads))
            if kind == "ics":
                path, data = folder / "coach-plan.ics", plan_ics(plan, owner, today)
            else:
                path = folder / "coach-promotion-case.md"
                data = packet_markdown(plan, today).encode("utf-8")
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            return gr.update(value=str(path), visible=True)

        return handler

    private: dict[str, Any] = dict(api_visibility="private")
    with gr.Accordion("Plan", open=False, elem_id="plan"):
        shown = gr.Markdown("_No plan yet._", elem_id="plan-view")
        plan_status = gr.Markdown("", elem_id="plan-status")
        with gr.Row():
            target = gr.Textbox(label="Target level", elem_id="plan-target")
            current = gr.Textbox(label="Current level", elem_id="plan-current")
        why = gr.Textbox(label="Why", elem_id="plan-why")
        with gr.Row():
            goal_btn = gr.Button("Save goal", elem_id="plan-save-goal")
            gaps_btn = gr.Button("Map gaps from the ladder", elem_id="plan-gaps")
        with gr.Row():
            action = gr.Textbox(label="New commitment", scale=3, elem_id="plan-action")
            due = gr.Textbox(label="Due (YYYY-MM-DD)", scale=1, elem_id="plan-due")
        commit_btn = gr.Button("Add commitment", elem_id="plan-add-commitment")
        with gr.Row():
            picked = gr.Dropdown(label="Commitment", choices=[], elem_id="plan-pick", scale=3)
            status = gr.Dropdown(list(plans.STATUSES), label="Status", elem_id="plan-status-pick")
        status_btn = gr.Button("Update status", elem_id="plan-set-status")
        what = gr.Textbox(label="Evidence: what you did", elem_id="plan-evidence")
        with gr.Row():
            impact = gr.Textbox(label="Measured impact", elem_id="plan-impact")
            link = gr.Textbox(label="Link", elem_id="plan-link")
        evidence_btn = gr.Button("Add evidence", elem_id="plan-add-evidence")
        with gr.Row():
            check_in = gr.Textbox(label="Next check-in (YYYY-MM-DD)", elem_id="plan-check-in")
            cadence = gr.Dropdown(
                [
                    ("once", 0),
                    ("every month", 1),
                    ("every 2 months", 2),
                    ("quarterly", 3),
                    ("every 6 months", 6),
                    ("yearly", 12),
                ],
                value=plans.DEFAULT_CADENCE_MONTHS,
                label="Repeat",
                elem_id="plan-cadence",
            )
        check_btn = gr.Button("Save check-in", elem_id="plan-save-check-in")
        with gr.Row():
            ics_btn = gr.Button("Calendar (.ics)", elem_id="plan-ics")
            packet_btn = gr.Button("Promotion case draft", elem_id="plan-packet")
        file = gr.File(label="Download", visible=False, elem_id="plan-download")

    outputs = [shown, picked, plan_status, identity]
    for button, edit, inputs in (
        (goal_btn, set_goal, [target, why, current]),
        (gaps_btn, gaps, []),
        (commit_btn, add_commitment, [action, due]),
        (status_btn, set_status, [picked, status]),
        (evidence_btn, add_evidence, [what, impact, link]),
        (check_btn, set_check_in, [check_in, cadence]),
    ):
        handler = change(edit, len(inputs))
        button.click(
            handler,
            inputs=[identity, *inputs],
            outputs=outputs,
            api_name=f"plan_{edit.__name__}",
            **private,
        )
    ics_btn.click(
        download("ics"), inputs=[identity], outputs=[file], api_name="plan_ics", **private
    )
    packet_btn.click(
        download("packet"), inputs=[identity], outputs=[file], api_name="plan_packet", **private
    )
    return load, [identity], [shown, picked]
