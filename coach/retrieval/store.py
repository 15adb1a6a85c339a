"""The persistent Chroma collection of chunks, synchronised incrementally.

Embeddings are computed by ``Embedder`` and handed to Chroma explicitly; the
collection has no embedding function, so Chroma's downloading default is never used.
The collection records which embedding model built it and refuses another one.
"""

from __future__ import annotations

import functools
import hashlib
import json
import shutil
import sqlite3
import uuid
from collections.abc import Callable, Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import numpy as np

from coach.corpus.cards import Card, Mark
from coach.corpus.chunking import Chunk
from coach.errors import StoreError, disk_full
from coach.retrieval.embeddings import Embedder

if TYPE_CHECKING:
    from coach.settings import Settings

COLLECTION = "coach_chunks"
SCHEMA_VERSION = 1
READ_PAGE = 5000  # rows per `get` when reading the whole collection
REBUILD_HINT = "run `coach index --rebuild` to recreate it (conversations are kept separately)"


def unreadable_index(path: Path, exc: BaseException, verb: str = "is unreadable") -> StoreError:
    """The index cannot be used: a full disk is not damage, so it never advises --rebuild
    (which deletes the index first)."""
    if disk_full(exc):
        return StoreError(
            f"The disk holding the index at {path} is full; free some space and run the "
            "command again. Nothing was deleted."
        )
    return StoreError(f"The index at {path} {verb} ({exc}); {REBUILD_HINT}.")


@dataclass(frozen=True)
class SyncReport:
    added: int
    unchanged: int
    removed: int


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    return {
        "doc_id": chunk.doc_id,
        "title": chunk.title,
        "kind": chunk.kind,
        "origin": chunk.origin,
        "heading": chunk.heading,
        "start": chunk.start,
        "end": chunk.end,
        "ordinal": chunk.ordinal,
        "renderings": json.dumps(chunk.renderings, ensure_ascii=False),
        "context": chunk.context,
        "cards": chunk.cards_json(),
    }


def chunk_from_record(chunk_id: str, text: str, meta: dict[str, Any]) -> Chunk:
    renderings = json.loads(str(meta.get("renderings") or "[]"))
    return Chunk(
        chunk_id=chunk_id,
        doc_id=str(meta["doc_id"]),
        title=str(meta["title"]),
        kind=str(meta["kind"]),
        origin=str(meta["origin"]),
        heading=str(meta.get("heading") or ""),
        text=text,
        start=int(meta["start"]),
        end=int(meta["end"]),
        ordinal=int(meta["ordinal"]),
        renderings=tuple((str(o), str(e)) for o, e in renderings),
        context=str(meta.get("context") or ""),
        **cards_from_json(str(meta.get("cards") or "")),
    )


def cards_from_json(text: str) -> dict[str, Any]:
    """The ``cards``/``marks`` fields of a chunk from their stored JSON."""
    if not text:
        return {}
    data = json.loads(text)
    return {
        "cards": tuple(Card.model_validate(c) for c in data.get("cards", [])),
        "marks": tuple(Mark.model_validate(m) for m in data.get("marks", [])),
    }


def open_client(path: Path) -> Any:
    """An embedded persistent Chroma client with telemetry off."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings
    from chromadb.errors import ChromaError

    try:
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(
            path=str(path),
            settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True),
        )
    except OSError as exc:
        if disk_full(exc):
            raise unreadable_index(path, exc) from None
        raise StoreError(
            f"The index folder {path} cannot be created or written ({exc.strerror or exc}); "
            "set COACH_DATA_DIR to a writable folder."
        ) from None
    except (ChromaError, ValueError, sqlite3.DatabaseError) as exc:
        raise unreadable_index(path, exc, "cannot be opened") from None


def unreachable(url: str, exc: BaseException) -> StoreError:
    reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return StoreError(
        f"Cannot reach the Chroma server at {url} ({reason}); start it "
        "(`chroma run --path DIR --host HOST --port PORT`) or unset COACH_CHROMA_URL "
        "to use the embedded store."
    )


def open_http_client(url: str, token: str | None = None) -> Any:
    """A client of a Chroma server, e.g. ``http://chroma.internal:8000``; checked at once."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreError(f"COACH_CHROMA_URL={url!r} is not an http(s)://host:port address.")
    headers = {"Authorization": f"Bearer {token}"} if token else None
    try:
        client = chromadb.HttpClient(
            host=parts.hostname,
            port=parts.port or (443 if parts.scheme == "https" else 8000),
            ssl=parts.scheme == "https",
            headers=headers,
            settings=ChromaSettings(anonymized_telemetry=False),
        )
        client.heartbeat()
    except Exception as exc:
        raise unreachable(url, exc) from None
    return client


