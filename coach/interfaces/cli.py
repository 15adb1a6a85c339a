"""The ``coach`` command line: index, search, sources, config (and more as the product grows).

User mistakes end as one line on stderr and a non-zero exit; only bugs show tracebacks.
"""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text
from typer.core import TyperGroup

from coach.coaching.citations import Source
from coach.coaching.render import excerpt, source_title
from coach.errors import CoachError
from coach.interfaces.chat_commands import HELP, read_line, read_profile_argument
from coach.llm.base import describe_model
from coach.retrieval.indexing import build_index, ladder_dirs, remember_ladder_dir
from coach.retrieval.retriever import INCOMPLETE_INDEX, MODES, Filters, Retriever
from coach.runtime import Runtime
from coach.security.redact import redact_text, redact_url
from coach.security.sanitize import strip_terminal_escapes
from coach.settings import load_settings

if TYPE_CHECKING:  # the conversation machinery loads only for the commands that talk
    from coach.coaching.turn import Coach, TurnResult

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)


def print_error(exc: CoachError) -> None:
    """One line: no secrets, no terminal escapes, no markup from the message's contents."""
    shown = redact_text(strip_terminal_escapes(str(exc)))
    err.print(f"[red]error:[/red] {escape(shown)}", highlight=False)


class CoachGroup(TyperGroup):
    """Ends a command's ``CoachError`` as one line and exit 1, under ``main`` or a test runner."""

    def invoke(self, ctx: Any) -> Any:  # Any: the Context class of typer's own copy of click
        try:
            return super().invoke(ctx)
        except CoachError as exc:
            print_error(exc)
            raise typer.Exit(1) from None


