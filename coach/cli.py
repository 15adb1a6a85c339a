"""The ``coach`` command line: index, search, sources, config (and more as the product grows).

User mistakes end as one line on stderr and a non-zero exit; only bugs show tracebacks.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from coach.errors import CoachError
from coach.indexing import build_index
from coach.retrieval import MODES, Filters, Retriever
from coach.runtime import Runtime
from coach.settings import load_settings

app = typer.Typer(
    help="A Socratic career coach for engineers, grounded in a cited corpus.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

DataDirOption = Annotated[
    Path | None, typer.Option("--data-dir", help="Where the index and sessions live.")
]


def runtime(data_dir: Path | None = None, **overrides: object) -> Runtime:
    return Runtime(load_settings(data_dir=data_dir, **overrides))


@app.command()
def index(
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Drop the index and embed everything again.")
    ] = False,
    ladder_dir: Annotated[
        Path | None,
        typer.Option("--ladder-dir", help="A folder of your company's ladder documents."),
    ] = None,
    data_dir: DataDirOption = None,
) -> None:
    """Build or update the index; unchanged passages are not embedded again."""
    rt = runtime(data_dir, ladder_dir=ladder_dir)
    if rebuild:
        from coach.store import remove_index_dir

        remove_index_dir(rt.settings.chroma_dir)
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
    for problem in report.errors:
        err.print(f"[yellow]skipped[/yellow] {problem}", highlight=False)
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
        filters=Filters(tuple(kind or ()), tuple(doc or ())),  # type: ignore[arg-type]
    )
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
        out.print(f"[bold]{p.rank}. {c.doc_id}[/bold]  score {p.score:.4f}", highlight=False)
        if c.heading:
            out.print(f"   § {c.heading}", highlight=False)
        out.print("   " + c.text.strip().replace("\n", "\n   "), highlight=False)
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
        table.add_row(doc_id, first.title, first.kind, first.origin, str(len(docs[doc_id])))
    out.print(table)
    out.print(f"{len(docs)} documents, {sum(len(v) for v in docs.values())} chunks")


@app.command()
def config(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Print the effective settings, secrets masked."""
    settings = load_settings()
    shown = settings.masked()
    shown["chat_model"] = describe_model(settings)
    if as_json:
        sys.stdout.write(json.dumps(shown, indent=2) + "\n")
        return
    for key, value in shown.items():
        out.print(f"{key} = {value}", highlight=False)


def describe_model(settings) -> str:
    if settings.uses_remote_model:
        return f"{settings.llm_model} at {settings.llm_base_url or 'the OpenAI API'}"
    return "offline grounded responder (no chat model configured)"


def main() -> None:
    try:
        app()
    except CoachError as exc:
        err.print(f"[red]error:[/red] {exc}", highlight=False)
        raise SystemExit(1) from None
    except KeyboardInterrupt:
        err.print("interrupted")
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