def _remote_errors_are_clear(method: Callable[..., Any]) -> Callable[..., Any]:
    """Turn Chroma's failures mid-operation into one readable ``StoreError``: a server
    that stopped answering, or an embedded index whose files are damaged (Chroma's own
    error types only; a bug in this code still raises as itself)."""

    @functools.wraps(method)
    def wrapper(self: ChunkStore, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except StoreError:
            raise
        except Exception as exc:
            if self.url is not None:
                raise unreachable(self.url, exc) from None
            from chromadb.errors import ChromaError  # imported only when something failed

            if isinstance(exc, ChromaError):
                raise unreadable_index(self.path, exc) from None
            raise

    return wrapper


class ChunkStore:
    """Chunks and their embeddings in one Chroma collection, embedded or on a Chroma server."""

    def __init__(
        self,
        path: Path,
        embedder: Embedder,
        *,
        client: Any = None,
        url: str | None = None,
        token: str | None = None,
        collection: str = COLLECTION,
    ) -> None:
        self.path = path
        self.embedder = embedder
        self.url = url
        self.name = collection
        self._token = token
        self._client = client
        self._collection: Any = None
        self.complete = True  # read from the collection with each revision check

    @classmethod
    def from_settings(cls, settings: Settings, embedder: Embedder) -> ChunkStore:
        token = settings.chroma.token.get_secret_value() if settings.chroma.token else None
        return cls(
            settings.chroma_dir,
            embedder,
            url=settings.chroma.url,
            token=token,
            collection=settings.chroma.collection,
        )

    @property
    def location(self) -> str:
        """Where the index lives, for messages."""
        return f"the Chroma server at {self.url}" if self.url else str(self.path)

    @property
    def snapshot_root(self) -> Path:
        """Where the saved lexical snapshots of this collection live, beside the store."""
        name = self.name
        if self.url:  # two servers may hold collections of the same name
            name += "-" + hashlib.sha256(self.url.encode()).hexdigest()[:12]
        return self.path.parent / "lexical" / name

    @property
    def client(self) -> Any:
        """Opened on first use, so commands that never touch the index never fail on it."""
        if self._client is None:
            if self.url:
                self._client = open_http_client(self.url, self._token)
            else:
                self._client = open_client(self.path)
        return self._client

    # -- collection lifecycle -------------------------------------------------------------

    @_remote_errors_are_clear
    def _existing(self) -> Any | None:
        client = self.client
        from chromadb.errors import ChromaError, NotFoundError  # chromadb is loaded by now

        try:
            return client.get_collection(self.name, embedding_function=None)
        except NotFoundError:
            return None
        except ChromaError as exc:
            if self.url:
                raise
            raise unreadable_index(self.path, exc) from None

    def built_with(self) -> str | None:
        existing = self._existing()
        return (existing.metadata or {}).get("embedding_model") if existing else None

    def revision(self) -> str | None:
        """Changes whenever any process changes the collection, so readers can tell."""
        existing = self._existing()
        if existing is None:
            self._collection = None
            return None
        if self._collection is not None and self._collection.id != existing.id:
            self._collection = None  # rebuilt elsewhere: the cached handle points at nothing
        meta = existing.metadata or {}
        # An indexing run marks the index incomplete until it finishes; a run killed
        # midway (say during --rebuild) leaves the mark, and readers can say so.
        self.complete = bool(meta.get("complete", True))
        return f"{existing.id}:{meta.get('revision', '')}"

    @_remote_errors_are_clear
    def collection(self, *, create: bool = False) -> Any:
        """The collection, checked against the configured embedding model."""
        if self._collection is not None:
            return self._collection
        existing = self._existing()
        if existing is None:
            if not create:
                raise StoreError(f"No index found at {self.location}; run `coach index` first.")
            existing = self.client.get_or_create_collection(
                self.name,
                embedding_function=None,
                configuration={"hnsw": {"space": "cosine"}},
                metadata={**self._metadata(), "complete": False},
            )
        model = (existing.metadata or {}).get("embedding_model")
        if model != self.embedder.model_name:
            raise StoreError(
                f"The index was built with embedding model {model!r} but settings ask for "
                f"{self.embedder.model_name!r}; run `coach index --rebuild`."
            )
        self._collection = existing
        return existing

    def _metadata(self, revision: str = "") -> dict[str, Any]:
        return {
            "embedding_model": self.embedder.model_name,
            "schema_version": SCHEMA_VERSION,
            "revision": revision or uuid.uuid4().hex,
        }

    @_remote_errors_are_clear
    def drop(self) -> None:
        """Delete the collection so the next sync rebuilds from scratch."""
        self._collection = None
        if self._existing() is not None:
            self.client.delete_collection(self.name)

    # -- reading ----------------------------------------------------------------------------

    def _pages(self, include: list[str], ids: list[str] | None = None) -> Iterator[Any]:
        """The whole collection, or just ``ids``, ``READ_PAGE`` rows at a time.

        One unbounded ``get`` fails on large collections ("too many SQL variables" at
        50k chunks).
        """
        collection = self.collection()
        if ids is not None:
            for i in range(0, len(ids), READ_PAGE):
                yield collection.get(ids=ids[i : i + READ_PAGE], include=include)
            return
        offset = 0
        while True:
            page = collection.get(include=include, limit=READ_PAGE, offset=offset)
            yield page
            if len(page["ids"]) < READ_PAGE:
                return
            offset += READ_PAGE

    def _get_all(self, include: list[str], ids: list[str] | None = None) -> dict[str, list[Any]]:
        got: dict[str, list[Any]] = {"ids": [], **{field: [] for field in include}}
        for page in self._pages(include, ids):
            for field in got:
                got[field].extend(page[field])
        return got

    @_remote_errors_are_clear
    def ids_by_doc(self, ids: list[str] | None = None) -> dict[str, str]:
        """Map chunk id to doc id for everything stored, or for just ``ids``."""
        got = self._get_all(["metadatas"], ids)
        return {cid: str(m["doc_id"]) for cid, m in zip(got["ids"], got["metadatas"], strict=True)}

    def _ids(self) -> set[str]:
        """Every stored chunk id; ten times cheaper to read than ids with metadata."""
        return set(self._get_all([])["ids"])

    def _records(self, include: list[str]) -> list[tuple[Any, ...]]:
        """Every stored row as (id, document, metadata, *the rest of ``include``), in
        document order."""
        fields = ["documents", "metadatas", *include]
        got = self._get_all(fields)
        rows = zip(got["ids"], *(got[field] for field in fields), strict=True)
        return sorted(rows, key=lambda r: (str(r[2]["doc_id"]), int(r[2]["ordinal"])))

    @_remote_errors_are_clear
    def all_chunks(self) -> list[Chunk]:
        return [chunk_from_record(cid, text, meta) for cid, text, meta in self._records([])]

    @_remote_errors_are_clear
    def all_chunks_and_vectors(self) -> tuple[list[Chunk], np.ndarray]:
        """Every chunk in ``all_chunks`` order, with its stored embedding as a float32 row."""
        records = self._records(["embeddings"])
        chunks = [chunk_from_record(cid, text, meta) for cid, text, meta, _ in records]
        if not records:  # an empty collection (an indexing run stopped before its first batch)
            return chunks, np.zeros((0, 0), dtype=np.float32)
        return chunks, np.asarray([r[3] for r in records], dtype=np.float32)

    @_remote_errors_are_clear
    def count(self) -> int:
        return int(self.collection().count())

    @_remote_errors_are_clear
    def dense_query(
        self, embedding: list[float], n: int, where: dict[str, Any] | None = None
    ) -> list[tuple[str, float]]:
        """Chunk ids with cosine similarity, best first.

        No ``count()`` first: Chroma returns fewer than ``n`` (or none) by itself, and the
        extra round trip was a third of a warm dense query (0.9 of 2.3 ms).
        """
        got = self.collection().query(
            query_embeddings=[embedding],
            n_results=n,
            where=where or None,
            include=["distances"],
        )
        return [
            (cid, 1.0 - float(d)) for cid, d in zip(got["ids"][0], got["distances"][0], strict=True)
        ]

    # -- writing ----------------------------------------------------------------------------

    @_remote_errors_are_clear
    def sync(
        self,
        chunks: Iterable[Chunk],
        *,
        keep_docs: AbstractSet[str] = frozenset(),
        batch_size: int = 256,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> SyncReport:
        """Make the collection hold exactly ``chunks``; only new chunks are embedded.

        ``keep_docs`` names documents whose stored chunks stay even though they are
        absent from ``chunks`` (a file that failed to load keeps its last good version).
        Any change gets a new revision, which tells other processes to reload.
        """
        collection = self.collection(create=True)
        wanted = {c.chunk_id: c for c in chunks}
        stored = self._ids()
        leaving = self.ids_by_doc([cid for cid in stored if cid not in wanted])
        stale = [cid for cid, doc in leaving.items() if doc not in keep_docs]
        new = [c for cid, c in wanted.items() if cid not in stored]
        if new or stale:  # same revision: readers keep their snapshot until the run ends
            collection.modify(metadata={**(collection.metadata or {}), "complete": False})
        done = 0
        for i in range(0, len(new), batch_size):
            batch = new[i : i + batch_size]
            collection.upsert(  # upsert: another process may be adding the same chunks
                ids=[c.chunk_id for c in batch],
                documents=[c.text for c in batch],
                metadatas=[chunk_metadata(c) for c in batch],
                embeddings=self.embedder.encode([c.embedding_text for c in batch]),
            )
            done += len(batch)
            if on_progress:
                on_progress(done, len(new))
        for i in range(0, len(stale), 5000):
            collection.delete(ids=stale[i : i + 5000])
        if new or stale or (collection.metadata or {}).get("complete") is False:
            collection.modify(metadata={**self._metadata(), "complete": True})
        return SyncReport(added=len(new), unchanged=len(wanted) - len(new), removed=len(stale))


def remove_index_dir(path: Path) -> None:
    """Delete an index folder wholesale: the recovery for a corrupt store."""
    from chromadb.api.client import SharedSystemClient

    SharedSystemClient.clear_system_cache()  # no cached client may keep the deleted files open
    if path.exists():
        shutil.rmtree(path)
