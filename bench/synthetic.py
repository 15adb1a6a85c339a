"""Synthetic corpora of a chosen size, made from the shipped corpus's own sentences.

Each document has ten sections whose paragraphs are just under the chunk size, so a
corpus of ``n`` sections chunks into ``n`` chunks with the real chunker and chunks of
realistic length for the embedding model.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

from coach.corpus.documents import load_corpus

SECTIONS_PER_DOC = 10
SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
MARKUP = re.compile(r"^[#>*\-\s]+|!\[[^\]]*\]\([^)]*\)")


def corpus_sentences(corpus_dir: Path) -> list[str]:
    """Plain sentences of a readable length from every corpus document."""
    found = []
    for document in load_corpus(corpus_dir).documents:
        for paragraph in document.body.split("\n\n"):
            text = MARKUP.sub("", " ".join(paragraph.split()))
            found += [s for s in SENTENCE_END.split(text) if 30 <= len(s) <= 300]
    return found


def paragraph(rng: random.Random, sentences: list[str], low: int, high: int) -> str:
    """Random sentences joined until the text is between ``low`` and ``high`` characters."""
    text = ""
    while len(text) < low:
        candidate = rng.choice(sentences)
        if len(text) + len(candidate) + 1 <= high:
            text = f"{text} {candidate}".strip()
    return text


def write_corpus(corpus_dir: Path, target: Path, chunks: int, *, chunk_chars: int = 900) -> int:
    """Write documents holding ``chunks`` sections under ``target``; returns the file count."""
    rng = random.Random(chunks)
    sentences = corpus_sentences(corpus_dir)
    target.mkdir(parents=True, exist_ok=True)
    files = 0
    for start in range(0, chunks, SECTIONS_PER_DOC):
        sections = range(start, min(start + SECTIONS_PER_DOC, chunks))
        body = "\n\n".join(
            f"## Topic {s}\n\n{paragraph(rng, sentences, chunk_chars * 2 // 3, chunk_chars - 60)}"
            for s in sections
        )
        front = f"---\ntitle: Synthetic guide {files}\nkind: guide\n---\n"
        (target / f"guide-{files:05d}.md").write_text(front + body + "\n", encoding="utf-8")
        files += 1
    return files
