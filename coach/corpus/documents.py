"""Corpus loading: Markdown/text files with YAML front matter, validated by pydantic.

A document's id is its path under its root without the extension
(``articles/should-you-work-toward-a-promotion``); user ladders get the prefix
``user/``. One bad file never stops the others: problems are collected per file.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coach.corpus.cards import CardFile, cards_path_for, load_cards
from coach.errors import CorpusError

CORPUS_SUFFIXES = frozenset({".md", ".markdown", ".txt"})
MAX_FILE_BYTES = 2_000_000
MAX_FILES = 20_000  # per built-in corpus folder
MAX_LADDER_FILES = 1_000  # a ladder folder pointed at "/" or a home folder stops here
PSEUDO_FOLDERS = frozenset({"/proc", "/sys", "/dev", "/run"})  # never documents
USER_PREFIX = "user/"

DocKind = Literal["article", "ladder", "guide"]
Origin = Literal["builtin", "user"]


class Rendering(BaseModel):
    """An English rendering kept beside a non-English passage, so English queries find it."""

    model_config = ConfigDict(extra="forbid")
    original: str = Field(min_length=1)
    english: str = Field(min_length=1)


class FrontMatter(BaseModel):
    """What a corpus file must declare about itself."""

    model_config = ConfigDict(extra="allow")
    title: str = Field(min_length=1, max_length=300)
    kind: DocKind
    author: str | None = None
    date: str | None = None
    source: str | None = None
    track: str | None = None
    level: str | None = None
    language: str | None = None
    aliases: list[str] = Field(default_factory=list, description="other names for the subject")
    renderings: list[Rendering] = Field(default_factory=list)

    @field_validator("date", mode="before")
    @classmethod
    def _date_as_text(cls, value: object) -> object:
        if isinstance(value, dt.date):
            return value.isoformat()
        return value


@dataclass(frozen=True)
class Document:
    """One corpus file, parsed. ``body`` is the text after the front matter, verbatim."""

    doc_id: str
    path: Path
    title: str
    kind: str
    origin: str
    body: str
    meta: FrontMatter
    renderings: tuple[Rendering, ...] = ()
    cards: CardFile = field(default_factory=CardFile)


@dataclass
class CorpusLoad:
    """The documents that loaded and one message per file that did not."""

    documents: list[Document] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed_doc_ids: set[str] = field(default_factory=set)


def split_front_matter(text: str) -> tuple[dict | None, str]:
    """Split ``---``-delimited YAML front matter from the body. The body is returned verbatim."""
    if not text.startswith("---"):
        return None, text
    first_newline = text.find("\n")
    if first_newline == -1 or text[:first_newline].strip() != "---":
        return None, text
    end = text.find("\n---", first_newline)
    while end != -1:
        line_end = text.find("\n", end + 1)
        closing = text[end + 1 : line_end if line_end != -1 else len(text)]
        if closing.strip() == "---":
            raw = text[first_newline + 1 : end]
            body = text[line_end + 1 :] if line_end != -1 else ""
            try:
                data = yaml.safe_load(raw)
            except yaml.YAMLError as exc:
                problem = str(exc).splitlines()[0]
                raise CorpusError(f"front matter is not valid YAML ({problem})") from None
            if data is None:
                data = {}
            if not isinstance(data, dict):
                raise CorpusError("front matter must be a YAML mapping of fields")
            return data, body
        end = text.find("\n---", end + 1)
    raise CorpusError("front matter starts with '---' but has no closing '---' line")


def read_text_file(path: Path) -> str:
    """Read a corpus file as UTF-8 text, refusing binaries and oversized files clearly.

    Only regular files are read (no FIFOs or devices), and no more than the limit is
    read even when the size on record is wrong (``/proc`` files say 0 bytes).
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise CorpusError(f"cannot read file ({exc.strerror or exc})") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise CorpusError("is not a regular file; skipped")
        if info.st_size > MAX_FILE_BYTES:
            raise CorpusError(f"file is {info.st_size:,} bytes; the limit is {MAX_FILE_BYTES:,}")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CorpusError(f"cannot read file ({exc.strerror or exc})") from None
    finally:
        os.close(fd)
    if len(data) > MAX_FILE_BYTES or (data and info.st_size == 0):
        raise CorpusError("its size on disk does not match its content (a system file?); skipped")
    if b"\x00" in data:
        raise CorpusError("looks binary (contains NUL bytes); corpus files must be text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorpusError(
            f"is not UTF-8 text (bad byte at position {exc.start}); re-save it as UTF-8"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _validation_message(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "front matter"
        parts.append(f"{where}: {err['msg']}")
    return "front matter invalid (" + "; ".join(parts) + ")"


def parse_document(text: str, *, doc_id: str, path: Path, origin: Origin) -> Document:
    """Parse one file's text. Built-in files need front matter; user ladders may omit it."""
    data, body = split_front_matter(text)
    if not body.strip():
        raise CorpusError("has no text after the front matter")
    if origin == "user":
        data = dict(data or {})
        data.setdefault("title", path.name)
        data["kind"] = "ladder"
    elif data is None:
        raise CorpusError("has no front matter; add a '---' block with at least title and kind")
    try:
        meta = FrontMatter.model_validate(data)
    except ValidationError as exc:
        raise CorpusError(_validation_message(exc)) from None
    for rendering in meta.renderings:
        if rendering.original not in body:
            raise CorpusError(
                f"rendering refers to text not found in the body: {rendering.original[:60]!r}"
            )
    title = meta.title
    if origin == "user" and title != path.name:
        title = f"{title} ({path.name})"  # user documents are always cited by file name
    return Document(
        doc_id=doc_id,
        path=path,
        title=title,
        kind=meta.kind,
        origin=origin,
        body=body,
        meta=meta,
        renderings=tuple(meta.renderings),
    )


def iter_corpus_files(
    root: Path, problems: list[str] | None = None, limit: int = MAX_FILES
) -> list[Path]:
    """Corpus files under ``root``, sorted, skipping hidden and underscore-prefixed names.

    Symbolic links are followed only when they stay inside ``root``; folders that
    cannot be read are reported in ``problems`` and skipped, never a crash.
    """
    problems = problems if problems is not None else []
    if not root.is_dir():
        return []
    real_root = root.resolve()
    files: list[Path] = []

    def unreadable(exc: OSError) -> None:
        problems.append(f"{exc.filename}: cannot read folder ({exc.strerror}); skipped")

    for folder, dirs, names in os.walk(root, onerror=unreadable):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith((".", "_")) and os.path.join(folder, d) not in PSEUDO_FOLDERS
        )
        for name in sorted(names):
            path = Path(folder) / name
            if name.startswith((".", "_")) or path.suffix.lower() not in CORPUS_SUFFIXES:
                continue
            if len(files) >= limit:
                problems.append(
                    f"{root}: more than {limit:,} files; point the folder at the documents "
                    "themselves. The folder was skipped"
                )
                return []
            if path.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    problems.append(f"{path.as_posix()}: broken or unreadable link; skipped")
                    continue
                if not target.is_relative_to(real_root):
                    problems.append(
                        f"{path.as_posix()}: links outside the folder ({target}); skipped"
                    )
                    continue
            files.append(path)
    return sorted(files)


def doc_id_for(path: Path, root: Path, origin: Origin) -> str:
    rel = path.relative_to(root).with_suffix("").as_posix()
    return USER_PREFIX + rel if origin == "user" else rel


def load_tree(root: Path, origin: Origin, into: CorpusLoad) -> None:
    """Load every corpus file under ``root`` into ``into``, one error line per bad file."""
    seen = {doc.doc_id for doc in into.documents}
    limit = MAX_LADDER_FILES if origin == "user" else MAX_FILES
    for path in iter_corpus_files(root, into.errors, limit):
        doc_id = doc_id_for(path, root, origin)
        label = path.as_posix()
        if doc_id in seen:
            into.errors.append(f"{label}: another file already has the id {doc_id!r}; skipped")
            continue
        try:
            document = parse_document(read_text_file(path), doc_id=doc_id, path=path, origin=origin)
        except CorpusError as exc:
            into.errors.append(f"{label}: {exc}")
            into.failed_doc_ids.add(doc_id)
            continue
        try:
            cards = load_cards(path, document.body, doc_id=doc_id)
        except CorpusError as exc:
            # A broken cards file fails its document like broken front matter would: the
            # last good chunks stay, and no card can cite text its passage lacks.
            into.errors.append(f"{cards_path_for(path).as_posix()}: {exc}")
            into.failed_doc_ids.add(doc_id)
            continue
        seen.add(doc_id)
        into.documents.append(replace(document, cards=cards))


def load_corpus(corpus_dir: Path, ladder_dirs: Iterable[Path] = ()) -> CorpusLoad:
    """Load the built-in corpus and any user ladder folders."""
    result = CorpusLoad()
    if not corpus_dir.is_dir():
        result.errors.append(f"{corpus_dir}: corpus folder does not exist")
    load_tree(corpus_dir, "builtin", result)
    for ladder_dir in ladder_dirs:
        if not ladder_dir.is_dir():
            result.errors.append(f"{ladder_dir}: ladder folder does not exist")
            continue
        load_tree(ladder_dir, "user", result)
    return result
