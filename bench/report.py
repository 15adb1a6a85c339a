"""The results as a readable Markdown table, the same text printed and saved."""

from __future__ import annotations

from bench.targets import checks


def spread(s: dict, fmt: str = "{:.2f}") -> str:
    return f"{fmt.format(s['median'])} ({fmt.format(s['min'])}–{fmt.format(s['max'])}, n={s['n']})"


def markdown(results: dict) -> str:
    lines = [f"# Benchmark results\n\n{results['machine']}\n"]
    lines.append("Medians with (min–max, runs); every ratio compares figures from the same run.\n")
    start = results.get("cold_start")
    if start:
        lines += [
            "## Cold start",
            "",
            "| process | wall s | peak RSS MiB |",
            "|---|---|---|",
            f"| floor: import sentence-transformers, load model, encode one sentence | {spread(start['floor_s'])} | |",
            f"| `coach ask --offline` | {spread(start['coach_ask_s'])} | {spread(start['cli_peak_rss_mib'], '{:.0f}')} |",
            f"| ratio | {start['ratio']:.2f}x | |",
            "",
        ]
    sizes = results.get("sizes", {})
    if sizes:
        lines += [
            "## Indexing",
            "",
            "| corpus | chunks | encode floor chunks/s | index chunks/s | ratio | unchanged re-index s | one file edited s |",
            "|---|---|---|---|---|---|---|",
        ]
        for size, r in sizes.items():
            i = r["indexing"]
            lines.append(
                f"| {size} | {i['chunks']} | {spread(i['encode_floor_chunks_per_s'], '{:.1f}')} | "
                f"{spread(i['index_chunks_per_s'], '{:.1f}')} | {i['ratio']:.2f}x | "
                f"{spread(i['unchanged_reindex_s'], '{:.3f}')} | {spread(i['one_file_edited_reindex_s'], '{:.3f}')} |"
            )
        lines += [
            "",
            "## Retrieval and turn latency (warm, query embedding included)",
            "",
            "| corpus | load s | dense p50/p95 ms | BM25 p50/p95 ms | hybrid p50/p95 ms | hybrid/dense p50 | turn → model request p50/p95 ms | offline first token p50/p95 ms |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for size, r in sizes.items():
            ret, turn = r["retrieval"], r["turn"]

            def pp(d: dict) -> str:
                return f"{d['p50_ms']:.1f} / {d['p95_ms']:.1f}"

            lines.append(
                f"| {size} | {r['load_s']:.2f} | {pp(ret['dense'])} | {pp(ret['bm25'])} | {pp(ret['hybrid'])} | "
                f"{ret['hybrid_over_dense_p50']:.2f}x | {pp(turn['to_model_request'])} | {pp(turn['offline_first_token'])} |"
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