app = typer.Typer(
    cls=CoachGroup,
    help="A Socratic career coach for engineers, grounded in a cited corpus.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

DataDirOption = Annotated[
    Path | None, typer.Option("--data-dir", help="Where the index and sessions live.")
]


def runtime(data_dir: Path | None = None, *, offline: bool = False, **overrides: object) -> Runtime:
    return Runtime(load_settings(data_dir=data_dir, **overrides), offline=offline)


@app.command()
def index(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Drop the index and embed everything again.")
    ] = False,
    ladder_dir: Annotated[
        Path | None,
        typer.Option(
            "--ladder-dir",
            help="A folder of your company's ladder documents (remembered for later runs).",
        ),
    ] = None,
    no_ladder: Annotated[
        bool, typer.Option("--no-ladder", help="Forget the remembered ladder folder.")
    ] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Build or update the index; unchanged passages are not embedded again."""
    if ladder_dir is not None and not ladder_dir.is_dir():
        raise CoachError(f"--ladder-dir {ladder_dir} is not a folder.")
    settings = load_settings(data_dir=data_dir, ladder_dir=ladder_dir)
    if no_ladder:  # decided before the runtime exists, never patched into it afterwards
        remember_ladder_dir(settings, None)
        settings = settings.model_copy(update={"ladder_dir": None})
    rt = Runtime(settings)
    if rebuild and not rt.settings.chroma.url:
        from coach.retrieval.store import remove_index_dir

        remove_index_dir(rt.settings.chroma_dir)  # a corrupt folder may not even open
    with Progress(
        TextColumn("Embedding"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as progress:
        task = progress.add_task("embed", total=None)

        def on_progress(done: int, total: int) -> None:
            progress.update(task, completed=done, total=total)

        report = build_index(rt.settings, rt.store, rebuild=rebuild, on_progress=on_progress)
    skipped = any(e.startswith(f"{ladder_dir}: ") for e in report.errors)
    if ladder_dir is not None and not skipped:
        remember_ladder_dir(rt.settings, ladder_dir)  # only once it has indexed without a crash
    for problem in report.errors:
        err.print(f"[yellow]skipped[/yellow] {escape(problem)}", highlight=False)
    for folder in ladder_dirs(rt.settings):
        out.print(f"Your ladder documents: {folder}", highlight=False, markup=False)
    out.print(report.summary(), highlight=False)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="What to look for.")],
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="How many passages.")] = 5,
    mode: Annotated[str, typer.Option("--mode", help="hybrid, dense or bm25.")] = "hybrid",
    kind: Annotated[list[str] | None, typer.Option("--kind", help="Only these doc kinds.")] = None,
    doc: Annotated[list[str] | None, typer.Option("--doc", help="Only these doc ids.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON list.")] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Show the passages the coach would ground an answer on."""
    if mode not in MODES:
        raise CoachError(f"Unknown mode {mode!r}; use one of: {', '.join(MODES)}.")
    if not query.strip():
        raise CoachError("The query is empty; say what you are looking for.")
    rt = runtime(data_dir)
    retriever: Retriever = rt.retriever
    passages = retriever.search(
        query,
        k=k,
        mode=mode,
        filters=Filters(tuple(kind or ()), tuple(doc or ())),
    )
    if retriever.incomplete:
        err.print(f"[yellow]note:[/yellow] {escape(INCOMPLETE_INDEX)}", highlight=False)
    if as_json:
        sys.stdout.write(
            json.dumps([p.as_dict() for p in passages], ensure_ascii=False, indent=2) + "\n"
        )
        return
    if not passages:
        out.print("No passages matched.")
        return
    for p in passages:
        c = p.chunk
        title = f"[bold]{p.rank}. {escape(c.doc_id)}[/bold]  score {p.score:.4f}"
        out.print(title, highlight=False)
        if c.heading:
            out.print(f"   § {c.heading}", highlight=False, markup=False)
        text = strip_terminal_escapes(c.text.strip())
        out.print("   " + text.replace("\n", "\n   "), highlight=False, markup=False)
        out.print()


@app.command()
def sources(data_dir: DataDirOption = None) -> None:
    """List the indexed documents."""
    rt = runtime(data_dir)
    docs: dict[str, list] = {}
    for chunk in rt.retriever.chunks.values():
        docs.setdefault(chunk.doc_id, []).append(chunk)
    table = Table("doc id", "title", "kind", "origin", "chunks")
    table.columns[0].overflow = "fold"
    table.columns[0].no_wrap = True
    for doc_id in sorted(docs):
        first = docs[doc_id][0]
        table.add_row(
            Text(doc_id), Text(first.title), first.kind, first.origin, str(len(docs[doc_id]))
        )
    out.print(table)
    out.print(f"{len(docs)} documents, {sum(len(v) for v in docs.values())} chunks")


@app.command()
def config(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Print the effective settings, secrets masked."""
    settings = load_settings()
    shown = settings.masked()
    if settings.llm.base_url:
        shown["llm_base_url"] = redact_url(settings.llm.base_url)
    shown["chat_model"] = describe_model(settings)
    if as_json:
        sys.stdout.write(json.dumps(shown, indent=2) + "\n")
        return
    for key, value in shown.items():
        out.print(f"{key} = {value}", highlight=False, markup=False)


# -- coaching -------------------------------------------------------------------------------

OfflineOption = Annotated[
    bool, typer.Option("--offline", help="Use the offline responder even if a model is set.")
]


def print_sources(sources: list[Source]) -> None:
    if not sources:
        return
    out.print("\n[bold]Sources[/bold]", highlight=False)
    for s in sources:
        out.print(f"{source_title(s)}  ({s.doc_id})", highlight=False, markup=False)
        out.print("    " + excerpt(s.passage, 300), highlight=False, markup=False)


def stream_turn(coach: Coach, session_id: str | None, text: str) -> TurnResult:
    from coach.coaching.turn import Notice, Token

    """Print a turn as it streams; notices go to stderr."""
    result: TurnResult | None = None
    for event in coach.turn(session_id, text):
        if isinstance(event, Token):
            sys.stdout.write(strip_terminal_escapes(event.text))
            sys.stdout.flush()
        elif isinstance(event, Notice):
            err.print(f"\n[yellow]note:[/yellow] {escape(event.text)}", highlight=False)
        else:
            result = event
    sys.stdout.write("\n")
    assert result is not None
    if result.status == "partial":
        err.print("[yellow](answer cut off)[/yellow]")
    return result


@app.command()
def ask(
    question: Annotated[str, typer.Argument(help="Your question or situation.")],
    session: Annotated[str | None, typer.Option("--session", help="Continue this session.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
    offline: OfflineOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """One coaching turn, streamed, with its sources."""
    rt = runtime(data_dir, offline=offline)
    if as_json:
        result = rt.coach.ask(session, question)
        sys.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        err.print(
            f"[dim]Mode: {escape(describe_model(rt.settings, offline))}[/dim]", highlight=False
        )
        result = stream_turn(rt.coach, session, question)
        print_sources(result.sources)
        err.print(f"[dim]session {result.session_id} · stage {result.stage}[/dim]")
    if result.status in ("error", "partial"):
        err.print(f"Your message is saved; retry with --session {result.session_id}.")
        raise typer.Exit(1)


CHAT_HELP = HELP


@app.command()
def chat(
    resume: Annotated[str | None, typer.Option("--resume", help="Resume this session id.")] = None,
    offline: OfflineOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """An interactive coaching conversation."""
    rt = runtime(data_dir, offline=offline)
    session_id = resume
    if resume:
        for m in rt.sessions.get(resume).messages[-6:]:
            who = "you" if m.role == "user" else "coach"
            out.print(f"{who}> {strip_terminal_escapes(m.content)}", highlight=False, markup=False)
    out.print(
        f"Career coach · mode: {describe_model(rt.settings, offline)}",
        highlight=False,
        markup=False,
    )
    from coach.security.identity import LOCAL_OWNER

    opened = rt.coach.open_conversation(LOCAL_OWNER, session_id)
    if opened is not None:  # a commitment fell due since last time: the coach asks first
        session_id, greeting = opened
        out.print(f"coach> {greeting}", highlight=False, markup=False)
    else:
        out.print("Tell me what's on your mind about your career.", highlight=False)
    out.print(CHAT_HELP, highlight=False, markup=False)
    last_sources: list[Source] = []
    while True:
        try:
            line = input("\nyou> ")
        except EOFError:
            break
        typed = read_line(line)
        if typed.kind == "quit":
            break
        if typed.kind == "help":
            out.print(CHAT_HELP, highlight=False, markup=False)
        elif typed.kind == "unknown":
            err.print(
                f"Unknown command {typed.argument}; /help lists them.",
                highlight=False,
                markup=False,
            )
        elif typed.kind == "new":
            session_id, last_sources = None, []
            out.print("Started a new conversation.")
        elif typed.kind == "sources":
            if last_sources:
                print_sources(last_sources)
            else:
                out.print("No sources yet.")
        elif typed.kind == "plan":
            import datetime as dt

            from coach.plan.export import plan_markdown
            from coach.security.identity import LOCAL_OWNER

            plan = rt.sessions.get_plan(LOCAL_OWNER)
            out.print(plan_markdown(plan, dt.date.today()), highlight=False, markup=False)
        elif typed.kind == "profile":
            session_id = handle_profile_command(rt, session_id, typed.argument)
        elif typed.kind == "export":
            if session_id is None:
                out.print("Nothing to export yet.")
                continue
            target = typed.argument or f"coach-session-{session_id}.md"
            try:
                path = write_export(rt, session_id, Path(target))
                out.print(f"Exported to {path}", highlight=False, markup=False)
            except CoachError as exc:
                err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
        else:
            try:
                sys.stdout.write("coach> ")
                result = stream_turn(rt.coach, session_id, typed.argument)
            except CoachError as exc:
                err.print(f"[red]error:[/red] {escape(str(exc))}", highlight=False)
                continue
            session_id, last_sources = result.session_id, result.sources
            if result.sources:
                n = len(result.sources)
                out.print(f"({n} source{'s' * (n != 1)}: /sources)", highlight=False)
    if session_id:
        out.print(
            f"Session saved: {session_id} (resume with: coach chat --resume {session_id})",
            markup=False,
        )


def handle_profile_command(rt: Runtime, session_id: str | None, argument: str) -> str | None:
    """Show, correct (``set FIELD=VALUE``) or clear the session's profile."""
    from coach.coaching.profile import Profile, correct

    if session_id is None:
        session_id = rt.sessions.create()
    profile = rt.sessions.get(session_id).profile
    edit = read_profile_argument(argument)
    if edit.action == "clear":
        rt.sessions.save_profile(session_id, Profile())
        out.print("Profile cleared.")
        return session_id
    if edit.action == "set":
        try:
            profile = correct(profile, edit.field, edit.value)
        except (ValueError, ValidationError) as exc:
            err.print(f"[red]error:[/red] {escape(str(exc).splitlines()[0])}", highlight=False)
            return session_id
        rt.sessions.save_profile(session_id, profile)
    for line in profile.summary_lines():
        out.print(f"  {line}", highlight=False, markup=False)
    return session_id


def write_export(rt: Runtime, session_id: str, path: Path) -> Path:
    from coach.sessions.export import session_markdown, write_export_file

    return write_export_file(path, session_markdown(rt.sessions.get(session_id)))


@app.command()
def serve(
    host: Annotated[str | None, typer.Option("--host", help="Interface to bind.")] = None,
    port: Annotated[int | None, typer.Option("--port", help="Port to listen on.")] = None,
    offline: OfflineOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Start the chat UI in the browser (127.0.0.1:7860 by default)."""
    rt = runtime(data_dir, offline=offline, host=host, port=port)
    from coach.interfaces.ui import launch

    err.print(
        f"Career coach UI on http://{rt.settings.ui.host}:{rt.settings.ui.port} · mode: "
        f"{describe_model(rt.settings, offline)}",
        highlight=False,
        markup=False,
    )
    launch(rt, warn=lambda text: err.print(f"[yellow]{escape(text)}[/yellow]", highlight=False))


@app.command("eval")
def eval_command(
    cases: Annotated[
        list[Path] | None, typer.Option("--cases", help="Case files or folders (repeatable).")
    ] = None,
    k: Annotated[int, typer.Option("--k", min=1, max=50, help="Passages retrieved per turn.")] = 5,
    live: Annotated[bool, typer.Option("--live", help="Use the configured model.")] = False,
    judge: Annotated[
        bool, typer.Option("--judge", help="Live: grade each answer with a judge model.")
    ] = False,
    repeats: Annotated[int, typer.Option("--repeats", min=1, help="Runs per case, live.")] = 3,
    record: Annotated[Path | None, typer.Option("--record", help="Cassette to record.")] = None,
    replay: Annotated[Path | None, typer.Option("--replay", help="Cassette to replay.")] = None,
    json_out: Annotated[Path | None, typer.Option("--json", help="Write a JSON report.")] = None,
    report_out: Annotated[
        Path | None, typer.Option("--report", help="Write a Markdown report.")
    ] = None,
    html_out: Annotated[
        Path | None, typer.Option("--html", help="Write a self-contained HTML report.")
    ] = None,
    split: Annotated[
        str | None, typer.Option("--split", help="Only run one split: dev or test.")
    ] = None,
    baseline: Annotated[
        Path | None, typer.Option("--baseline", help="Baseline to gate on.")
    ] = None,
    update_baseline: Annotated[
        bool, typer.Option("--update-baseline", help="Rewrite the baseline from this run.")
    ] = False,
    retrieval: Annotated[
        bool, typer.Option("--retrieval", help="Only score retrieval modes on the labelled set.")
    ] = False,
    calibrate: Annotated[
        bool,
        typer.Option("--calibrate", help="Recompute the semantic-coverage threshold and exit."),
    ] = False,
    data_dir: DataDirOption = None,
) -> None:
    """Run the eval cases offline (default) or live; exit 1 on a regression."""
    from coach.evals import report as rep
    from coach.evals.cases import load_cases
    from coach.evals.checks import summarise
    from coach.evals.runner import EvalOptions, describe_mode, run_eval

    rt = runtime(data_dir)
    if calibrate:
        from coach.evals.negatives import CorpusFacts
        from coach.evals.semantic import SemanticMatcher, format_calibration, load_pairs
        from coach.evals.semantic import calibrate as run_calibration

        facts = CorpusFacts.load(rt.settings.corpus_dir)
        matcher = SemanticMatcher(rt.embedder, facts=facts)
        out.print(format_calibration(run_calibration(matcher, load_pairs())), highlight=False)
        return
    if retrieval:
        from coach.evals.retrieval import format_split_tables, load_labels

        build_index(rt.settings, rt.store)
        out.print(format_split_tables(rt.retriever, load_labels(), k), highlight=False)
        return
    if live and replay:
        raise CoachError("--live records; --replay replays. Use one of them.")
    if judge and not live:
        raise CoachError("--judge grades live answers; add --live.")
    if split not in (None, "dev", "test"):
        raise CoachError(f"--split must be dev or test, not {split!r}.")
    loaded = load_cases(cases)  # a malformed file stops the run here
    if split:
        loaded = [c for c in loaded if c.split == split]
    options = EvalOptions(k=k, live=live, repeats=repeats, record=record, replay=replay)
    mode = describe_mode(options)
    err.print(f"Running {len(loaded)} cases · {mode}", highlight=False)
    started = time.perf_counter()
    with Progress(
        TextColumn("Evaluating"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        task = progress.add_task("eval", total=len(loaded))
        results = run_eval(rt, loaded, options, on_case=lambda _: progress.advance(task))
    summary = summarise(loaded, results)
    if judge:
        from coach.evals.judge import Judge, judge_results, judge_summary

        judge_results(Judge.from_settings(rt.settings), results)
        summary.update(judge_summary(results))
    summary["wall_seconds"] = round(time.perf_counter() - started, 1)

    table = Table("case", "split", "passed", "failed checks")
    table.columns[3].overflow = "fold"
    for r in results:
        failed = ", ".join(n for n, ok in r.checks.items() if not ok) or (r.error or "")
        table.add_row(r.id, r.split, "yes" if r.passed else "[red]no[/red]", failed, style=None)
    out.print(table)
    splits = summary.get("splits") or {}
    out.print(f"{'figure':>18}  {'all':>8}" + "".join(f"  {n:>8}" for n in splits))
    for key, value in summary.items():
        if not isinstance(value, dict):
            row = "".join(f"  {splits[n].get(key, ''):>8}" for n in splits)
            out.print(f"{key:>18}  {value:>8}{row}", highlight=False)

    baseline_path = baseline or rep.DEFAULT_BASELINE
    lost = rep.gate(
        baseline_path,
        summary,
        results,
        explicit=baseline is not None,
        update=update_baseline,
        live=live,
    )
    if update_baseline:
        out.print(f"Baseline written to {baseline_path}", highlight=False)
    if json_out:
        json_out.write_text(
            json.dumps(rep.report_json(summary, results, mode), indent=2, ensure_ascii=False)
            + "\n",
            encoding="utf-8",
        )
    if report_out:
        report_out.write_text(rep.markdown(summary, results, mode, lost), encoding="utf-8")
    if html_out:
        html_out.write_text(rep.html_report(summary, results, mode, lost), encoding="utf-8")
    if lost:
        err.print(f"[red]Regression against {baseline_path}:[/red]", highlight=False)
        for item in lost:
            err.print(f"  - {item}", highlight=False, markup=False)
        raise typer.Exit(1)


users_app = typer.Typer(help="Accounts for the chat UI (bcrypt-hashed, in the users file).")
app.add_typer(users_app, name="users")


@users_app.command("add")
def users_add(
    name: Annotated[str, typer.Argument(help="The login name.")],
    data_dir: DataDirOption = None,
) -> None:
    """Add an account or change its password; the password is asked for, never an argument."""
    from coach.security.accounts import add_user

    settings = load_settings(data_dir=data_dir)
    password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    replaced = add_user(settings.users_path, name, password)
    verb = "Changed the password of" if replaced else "Added"
    out.print(f"{verb} {name} in {settings.users_path}.", highlight=False, markup=False)


sessions_app = typer.Typer(help="List, show, export and delete saved conversations.")
app.add_typer(sessions_app, name="sessions")


@sessions_app.command("list")
def sessions_list(data_dir: DataDirOption = None) -> None:
    """Saved sessions, most recent first."""
    rows = runtime(data_dir).sessions.list_sessions()
    if not rows:
        out.print("No sessions yet. Start one with: coach chat")
        return
    table = Table("id", "updated", "messages", "title")
    for session_id, title, updated, count in rows:
        table.add_row(Text(session_id), updated, str(count), Text(strip_terminal_escapes(title)))
    out.print(table)


@sessions_app.command("show")
def sessions_show(session_id: str, data_dir: DataDirOption = None) -> None:
    """Print a session as Markdown."""
    from coach.sessions.export import session_markdown

    sys.stdout.write(
        strip_terminal_escapes(session_markdown(runtime(data_dir).sessions.get(session_id)))
    )


@sessions_app.command("export")
def sessions_export(
    session_id: str,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Export a session (transcript, sources, profile, commitments) to Markdown."""
    rt = runtime(data_dir)
    path = write_export(rt, session_id, output or Path(f"coach-session-{session_id}.md"))
    out.print(f"Exported to {path}", markup=False)


@sessions_app.command("delete")
def sessions_delete(session_id: str, data_dir: DataDirOption = None) -> None:
    """Delete a session and everything in it."""
    runtime(data_dir).sessions.delete(session_id)
    out.print(f"Deleted session {session_id}.", markup=False)


@sessions_app.command("migrate")
def sessions_migrate(
    to: Annotated[str, typer.Option("--to", help="postgresql://user:password@host:port/db")],
    data_dir: DataDirOption = None,
) -> None:
    """Copy the local SQLite sessions into PostgreSQL (verified; safe to run again)."""
    from coach.sessions.backends import is_postgres_url
    from coach.sessions.migrate import migrate
    from coach.sessions.postgres import PostgresSessionStore
    from coach.sessions.sqlite import SessionStore

    if not is_postgres_url(to):
        raise CoachError("--to must be a postgresql:// URL.")
    settings = load_settings(data_dir=data_dir)
    if not settings.sessions_db.exists():
        raise CoachError(f"No sessions to migrate: {settings.sessions_db} does not exist.")
    target = PostgresSessionStore(to)
    try:
        report = migrate(SessionStore(settings.sessions_db), target)
    finally:
        target.close()
    out.print(report.summary(target.location), highlight=False, markup=False)


# -- the plan -------------------------------------------------------------------------------

plan_app = typer.Typer(help="Your promotion plan: goal, gaps, commitments, check-ins, evidence.")
app.add_typer(plan_app, name="plan")
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _plan_store(data_dir: Path | None):
    from coach.security.identity import LOCAL_OWNER

    rt = runtime(data_dir)
    return rt, LOCAL_OWNER


def _print_plan(plan, as_json: bool) -> None:
    import datetime as dt

    from coach.plan.export import plan_markdown

    if as_json:
        sys.stdout.write(plan.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(plan_markdown(plan, dt.date.today()))


@plan_app.command("show")
def plan_show(as_json: JsonOption = False, data_dir: DataDirOption = None) -> None:
    """Print the plan."""
    rt, owner = _plan_store(data_dir)
    _print_plan(rt.sessions.get_plan(owner), as_json)


@plan_app.command("edit")
def plan_edit(
    set_: Annotated[
        list[str] | None,
        typer.Option("--set", help="FIELD=VALUE for target_level, why, current_level, track."),
    ] = None,
    commit: Annotated[list[str] | None, typer.Option("--commit", help="Add a commitment.")] = None,
    due: Annotated[
        str | None, typer.Option("--due", help="Due date (YYYY-MM-DD) of the --commit.")
    ] = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", help="ID=open|done|slipped|dropped (ID or list position)."),
    ] = None,
    evidence: Annotated[
        str | None, typer.Option("--evidence", help="Log what you did (evidence).")
    ] = None,
    impact: Annotated[str, typer.Option("--impact", help="Its measured impact.")] = "",
    link: Annotated[list[str] | None, typer.Option("--link", help="A link for it.")] = None,
    on: Annotated[str | None, typer.Option("--on", help="Evidence date (YYYY-MM-DD).")] = None,
    gap: Annotated[str | None, typer.Option("--gap", help="The gap id it speaks to.")] = None,
    option: Annotated[list[str] | None, typer.Option("--option", help="Add an option.")] = None,
    check_in: Annotated[
        str | None, typer.Option("--check-in", help="Next check-in (YYYY-MM-DD).")
    ] = None,
    cadence: Annotated[
        int | None, typer.Option("--cadence-months", min=0, max=12, help="0: no repeat.")
    ] = None,
    map_gaps_: Annotated[
        bool, typer.Option("--map-gaps", help="List the target level's ladder expectations.")
    ] = False,
    accept: Annotated[
        list[str] | None, typer.Option("--accept", help="Accept the coach's suggestion for FIELD.")
    ] = None,
    as_json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Change the plan; every part is yours to edit."""
    import datetime as dt

    from pydantic import ValidationError

    from coach.plan import model as plans

    def day(value: str | None, flag: str) -> dt.date | None:
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise CoachError(f"{flag} {value!r} is not a date like 2026-12-31.") from None

    rt, owner = _plan_store(data_dir)
    today = dt.date.today()
    plan = rt.sessions.get_plan(owner)
    try:
        for item in set_ or []:
            field, sep, value = item.partition("=")
            if not sep:
                raise CoachError(f"--set {item!r} needs FIELD=VALUE.")
            plan = plans.set_field(plan, field.strip(), value)
        for field in accept or []:
            chosen = [p for p in plan.proposals if p.field == field]
            if not chosen:
                raise CoachError(f"The coach has no suggestion for {field!r}.")
            plan = plans.set_field(plan, field, chosen[-1].value)
        for action in commit or []:
            plan, _ = plans.add_commitment(plan, action, day(due, "--due"), today=today)
        for item in status or []:
            ref, sep, value = item.partition("=")
            if value not in plans.STATUSES:
                raise CoachError(f"--status {item!r}: use ID=open, done, slipped or dropped.")
            plan = plans.set_status(plan, ref.strip(), value, today=today)
        if evidence:
            plan = plans.add_evidence(
                plan,
                plans.Evidence(
                    what=evidence,
                    impact=impact,
                    links=link or [],
                    date=day(on, "--on") or today,
                    gap=gap,
                ),
            )
        for text in option or []:
            plan = plan.model_copy(update={"options": [*plan.options, text.strip()]})
        if check_in is not None or cadence is not None:
            updated = plan.check_in.model_copy()
            if check_in is not None:
                updated.next = day(check_in, "--check-in")
            if cadence is not None:
                updated.cadence_months = cadence
            plan = plan.model_copy(update={"check_in": updated})
        if map_gaps_:
            from coach.corpus.documents import load_corpus
            from coach.plan.gaps import map_gaps
            from coach.retrieval.indexing import ladder_dirs

            documents = load_corpus(rt.settings.corpus_dir, ladder_dirs(rt.settings)).documents
            plan, problem = map_gaps(plan, documents)
            if problem:
                raise CoachError(problem)
        plan = plans.Plan.model_validate(plan.model_dump())
    except (KeyError, ValidationError, ValueError) as exc:
        message = exc.args[0] if isinstance(exc, KeyError) else str(exc).splitlines()[0]
        if isinstance(exc, ValidationError):
            first = exc.errors()[0]
            message = f"{'.'.join(str(p) for p in first['loc'])}: {first['msg']}"
        raise CoachError(str(message)) from None
    rt.sessions.save_plan(owner, plan)
    _print_plan(plan, as_json)


@plan_app.command("export")
def plan_export(
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write.")] = None,
    as_json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Write a Markdown promotion-case draft from the plan and evidence log."""
    import datetime as dt

    from coach.plan.export import packet_markdown

    rt, owner = _plan_store(data_dir)
    text = packet_markdown(rt.sessions.get_plan(owner), dt.date.today())
    if as_json:
        sys.stdout.write(json.dumps({"markdown": text}, ensure_ascii=False) + "\n")
    elif output:
        _write_private(output, text.encode("utf-8"))
        out.print(f"Wrote {output}", highlight=False, markup=False)
    else:
        sys.stdout.write(text)


@plan_app.command("ics")
def plan_ics_command(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")] = Path(
        "coach-plan.ics"
    ),
    as_json: JsonOption = False,
    data_dir: DataDirOption = None,
) -> None:
    """Export check-ins and due dates as an iCalendar (.ics) file."""
    import datetime as dt

    from coach.plan.export import plan_ics

    rt, owner = _plan_store(data_dir)
    data = plan_ics(rt.sessions.get_plan(owner), owner, dt.date.today())
    _write_private(output, data)
    if as_json:
        sys.stdout.write(json.dumps({"path": str(output), "bytes": len(data)}) + "\n")
    else:
        out.print(f"Wrote {output}", highlight=False, markup=False)


def _write_private(path: Path, data: bytes) -> None:
    """Write a file only the user can read; refuse to follow a symlink or write a FIFO."""
    import os

    try:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise CoachError(f"{path} is not a regular file; choose another name.")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        path.chmod(0o600)
    except OSError as exc:
        raise CoachError(f"Cannot write {path} ({exc.strerror}).") from None


def main() -> None:
    os.umask(0o077)  # the index, sessions, secret and exports are the user's alone
    try:
        app()
    except CoachError as exc:  # raised outside a command, e.g. while parsing options
        print_error(exc)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        err.print("interrupted")
        raise SystemExit(130) from None
    finally:
        # The process is about to exit: the collections that interpreter shutdown runs
        # would walk every object (~0.3 s after a search) only to free memory the OS
        # takes back anyway.
        gc.freeze()


if __name__ == "__main__":
    main()
