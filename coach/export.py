"""Markdown export of a session: transcript, sources, profile and commitments."""

from __future__ import annotations

from coach.sessions import Session

STATUS_NOTES = {
    "partial": "_(answer cut off: {error})_",
    "streaming": "_(answer cut off: the process stopped while it was streaming)_",
    "error": "_(no answer: {error})_",
    "fallback": "_(answered by the offline responder after a model error)_",
}


def session_markdown(session: Session) -> str:
    lines = [f"# Coaching session {session.id}", ""]
    if session.title:
        lines += [f"_{session.title}_", ""]
    lines += [
        f"Started {session.created_at}, last updated {session.updated_at}.",
        "",
        "## Transcript",
        "",
    ]
    for m in session.messages:
        speaker = "You" if m.role == "user" else "Coach"
        if m.role == "assistant" and m.model:
            speaker += f" ({m.model})"
        lines.append(f"**{speaker}:**")
        lines.append("")
        if m.content:
            lines.append(m.content)
            lines.append("")
        note = STATUS_NOTES.get(m.status)
        if note:
            lines += [note.format(error=m.error or "unknown error"), ""]
        if m.sources:
            lines.append("Sources:")
            for s in m.sources:
                heading = f" — {s['heading']}" if s.get("heading") else ""
                quote = " ".join(s["passage"].split())
                lines.append(f"- [{s['n']}] {s['title']}{heading} (`{s['doc_id']}`)")
                lines.append(f"  > {quote}")
            lines.append("")
    profile = session.profile
    lines += ["## What the coach learned", ""]
    lines += [f"- {line}" for line in profile.summary_lines() if not line.startswith("commitment")]
    lines += ["", "## Commitments", ""]
    if profile.commitments:
        lines += [
            f"- [ ] {c.action}" + (f" ({c.due})" if c.due else "") for c in profile.commitments
        ]
    else:
        lines.append("_None yet._")
    return "\n".join(lines).rstrip() + "\n"
