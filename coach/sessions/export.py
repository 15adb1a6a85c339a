"""Markdown export of a session: transcript, sources, profile and commitments."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from coach.coaching.render import as_source, commitment_text, excerpt, source_title, status_note
from coach.errors import CoachError
from coach.security.sanitize import strip_terminal_escapes
from coach.sessions.sqlite import Session


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
            # Quoted, so a message cannot forge a speaker label or a section heading.
            body = strip_terminal_escapes(m.content)
            lines += ["> " + line if line.strip() else ">" for line in body.splitlines()]
            lines.append("")
        note = status_note(m.status, m.error)
        if note:
            lines += [f"_({note})_", ""]
        if m.sources:
            lines.append("Sources:")
            for s in map(as_source, m.sources):
                lines.append(f"- {source_title(s)} (`{s.doc_id}`)")
                lines.append(f"  > {excerpt(s.passage)}")
            lines.append("")
    profile = session.profile
    lines += ["## What the coach learned", ""]
    lines += [f"- {line}" for line in profile.summary_lines() if not line.startswith("commitment")]
    lines += ["", "## Commitments", ""]
    if profile.commitments:
        lines += [f"- [ ] {commitment_text(c.action, c.due)}" for c in profile.commitments]
    else:
        lines.append("_None yet._")
    return "\n".join(lines).rstrip() + "\n"


def write_export_file(path: Path, text: str) -> Path:
    """Write a transcript to a new or existing regular file, mode 0600.

    Symlinks are not followed and FIFOs or devices are refused, so an export cannot be
    redirected into another file or block on a pipe; nothing else is chmodded.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except OSError as exc:
        if path.is_symlink():
            raise CoachError(f"Cannot write {path}: it is a symbolic link.") from None
        raise CoachError(f"Cannot write {path} ({exc.strerror}).") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise CoachError(f"Cannot write {path}: it is not a regular file.")
        os.set_blocking(fd, True)
        os.ftruncate(fd, 0)
        os.fchmod(fd, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", closefd=False) as handle:
            handle.write(text)
    except OSError as exc:
        raise CoachError(f"Cannot write {path} ({exc.strerror}).") from None
    finally:
        os.close(fd)
    return path
