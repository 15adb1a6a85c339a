"""One immutable view of an index for searching: chunks, BM25 postings and filter codes.

A snapshot is built from the store once per store revision and saved beside it, so the
next process maps a few files instead of reading every passage back from Chroma and
re-tokenising it. Chunks are decoded from the saved file only when a search returns them.

It also keeps the stored embeddings, so a dense search over a corpus of this size is one
matrix-vector product in this process: exact (no approximate graph), about 0.5 ms at 10k
chunks against 3 ms for a Chroma query, and always of the same revision as the BM25 side.
"""

from __future__ import annotations

import json
import mmap
import os
import shutil
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from coach.corpus.chunking import Chunk
from coach.retrieval.lexical import LexicalIndex
from coach.retrieval.store import ChunkStore, chunk_from_record, chunk_metadata

FORMAT = 3
#: Above this many chunks a brute-force product reads more memory per query than Chroma's
#: graph search costs (6 ms against 3 ms at 50k on 2 cores), so Chroma answers instead.
EXACT_DENSE_MAX = 20_000


class ChunkTable(Mapping[str, Chunk]):
    """Chunks by id in a fixed row order; each decoded on first access."""

    def __init__(self, ids: list[str], decode: Callable[[int], Chunk]) -> None:
        self.ids = ids
        self.row = {cid: i for i, cid in enumerate(ids)}
        self._decode = decode
        self._decoded: dict[int, Chunk] = {}

    @classmethod
    def of(cls, chunks: Sequence[Chunk]) -> ChunkTable:
        table = cls([c.chunk_id for c in chunks], chunks.__getitem__)
        table._decoded = dict(enumerate(chunks))
        return table

    def at(self, row: int) -> Chunk:
        chunk = self._decoded.get(row)
        if chunk is None:  # two threads may decode the same row; both get equal chunks
            chunk = self._decoded[row] = self._decode(row)
        return chunk

    def __getitem__(self, cid: str) -> Chunk:
        return self.at(self.row[cid])

    def __contains__(self, cid: object) -> bool:
        return cid in self.row

    def __iter__(self) -> Iterator[str]:
        return iter(self.ids)

    def __len__(self) -> int:
        return len(self.ids)


def _codes(values: Sequence[str]) -> tuple[tuple[str, ...], np.ndarray]:
    names = tuple(sorted(set(values)))
    index = {v: i for i, v in enumerate(names)}
    return names, np.array([index[v] for v in values], dtype=np.int32)


