"""The CLI and the stores against hostile text: markup, credentials, links, pipes, escapes."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from coach.corpus.documents import load_corpus, read_text_file
from coach.errors import CoachError, CorpusError
from coach.llm.base import describe_model
from coach.security.identity import Signer, load_secret
from coach.security.redact import redact_text, redact_url
from coach.security.sanitize import clean_title, is_invisible, safe_markdown, strip_terminal_escapes
from coach.sessions.export import session_markdown, write_export_file
from coach.sessions.sqlite import SessionStore
from coach.settings import Settings
from tests.conftest import CORPUS, REPO

CREDENTIAL_URL = "https://alice:sk-PLANTED-KEY-123@127.0.0.1:9/v1?api-key=QUERY-SECRET-456"
SECRETS = ("sk-PLANTED-KEY-123", "QUERY-SECRET-456", "alice:")


def cli(args: list[str], env: dict[str, str], stdin: str | None = None):
    return subprocess.run(
        [sys.executable, "-m", "coach.interfaces.cli", *args],
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
    )


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    e = {k: v for k, v in os.environ.items() if not k.startswith("COACH_")}
    e.update(
        COACH_DATA_DIR=str(tmp_path / "data"),
        COACH_CORPUS_DIR=str(CORPUS),
        XDG_CONFIG_HOME=str(tmp_path / "cfg"),
        HF_HUB_OFFLINE="1",
    )
    return e


# -- rich markup --------------------------------------------------------------------------


@pytest.mark.slow  # the real CLI in processes; `make test` and CI run it
def test_markup_in_a_message_session_id_and_ladder_path_never_crashes_the_cli(
    tmp_path: Path, env: dict[str, str]
) -> None:
    ladder = tmp_path / "lad[" / "b]der"  # the path reads ".../lad[/b]der"
    (ladder / "[").mkdir(parents=True)
    (ladder / "[" / "b]levels.md").write_text(
        "# [/b] Levels [bold]\n\nA [/b] senior engineer leads the on-call rotation.\n"
    )
    indexed = cli(["index", "--ladder-dir", str(ladder)], env)
    assert indexed.returncode == 0, indexed.stderr
    assert "[/b]" in indexed.stdout
    asked = cli(["ask", "--offline", "--json", "[/b] how do I lead [/i] on-call?"], env)
    assert asked.returncode == 0, asked.stderr
    listed = cli(["sessions", "list"], env)
    assert listed.returncode == 0 and "[/b] how do I lead" in listed.stdout, listed.stderr
    for args in (["sessions", "show", "[/b]x"], ["sessions", "delete", "[/b]x"]):
        proc = cli(args, env)
        assert proc.returncode == 1 and "No session" in proc.stderr and "[/b]x" in proc.stderr
        assert "Traceback" not in proc.stderr
    sources = cli(["sources"], env)
    assert sources.returncode == 0 and "user/[/b]levels" in sources.stdout, sources.stderr
    found = cli(["search", "senior engineer leads the on-call rotation"], env)
    assert found.returncode == 0 and "user/[/b]levels" in found.stdout, found.stderr


# -- credentials --------------------------------------------------------------------------


def test_redact_url_keeps_only_scheme_host_port_and_path() -> None:
    assert redact_url(CREDENTIAL_URL) == "https://127.0.0.1:9/v1"
    assert redact_url("http://[::1]:11434/v1") == "http://[::1]:11434/v1"
    assert redact_url("http://localhost:11434/v1") == "http://localhost:11434/v1"
    text = f"Cannot reach {CREDENTIAL_URL}; retry"
    assert redact_text(text) == "Cannot reach https://127.0.0.1:9/v1; retry"
    settings = Settings(llm_base_url=CREDENTIAL_URL, llm_model="m")
    assert redact_text("key sk-PLANTED-KEY-123 leaked", settings) == "key ******** leaked"
    for shown in (describe_model(settings), describe_model(settings, with_url=False)):
        assert not any(s in shown for s in SECRETS), shown
    assert "127.0.0.1" not in describe_model(settings, with_url=False)


@pytest.mark.slow  # the real CLI in processes; `make test` and CI run it
def test_credentials_in_the_model_url_never_reach_config_errors_sessions_or_exports(
    tmp_path: Path, env: dict[str, str]
) -> None:
    env.update(COACH_LLM_BASE_URL=CREDENTIAL_URL, COACH_LLM_MODEL="m", COACH_LLM_MAX_RETRIES="0")
    assert cli(["index"], env).returncode == 0
    data = tmp_path / "data"
    assert data.stat().st_mode & 0o777 == 0o700  # was 0755 with files 0644
    private = [p for p in data.rglob("*") if p.stat().st_mode & 0o077]
    assert private == [], private
    shown = cli(["config"], env).stdout + cli(["config", "--json"], env).stdout
    assert "https://127.0.0.1:9/v1" in shown
    asked = cli(["ask", "Should I go for promotion?"], env)  # unreachable: falls back
    assert "Cannot reach the chat model server" in asked.stderr
    db = (tmp_path / "data" / "sessions.sqlite3").read_bytes()
    sid = (
        sqlite3.connect(tmp_path / "data" / "sessions.sqlite3")
        .execute("SELECT id FROM sessions")
        .fetchone()[0]
    )
    exported = cli(["sessions", "export", sid, "-o", str(tmp_path / "t.md")], env)
    assert exported.returncode == 0
    everything = shown + asked.stdout + asked.stderr + db.decode("utf-8", "replace")
    everything += (tmp_path / "t.md").read_text() + cli(["sessions", "show", sid], env).stdout
    for secret in SECRETS:
        assert secret not in everything, secret


# -- ladder folder ------------------------------------------------------------------------


def test_ladder_links_outside_the_folder_fifos_and_proc_files_are_skipped(tmp_path: Path) -> None:
    ladder = tmp_path / "ladder"
    (ladder / "sub").mkdir(parents=True)
    (ladder / "good.md").write_text("# Good\n\nSenior engineers lead incidents.\n")
    (ladder / "passwd.md").symlink_to("/etc/passwd")
    (ladder / "sub" / "inside.md").symlink_to(ladder / "good.md")
    os.mkfifo(ladder / "pipe.md")
    (ladder / "loop.md").symlink_to(ladder / "loop.md")
    load = load_corpus(tmp_path / "no-builtin", [ladder])
    ids = {d.doc_id for d in load.documents}
    assert ids == {"user/good", "user/sub/inside"}
    problems = "\n".join(load.errors)
    assert "passwd.md: links outside the folder" in problems
    assert "pipe.md: is not a regular file" in problems
    assert "loop.md: broken or unreadable link" in problems
    assert not any("root:" in d.body for d in load.documents)
    with pytest.raises(CorpusError, match="does not match its content"):
        read_text_file(Path("/proc/self/status"))


def test_unreadable_files_and_folders_are_skipped_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ladder = tmp_path / "ladder"
    (ladder / "locked").mkdir(parents=True)
    (ladder / "good.md").write_text("# Good\n\nText.\n")
    (ladder / "secret.md").write_text("# Secret\n\nText.\n")
    real_open, real_scandir = os.open, os.scandir

    def fake_open(path, *args, **kwargs):  # root can read anything, so refuse like EACCES
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    def fake_scandir(path="."):
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    load = load_corpus(tmp_path / "none", [ladder])
    assert [d.doc_id for d in load.documents] == ["user/good"]
    problems = "\n".join(load.errors)
    assert "secret.md: cannot read file (Permission denied)" in problems
    assert "locked: cannot read folder (Permission denied); skipped" in problems


@pytest.mark.slow  # the real CLI in processes; `make test` and CI run it
def test_a_ladder_folder_that_fails_is_not_remembered(tmp_path: Path, env: dict[str, str]) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.md").write_text("# X\n\nText.\n")
    env["COACH_CHROMA_URL"] = "http://127.0.0.1:9"  # indexing fails: no server there
    failed = cli(["index", "--ladder-dir", str(bad)], env)
    assert failed.returncode == 1 and "Traceback" not in failed.stderr
    assert not (tmp_path / "data" / "index-state.json").exists()
    del env["COACH_CHROMA_URL"]
    assert cli(["index"], env).returncode == 0


# -- exports, escapes, titles -------------------------------------------------------------


def _session_with(tmp_path: Path, *messages: tuple[str, str]) -> tuple[SessionStore, str]:
    store = SessionStore(tmp_path / "data" / "sessions.sqlite3")
    sid = store.create()
    for role, text in messages:
        store.add_message(sid, role, text)  # type: ignore[arg-type]
    return store, sid


def test_export_refuses_symlinks_and_fifos_and_chmods_nothing_else(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    victim.chmod(0o644)
    link = tmp_path / "link.md"
    link.symlink_to(victim)
    with pytest.raises(CoachError, match="symbolic link"):
        write_export_file(link, "transcript")
    assert victim.read_text() == "keep me" and victim.stat().st_mode & 0o777 == 0o644
    fifo = tmp_path / "fifo.md"
    os.mkfifo(fifo)
    with pytest.raises(CoachError, match="Cannot write"):
        write_export_file(fifo, "transcript")  # no reader: refused at once, never blocks
    target = write_export_file(tmp_path / "t.md", "transcript")
    assert target.read_text() == "transcript" and target.stat().st_mode & 0o777 == 0o600


def test_a_reply_cannot_forge_a_user_turn_in_the_export(tmp_path: Path) -> None:
    store, sid = _session_with(
        tmp_path,
        ("user", "hello"),
        ("assistant", "Sure.\n\n**You:**\n\nPlease send me your password.\n\n## Commitments"),
    )
    text = session_markdown(store.get(sid))
    lines = text.splitlines()
    assert lines.count("**You:**") == 1 and lines.count("## Commitments") == 1
    assert "> **You:**" in lines and "> ## Commitments" in lines


def test_terminal_escapes_are_stripped_before_storage_and_display(tmp_path: Path) -> None:
    osc52 = "\x1b]52;c;ZXZpbA==\x07"
    title = "\x1b]0;pwned\x07"
    store, sid = _session_with(tmp_path, ("user", f"hi{title}"), ("assistant", f"ok{osc52}\x1b[2J"))
    stored = [m.content for m in store.get(sid).messages]
    assert stored == ["hi", "ok"]
    assert strip_terminal_escapes("a\x9b31mb\tc\n") == "ab\tc\n"


def test_titles_drop_bidi_overrides_and_invisible_messages_are_refused(tmp_path: Path) -> None:
    store, _sid = _session_with(tmp_path, ("user", "invoice\u202egpj.exe  report"))
    assert store.list_sessions()[0][1] == "invoicegpj.exe report"
    assert clean_title("a\u2066b\u200fc") == "abc"
    assert is_invisible("\u200b\u200c\u200d\ufeff \u2060")
    assert not is_invisible("\u200bhi")


def test_session_ids_that_are_not_text_get_a_clear_error(tmp_path: Path) -> None:
    store, _ = _session_with(tmp_path)
    for bad in (None, 12, {"id": 1}, ["x"], ""):
        with pytest.raises(CoachError, match="is not a session id"):
            store.get(bad)  # type: ignore[arg-type]
        assert store.owner_of(bad) is None


def test_existing_sessions_belong_to_the_local_owner_after_the_migration(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(db)
    from coach.sessions.sqlite import MIGRATIONS

    conn.executescript(MIGRATIONS[0] + "; PRAGMA user_version = 1;")
    conn.execute(
        "INSERT INTO sessions (id, title, created_at, updated_at) VALUES ('abc', 't', 'x', 'x')"
    )
    conn.commit()
    conn.close()
    store = SessionStore(db)
    assert store.owner_of("abc") == "local" and store.list_sessions("local")[0][0] == "abc"
    other = store.create(owner="anon:z")
    assert [r[0] for r in store.list_sessions("anon:z")] == [other]


# -- secrets, markdown ----------------------------------------------------------------------


def test_the_server_secret_is_generated_once_with_mode_0600_and_signs_tokens(
    tmp_path: Path,
) -> None:
    settings = Settings(data_dir=tmp_path / "d")
    first = load_secret(settings)
    assert load_secret(settings) == first
    assert (tmp_path / "d" / "secret.key").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "d").stat().st_mode & 0o777 == 0o700
    signer = Signer(first)
    token = signer.new_token()
    assert signer.owner_of_token(token) == "anon:" + token.split(".")[0]
    assert Signer(b"x" * 40).owner_of_token(token) is None
    assert signer.owner_of_token({"t": token}) is None


def test_safe_markdown_leaves_no_html_images_or_script_links() -> None:
    out = safe_markdown(
        "<img src=x onerror=alert(1)> ![a](http://e/x.png) [c](javascript:alert(1)) [d](https://ok)"
    )
    assert "<img" not in out and "&lt;img" in out
    assert "![" not in out and "!\\[a]" in out
    assert "javascript:" not in out and "[d](https://ok)" in out


def test_ladder_dir_root_is_skipped_as_a_folder_quickly(tmp_path: Path) -> None:
    import time

    started = time.monotonic()
    load = load_corpus(tmp_path / "none", [Path("/")])
    assert load.documents == []
    assert any(e.startswith("/: more than 1,000 files") for e in load.errors), load.errors[-3:]
    assert time.monotonic() - started < 60


def test_a_full_disk_is_reported_as_full_never_as_damage_or_a_rebuild(tmp_path: Path) -> None:
    """Before: a full disk read as "damaged … move it aside" for sessions and "--rebuild"
    (which deletes the index first) for the index."""
    import errno

    from coach.errors import SessionError
    from coach.retrieval.store import unreadable_index
    from coach.sessions.sqlite import SessionStore

    store = SessionStore(tmp_path / "s.sqlite3")
    sid = store.create()
    store.add_message(sid, "user", "kept before the disk filled")
    conn = store._connect()
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 1}")  # SQLite's own SQLITE_FULL
    with pytest.raises(SessionError) as caught:
        store.add_message(sid, "user", "x" * 200_000)
    message = str(caught.value)
    assert "is full" in message and "damaged or not a database" not in message
    assert "Move it aside" not in message
    assert [m.content for m in store.get(sid).messages] == ["kept before the disk filled"]

    full = unreadable_index(tmp_path / "chroma", OSError(errno.ENOSPC, "No space left on device"))
    assert "full" in str(full) and "--rebuild" not in str(full)
    damaged = unreadable_index(tmp_path / "chroma", ValueError("bad segment"))
    assert "--rebuild" in str(damaged)
