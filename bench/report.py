"""The results as a readable Markdown table, the same text printed and saved."""

from __future__ import annotations

from bench.targets import checks


def spread(s: dict, fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(s['median'])} ({fmt.format(s['min'])}–{fmt.format(s['max'])}, n={s['n']})"


def peer_table(sizes: dict) -> list[str]:
    """Ours beside LlamaIndex on the same chunks and embedding model, ratios peer / ours."""
    runs = {size: r["peer"] for size, r in sizes.items() if r.get("peer")}
    if not runs:
        return []
    first = next((p for p in runs.values() if "framework" in p), None)
    lines = [
        "## Peer: LlamaIndex",
        "",
        f"{first['framework'] + ': t' if first else 'T'}he same chunks and embedding model in a "
        "Chroma store, BM25Retriever and QueryFusionRetriever (reciprocal rank, one query, no "
        "LLM). Each cell is ours / LlamaIndex (LlamaIndex / ours); latency is warm, query "
        "embedding included, the two alternating query by query. The last two columns give "
        "both sides each query's vector beforehand: they share the embedding model, so that "
        "is where the two retrievers differ.",
        "",
        "| corpus | chunks | index chunks/s | lexical index build + save s | open saved s | hybrid hit@5 | hybrid MRR | hybrid p50 ms | hybrid p95 ms | query embedded beforehand: p50 ms | p95 ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for size, p in runs.items():
        if "not_run" in p:
            lines.append(f"| {size} | {p['not_run']} | | | | | | | | | |")
            continue
        r, vs, ret, q = sizes[size], p["peer_over_ours"], p["retrieval"], p["quality"]
        ours_open = r.get("open_saved_s")

        def pair(ours: float, peer: float, ratio: float | None, fmt: str = "{:.1f}") -> str:
            cell = f"{fmt.format(ours)} / {fmt.format(peer)}"
            return cell + (f" ({ratio:.2f}x)" if ratio is not None else "")

        def latency_cells(timed: dict) -> str:
            """The p50 and p95 cells of one interleaved run."""
            return " | ".join(
                pair(
                    timed["ours"][f"{p}_ms"], timed["peer"][f"{p}_ms"], timed[f"peer_over_ours_{p}"]
                )
                for p in ("p50", "p95")
            )

        def score(key: str, q: dict | None = q) -> str:
            if not q:
                return "– (labelled documents not in this corpus)"
            return f"{q['ours'][key]:.3f} / {q['peer'][key]:.3f}"

        lines.append(
            f"| {size} | {p['ours_chunks']} / {p['chunks']} | "
            f"{pair(r['indexing']['index_chunks_per_s']['median'], p['index_chunks_per_s']['median'], vs['index_chunks_per_s'])} | "
            f"{pair(r['load_s'], p['bm25_build_save_s']['median'], vs['lexical_build_s'], '{:.3f}')} | "
            + (
                pair(ours_open["median"], p["open_saved_s"]["median"], vs["open_saved_s"], "{:.3f}")
                if ours_open
                else f"– / {p['open_saved_s']['median']:.3f}"
            )
            + f" | {score('hit_at_5')} | {score('mrr')} | "
            + f"{latency_cells(ret)} | "
            + (f"{latency_cells(given)} |" if (given := p.get("retrieval_embedded")) else "– | – |")
        )
    lines.append("")
    return lines


def markdown(results: dict) -> str:
    lines = [f"# Benchmark results\n\n{results['machine']}\n"]
    lines.append("Medians with (min–max, runs); every ratio compares figures from the same run.\n")
    start = results.get("cold_start")
    if start:
        labels = {
            "import_torch": 'floor: `python -c "import torch"`',
            "sentence_transformers_floor": "old floor: import sentence-transformers, load model, encode one sentence",
            "search_onnx": "`coach search` (onnx, default)",
            "search_torch": "`coach search` (COACH_EMBEDDING_BACKEND=torch)",
            "ask_offline_onnx": "`coach ask --offline` (onnx)",
        }
        lines += ["## Cold start", "", "| process | wall s | peak RSS MiB |", "|---|---|---|"]
        for key, label in labels.items():
            lines.append(
                f"| {label} | {spread(start['wall_s'][key])} | {spread(start['peak_rss_mib'][key], '{:.0f}')} |"
            )
        lines += [
            f"| `coach search` / `import torch` | {start['search_over_import_torch']:.2f}x (torch backend: {start['search_torch_over_import_torch']:.2f}x) | |",
            "",
        ]
    quality = results.get("quality")
    if quality:
        lines += [
            "## Embedding backends: parity and quality (shipped corpus, labelled set, k=5)",
            "",
            "| backend | model name | cosine vs torch mean / min | dense hit@5 / MRR | BM25 hit@5 / MRR | hybrid hit@5 / MRR |",
            "|---|---|---|---|---|---|",
        ]
        for name, q in quality.items():
            modes = q["modes"]

            def hm(mode: str, modes: dict = modes) -> str:
                return f"{modes[mode]['hit_at_5']:.3f} / {modes[mode]['mrr']:.3f}"

            cos = q["cosine_vs_torch"]
            lines.append(
                f"| {name} | {q['model']} | {cos['mean']:.6f} / {cos['min']:.6f} | {hm('dense')} | {hm('bm25')} | {hm('hybrid')} |"
            )
        lines.append("")
    sizes = results.get("sizes", {})
    if sizes:
        lines += [
            "## Indexing",
            "",
            "| corpus | chunks | torch encode floor chunks/s | index chunks/s: torch / onnx / int8 | onnx, int8 vs torch | onnx index / floor | unchanged re-index s | one file edited s |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for size, r in sizes.items():
            i = r["indexing"]
            rates = i.get("index_chunks_per_s_by_backend", {"onnx": i["index_chunks_per_s"]})
            speed = i.get("speedup_over_torch", {})
            lines.append(
                f"| {size} | {i['chunks']} | "
                + (spread(floor, "{:.1f}") if (floor := i["encode_floor_chunks_per_s"]) else "–")
                + " | "
                + " / ".join(
                    spread(rates[b], "{:.1f}") if b in rates else "–"
                    for b in ("torch", "onnx", "int8")
                )
                + " | "
                + ", ".join(f"{speed[b]:.2f}x" for b in ("onnx", "int8") if b in speed)
                + (f" | {i['ratio']:.2f}x | " if i["ratio"] else " | – | ")
                + f"{spread(i['unchanged_reindex_s'], '{:.3f}')} | {spread(i['one_file_edited_reindex_s'], '{:.3f}')} |"
            )
        lines += [
            "",
            "## Opening the index and retrieval latency (warm, query embedding included)",
            "",
            "| corpus | rebuild snapshot s | open saved s | dense p50/p95 ms | BM25 p50/p95 ms | hybrid p50/p95 ms | hybrid p95/p50 | hybrid, revision checked every search | query embedding alone | revision check alone | turn → model request p50/p95 ms | offline first token p50/p95 ms |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        for size, r in sizes.items():
            ret, turn = r["retrieval"], r["turn"]

            def pp(d: dict | None) -> str:
                return f"{d['p50_ms']:.1f} / {d['p95_ms']:.1f}" if d else "–"

            opened = r.get("open_saved_s")
            lines.append(
                f"| {size} | {r['load_s']:.2f} | {spread(opened, '{:.3f}') if opened else '–'} | "
                f"{pp(ret['dense'])} | {pp(ret['bm25'])} | {pp(ret['hybrid'])} | "
                f"{ret['hybrid']['p95_ms'] / ret['hybrid']['p50_ms']:.2f}x | "
                f"{pp(ret.get('hybrid_checking_revision'))} | {pp(ret.get('embedding_only'))} | "
                f"{pp(ret.get('revision_check_only'))} | "
                f"{pp(turn['to_model_request'])} | {pp(turn['offline_first_token'])} |"
            )
        lines.append("")
    lines += peer_table(sizes)
    opened = results.get("opening")
    if opened:
        lines += [
            "## Opening a saved lexical snapshot (no embedding; synthetic chunks)",
            "",
            "| chunks | build s | save s | open + first BM25 query s | BM25 p50/p95 ms on the mapped index |",
            "|---|---|---|---|---|",
        ]
        for o in opened.values():
            b = o["bm25_on_mapped"]
            lines.append(
                f"| {o['chunks']} | {o['build_s']:.2f} | {o['save_s']:.2f} | {spread(o['open_saved_s'], '{:.3f}')} | {b['p50_ms']:.1f} / {b['p95_ms']:.1f} |"
            )
        lines.append("")
    ui = results.get("ui")
    if ui:
        lines += [
            "## UI server",
            "",
            f"Listening after {ui['seconds_to_listening']:.1f} s; peak RSS {ui['peak_rss_after_start_mib']:.0f} MiB "
            f"after start-up, {ui['peak_rss_mib']:.0f} MiB after {ui['turns']} turns.",
            "",
        ]
    ev = results.get("eval")
    if ev:
        lines += [
            "## Offline eval suite",
            "",
            f"`coach eval` wall time: {spread(ev['wall_s'])} s.",
            "",
        ]
    lines += ["## Targets", "", "| check | measured | target | met |", "|---|---|---|---|"]
    lines += [
        f"| {c.name} | {c.measured} | {c.target} | {'yes' if c.met else '**no**'} |"
        for c in checks(results)
    ]
    return "\n".join(lines) + "\n"