@dataclass(frozen=True)
class Snapshot:
    """Everything a search reads, swapped as one object so no search sees half a refresh."""

    revision: str | None
    chunks: ChunkTable
    lexical: LexicalIndex
    guidance: LexicalIndex  # BM25 over each chunk's guidance cards (``Chunk.guidance_text``)
    kinds: tuple[str, ...]
    kind_codes: np.ndarray
    docs: tuple[str, ...]
    doc_codes: np.ndarray
    vectors: np.ndarray | None = None  # unit-length embeddings, one row per chunk

    @classmethod
    def build(
        cls, revision: str | None, chunks: Sequence[Chunk], vectors: np.ndarray | None = None
    ) -> Snapshot:
        kinds, kind_codes = _codes([c.kind for c in chunks])
        docs, doc_codes = _codes([c.doc_id for c in chunks])
        return cls(
            revision=revision,
            chunks=ChunkTable.of(chunks),
            lexical=LexicalIndex([c.chunk_id for c in chunks], [c.lexical_text for c in chunks]),
            guidance=LexicalIndex([c.chunk_id for c in chunks], [c.guidance_text for c in chunks]),
            kinds=kinds,
            kind_codes=kind_codes,
            docs=docs,
            doc_codes=doc_codes,
            vectors=vectors if vectors is not None and len(vectors) == len(chunks) else None,
        )

    @property
    def searches_dense(self) -> bool:
        """Dense search runs here, exactly, rather than in Chroma."""
        return self.vectors is not None and 0 < len(self.vectors) <= EXACT_DENSE_MAX

    def dense(
        self, embedding: Sequence[float], n: int, mask: np.ndarray | None = None
    ) -> list[tuple[str, float]]:
        """The ``n`` chunks most similar to ``embedding`` (cosine, best first) among ``mask``."""
        assert self.vectors is not None
        scores = self.vectors @ np.asarray(embedding, dtype=np.float32)
        rows = np.flatnonzero(mask) if mask is not None else np.arange(len(scores))
        if n < len(rows):
            rows = rows[np.argpartition(-scores[rows], n - 1)[:n]]
        rows = rows[np.argsort(-scores[rows], kind="stable")]
        ids = self.chunks.ids
        return [(ids[r], float(scores[r])) for r in rows]

    def mask(self, kinds: Sequence[str], doc_ids: Sequence[str]) -> np.ndarray | None:
        """Rows a filter allows, or None when nothing is filtered."""
        if not kinds and not doc_ids:
            return None
        mask = np.ones(len(self.chunks), dtype=bool)
        if kinds:
            mask &= np.isin(self.kind_codes, [i for i, k in enumerate(self.kinds) if k in kinds])
        if doc_ids:
            mask &= np.isin(self.doc_codes, [i for i, d in enumerate(self.docs) if d in doc_ids])
        return mask

    # -- on disk ------------------------------------------------------------------------------

    def save(self, folder: Path) -> None:
        """Write to ``folder`` atomically: a reader sees the whole snapshot or none."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        partial = folder.parent / f".partial-{uuid.uuid4().hex}"
        partial.mkdir()
        try:
            offsets = [0]
            with (partial / "chunks.jsonl").open("wb") as f:
                for cid in self.chunks.ids:
                    c = self.chunks[cid]
                    record = {"id": cid, "text": c.text, "meta": chunk_metadata(c)}
                    line = json.dumps(record, ensure_ascii=False).encode() + b"\n"
                    f.write(line)
                    offsets.append(offsets[-1] + len(line))
            np.save(partial / "offsets.npy", np.array(offsets, dtype=np.int64))
            np.save(partial / "kind_codes.npy", self.kind_codes)
            np.save(partial / "doc_codes.npy", self.doc_codes)
            if self.vectors is not None:
                np.save(partial / "vectors.npy", np.ascontiguousarray(self.vectors))
            if len(self.chunks):
                self.lexical.save(partial / "bm25")
                self.guidance.save(partial / "guidance")
            meta = {
                "format": FORMAT,
                "revision": self.revision,
                "ids": self.chunks.ids,
                "kinds": self.kinds,
                "docs": self.docs,
            }
            (partial / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
            os.replace(partial, folder)
        except OSError:
            shutil.rmtree(partial, ignore_errors=True)
            if not folder.is_dir():  # another process may have saved the same revision
                raise
        finally:
            shutil.rmtree(partial, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path, revision: str | None) -> Snapshot | None:
        """The saved snapshot if it was built from ``revision``, else None."""
        try:
            return cls._load(folder, revision)
        except (OSError, ValueError, KeyError):  # half-deleted or foreign: rebuild instead
            return None

    @classmethod
    def _load(cls, folder: Path, revision: str | None) -> Snapshot | None:
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        if meta.get("format") != FORMAT or meta.get("revision") != revision:
            return None
        ids = list(meta["ids"])
        offsets = np.load(folder / "offsets.npy", mmap_mode="r")
        with (folder / "chunks.jsonl").open("rb") as f:
            # Mapped, so the file stays readable even if a newer revision replaces it.
            blob = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) if ids else b""

        def decode(row: int) -> Chunk:
            record = json.loads(blob[int(offsets[row]) : int(offsets[row + 1])])
            return chunk_from_record(record["id"], record["text"], record["meta"])

        vectors_file = folder / "vectors.npy"
        vectors = np.load(vectors_file, mmap_mode="r") if vectors_file.is_file() else None
        if vectors is not None and len(vectors) != len(ids):
            return None

        def index(name: str) -> LexicalIndex:
            return LexicalIndex.load(ids, folder / name) if ids else LexicalIndex([], [])

        return cls(
            revision=revision,
            chunks=ChunkTable(ids, decode),
            lexical=index("bm25"),
            guidance=index("guidance"),
            kinds=tuple(meta["kinds"]),
            kind_codes=np.load(folder / "kind_codes.npy"),
            docs=tuple(meta["docs"]),
            doc_codes=np.load(folder / "doc_codes.npy"),
            vectors=vectors,
        )


def folder_name(revision: str) -> str:
    return "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in revision)


def open_snapshot(store: ChunkStore, revision: str | None) -> Snapshot:
    """The saved snapshot for ``revision``, or one built from the store and saved for next time.

    A folder that cannot be written only costs the next process a rebuild.
    """
    root = store.snapshot_root
    if revision is not None:
        saved = Snapshot.load(root / folder_name(revision), revision)
        if saved is not None:
            return saved
    snapshot = Snapshot.build(revision, *store.all_chunks_and_vectors())
    if revision is None:
        return snapshot
    target = root / folder_name(revision)
    try:
        # A folder for this revision that did not load (an older format, half deleted)
        # would block the rename that saves the new one: every process would rebuild.
        shutil.rmtree(target, ignore_errors=True)
        snapshot.save(target)
        for old in root.iterdir():  # older revisions are never read again
            if old != target and not old.name.startswith(".partial-"):
                shutil.rmtree(old, ignore_errors=True)
    except OSError:
        pass
    return snapshot
