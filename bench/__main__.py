"""`python -m bench`: run every scenario, print the table, write JSON and Markdown."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

from bench.environment import CORPUS, REPO
from bench.evalrun import eval_run
from bench.indexing import indexing
from bench.latency import open_retriever, questions, retrieval, turn_overhead
from bench.opening import opening
from bench.peer import missing, peer, versus
from bench.quality import backend_quality
from bench.report import markdown
from bench.server import ui_memory
from bench.startup import cold_start
from bench.synthetic import write_corpus
from bench.targets import checks
from coach.retrieval.embeddings import Embedder
from coach.settings import DEFAULT_EMBEDDING_MODEL


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument(
        "--sizes",
        default="1000,10000,50000",
        help="synthetic corpus sizes in chunks, comma-separated ('' for none)",
    )
    p.add_argument(
        "--repeats", type=int, default=5, help="runs per figure for cold start and small corpora"
    )
    p.add_argument(
        "--large-repeats",
        type=int,
        default=1,
        help="indexing runs for corpora of 10k chunks and more",
    )
    p.add_argument(
        "--rounds",
        type=int,
        default=3,
        help="passes over the 57 labelled questions per retrieval mode",
    )
    p.add_argument(
        "--open-sizes",
        default="50000",
        help="sizes at which only the saved lexical snapshot is built and opened (no embedding)",
    )
    p.add_argument(
        "--large-backends",
        default="torch,onnx,int8",
        help="backends that index corpora of 10k chunks and more; 'onnx' alone embeds a "
        "large corpus once, for its latency, with no floor or speed-up to report",
    )
    p.add_argument("--ui-turns", type=int, default=20)
    p.add_argument("--eval-repeats", type=int, default=3)
    p.add_argument(
        "--out",
        type=Path,
        default=REPO / "bench" / "results",
        help="folder for results.json and results.md",
    )
    p.add_argument(
        "--skip",
        default="",
        help="scenarios to skip: cold,quality,int8,ui,eval,peer (comma-separated)",
    )
    return p.parse_args(argv)


def machine() -> str:
    import onnxruntime
    import torch

    return (
        f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}, torch {torch.__version__} "
        f"({torch.get_num_threads()} threads), onnxruntime {onnxruntime.__version__}, "
        f"load average {os.getloadavg()[0]:.1f} at start, {time.strftime('%Y-%m-%d %H:%M')}"
    )


def save(results: dict, out: Path) -> str:
    """Write what has been measured so far, so a failure late in a long run loses nothing."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    text = markdown(results)
    (out / "results.md").write_text(text, encoding="utf-8")
    return text


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    skip = {s.strip() for s in args.skip.split(",") if s.strip()}
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    work = Path(tempfile.mkdtemp(prefix="coach-bench-"))
    results: dict = {
        "machine": machine(),
        "args": {k: str(v) for k, v in vars(args).items()},
        "sizes": {},
    }
    try:
        embedders = {
            "torch": Embedder(DEFAULT_EMBEDDING_MODEL, backend="torch"),
            "onnx": Embedder(DEFAULT_EMBEDDING_MODEL, backend="onnx"),
        }
        if "int8" not in skip:
            embedders["int8"] = Embedder(f"{DEFAULT_EMBEDDING_MODEL}-int8", backend="onnx")
        for loaded in embedders.values():
            loaded.model  # noqa: B018 - load once; every in-process scenario shares them
        embedder = embedders["onnx"]
        labelled = questions()
        peer_missing = None if "peer" in skip else missing()
        if "quality" not in skip:
            print("backend parity and quality ...", file=sys.stderr)
            results["quality"] = backend_quality(work / "quality", embedders)
            save(results, args.out)
        if "cold" not in skip:
            print("cold start ...", file=sys.stderr)
            results["cold_start"] = cold_start(work / "cold", args.repeats)
            save(results, args.out)
        corpora = [("shipped", CORPUS, args.repeats, 0)]
        large_backends = {b.strip() for b in args.large_backends.split(",") if b.strip()}
        for n in sizes:
            target = work / f"synthetic-{n}" / "corpus"
            write_corpus(CORPUS, target, n)
            corpora.append(
                (
                    f"{n // 1000}k" if n >= 1000 else str(n),
                    target,
                    args.large_repeats if n >= 10_000 else args.repeats,
                    n,
                )
            )
        for name, corpus, repeats, n in corpora:
            print(f"indexing {name} ...", file=sys.stderr)
            workdir = work / f"index-{name}"
            workdir.mkdir(parents=True, exist_ok=True)
            chosen = embedders
            if n >= 10_000:  # onnx always: the latency scenarios search its index
                chosen = {b: e for b, e in embedders.items() if b in large_backends or b == "onnx"}
            idx = indexing(corpus, workdir, chosen, repeats)
            settings = idx.pop("settings")
            print(f"latency {name} ...", file=sys.stderr)
            retriever, opened = open_retriever(settings, embedder)
            results["sizes"][name] = {
                "indexing": idx,
                "load_s": opened["rebuild_s"],
                "open_saved_s": opened["open_saved_s"],
                "retrieval": retrieval(retriever, labelled, args.rounds),
                "turn": turn_overhead(settings, retriever, labelled, workdir),
            }
            if "peer" not in skip:
                size = results["sizes"][name]
                if peer_missing:
                    size["peer"] = {"not_run": peer_missing}
                else:
                    print(f"peer (LlamaIndex) {name} ...", file=sys.stderr)
                    size["peer"] = peer(
                        settings, embedder, retriever, labelled, args.rounds, repeats, workdir
                    )
                    size["peer"]["peer_over_ours"] = versus(size)
            shutil.rmtree(workdir, ignore_errors=True)
            save(results, args.out)
        for n in [int(s) for s in args.open_sizes.split(",") if s.strip()]:
            print(f"opening a saved {n}-chunk snapshot ...", file=sys.stderr)
            results.setdefault("opening", {})[str(n)] = opening(work / f"open-{n}", n, labelled)
            shutil.rmtree(work / f"open-{n}", ignore_errors=True)
            save(results, args.out)
        cold_data = work / "cold" / "data"
        if "ui" not in skip:
            print("UI server ...", file=sys.stderr)
            if not cold_data.exists():
                cold_start(work / "cold", 1)
            results["ui"] = ui_memory(cold_data, args.ui_turns)
            save(results, args.out)
        if "eval" not in skip:
            print("eval run ...", file=sys.stderr)
            results["eval"] = eval_run(
                cold_data if cold_data.exists() else work / "eval" / "data", args.eval_repeats
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(save(results, args.out))
    missed = [c.name for c in checks(results) if not c.met]
    if missed:
        print("targets missed: " + "; ".join(missed), file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
