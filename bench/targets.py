"""The issue's targets, checked against a results dict; a missed target is reported, not hidden."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Check:
    name: str
    measured: str
    target: str
    met: bool


def checks(results: dict) -> list[Check]:
    out: list[Check] = []
    start = results.get("cold_start")
    if start:
        out.append(
            Check("cold start / floor", f"{start['ratio']:.2f}x", "<= 1.5x", start["ratio"] <= 1.5)
        )
    for size, r in results.get("sizes", {}).items():
        idx = r["indexing"]
        out.append(
            Check(
                f"indexing / encode floor @ {size}",
                f"{idx['ratio']:.2f}x",
                ">= 0.8x",
                idx["ratio"] >= 0.8,
            )
        )
        if size == "shipped":
            s = idx["unchanged_reindex_s"]["median"]
            out.append(Check("unchanged re-index @ shipped", f"{s:.3f} s", "<= 1 s", s <= 1.0))
        n = idx["chunks"]
        ret, turn = r["retrieval"], r["turn"]
        if 9_000 <= n <= 11_000:
            ratio = ret["hybrid_over_dense_p50"]
            out.append(
                Check(f"hybrid / dense p50 @ {size}", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5)
            )
            p50 = turn["to_model_request"]["p50_ms"]
            out.append(Check(f"turn overhead p50 @ {size}", f"{p50:.1f} ms", "<= 50 ms", p50 <= 50))
        if n >= 45_000:
            p50 = ret["hybrid"]["p50_ms"]
            out.append(Check(f"hybrid p50 @ {size}", f"{p50:.1f} ms", "<= 50 ms", p50 <= 50))
    ui = results.get("ui")
    if ui:
        rss = ui["peak_rss_mib"]
        out.append(
            Check(
                f"UI server peak RSS after {ui['turns']} turns",
                f"{rss:.0f} MiB",
                "<= 1024 MiB",
                rss <= 1024,
            )
        )
    return out
