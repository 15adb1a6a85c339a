"""Structure-aware chunking: headings make sections; paragraphs and dialogue turns pack into chunks.

Pure functions over a ``Document``. Every chunk's ``text`` is exactly
``document.body[start:end]``, so a citation can point at the passage. Chunk ids
hash the content, so an unchanged passage keeps its id across re-indexing.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field

from coach.corpus.cards import Card, Mark
from coach.corpus.documents import Document

MD_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
HEADING_SEPARATOR = " > "
IMAGE_ONLY = re.compile(r"^\s*(!?\[[^\]]*\]\([^)]*\)\s*)+$")
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”»)]*\s+")


@dataclass(frozen=True)
class Block:
    """A paragraph or heading with its span in the body."""

    start: int
    end: int
    heading_level: int = 0  # 0 = paragraph
    heading_text: str = ""


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage with enough metadata to cite it exactly."""

    chunk_id: str
    doc_id: str
    title: str
    kind: str
    origin: str
    heading: str
    text: str
    start: int
    end: int
    ordinal: int
    renderings: tuple[tuple[str, str], ...] = ()  # (original, English rendering)
    context: str = ""  # document-level words every chunk should match on (aliases)
    # Guidance cards whose anchor lies in this passage, and sentences never to quote.
    cards: tuple[Card, ...] = field(default=(), hash=False)
    marks: tuple[Mark, ...] = field(default=(), hash=False)

    def cards_json(self) -> str:
        """Cards and marks as stored beside the chunk (and hashed into its id)."""
        return cards_json(self.cards, self.marks)

    @property
    def lexical_text(self) -> str:
        """What BM25 indexes: context, the passage, and English renderings beside originals."""
        parts = [self.title, self.context, self.heading, self.text]
        parts += [en for _, en in self.renderings]
        return "\n".join(p for p in parts if p)

    @property
    def guidance_text(self) -> str:
        """What the guidance index holds: the passage's cards in every language they are
        written in. A Russian question finds an English passage through its card's Russian
        text; a question in other words than the essay's, through the card's own words."""
        return "\n".join(t for c in self.cards for t in (c.point.en, c.point.ru) if t)

    @property
    def embedding_text(self) -> str:
        """What is embedded: context and the passage with non-English quotes rendered in English.

        The embedding model reads English, so a Russian quotation is replaced by its
        rendering rather than left as noise beside it.
        """
        text = self.text
        for original, english in self.renderings:
            text = text.replace(original, english) if original in text else text + "\n" + english
        return "\n".join(p for p in (self.title, self.context, self.heading, text) if p)


def cards_json(cards: tuple[Card, ...], marks: tuple[Mark, ...]) -> str:
    """Stable JSON for a chunk's cards and marks; empty when it has none."""
    if not cards and not marks:
        return ""
    return json.dumps(
        {
            "cards": [c.model_dump(exclude_none=True) for c in cards],
            "marks": [m.model_dump() for m in marks],
        },
        ensure_ascii=False,
        sort_keys=True,
    )


def split_blocks(body: str, *, plain_text: bool) -> list[Block]:
    """Split a body into paragraph blocks on blank lines, recognising headings.

    Markdown headings use ``#``. In plain text a heading is a lone short line with no
    closing punctuation that follows two or more blank lines (or opens the file).
    """
    blocks: list[Block] = []
    for match in re.finditer(r"\S(?:.*?\S)?(?=[ \t]*\n[ \t]*\n|\s*\Z)", body, flags=re.S):
        start, end = match.start(), match.end()
        text = body[start:end]
        md = MD_HEADING.match(text) if "\n" not in text else None
        if md:
            blocks.append(Block(start, end, len(md.group(1)), md.group(2).strip()))
            continue
        if plain_text and _looks_like_plain_heading(body, start, text):
            blocks.append(Block(start, end, 2 if blocks else 1, text.strip()))
            continue
        blocks.append(Block(start, end))
    return blocks


def _looks_like_plain_heading(body: str, start: int, text: str) -> bool:
    if "\n" in text or len(text) > 90 or re.match(r"^\s*(\d+[.)]|[-*•])\s", text):
        return False
    if start == 0:
        return text[-1] not in ".,;:…\"'”»)"
    # Two or more blank lines before a lone short line mark a section in plain text.
    return bool(re.search(r"\n[ \t]*\n[ \t]*\n[ \t]*$", body[:start]))


def _split_long(body: str, block: Block, limit: int) -> list[Block]:
    """Split an over-long paragraph at sentence ends (or hard at ``limit``)."""
    pieces: list[Block] = []
    cursor = block.start
    while block.end - cursor > limit:
        window = body[cursor : cursor + limit]
        cut = None
        for m in SENTENCE_END.finditer(window):
            if m.start() > limit // 3:
                cut = m
        if cut is not None:
            piece_end, next_start = cursor + cut.start(), cursor + cut.end()
        else:
            space = window.rfind(" ", limit // 2)
            piece_end = cursor + (space if space > 0 else limit)
            next_start = piece_end
            while next_start < block.end and body[next_start].isspace():
                next_start += 1
        pieces.append(Block(cursor, piece_end))
        cursor = next_start
    pieces.append(Block(cursor, block.end))
    return [p for p in pieces if body[p.start : p.end].strip()]


def _chunk_id(*parts: object) -> str:
    """Hash of everything that shapes a chunk's stored text, metadata and embedding."""
    digest = hashlib.sha256("\x00".join(str(p) for p in parts).encode())
    return digest.hexdigest()[:24]


def chunk_document(
    document: Document, *, max_chars: int = 900, overlap_chars: int = 320
) -> list[Chunk]:
    """Cut a document into chunks that follow its headings and paragraphs.

    Paragraphs of one section pack together up to ``max_chars``. When a section
    continues into a new chunk, the previous chunk's last paragraph is repeated if it
    is short (``overlap_chars``): it keeps a dialogue's question with its answer.
    """
    body = document.body
    plain = document.path.suffix.lower() == ".txt" or not any(
        MD_HEADING.match(line) for line in body.splitlines()
    )
    headings: list[tuple[int, str]] = []
    sections: list[tuple[str, list[Block]]] = []
    for block in split_blocks(body, plain_text=plain):
        if block.heading_level:
            if block.heading_level == 1 and block.heading_text == document.title:
                continue  # the title line of a plain-text file is already the doc title
            while headings and headings[-1][0] >= block.heading_level:
                headings.pop()
            headings.append((block.heading_level, block.heading_text))
            sections.append((HEADING_SEPARATOR.join(h for _, h in headings), []))
            continue
        if IMAGE_ONLY.match(body[block.start : block.end]):
            continue  # an image or a lone link says nothing a question can match
        if not sections:
            sections.append(("", []))
        sections[-1][1].extend(_split_long(body, block, max_chars))

    sections = _merge_small_sections(body, sections, max_chars)
    context = ", ".join(document.meta.aliases)
    chunks: list[Chunk] = []
    seen: dict[str, int] = {}
    for heading, paragraphs in sections:
        for group in _pack(body, paragraphs, max_chars, overlap_chars):
            start, end = group[0].start, group[-1].end
            text = body[start:end]
            key = f"{heading}\x00{text}"
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            renderings = _renderings_within(document, start, end)
            cards = tuple(c for c in document.cards.cards if c.anchor in text)
            marks = tuple(m for m in document.cards.marks if _overlaps(body, m.text, start, end))
            chunks.append(
                Chunk(
                    chunk_id=_chunk_id(
                        document.doc_id,
                        heading,
                        text,
                        occurrence,
                        document.title,
                        document.kind,
                        document.origin,
                        context,
                        renderings,
                        start,
                        cards_json(cards, marks),
                    ),
                    doc_id=document.doc_id,
                    title=document.title,
                    kind=document.kind,
                    origin=document.origin,
                    heading=heading,
                    text=text,
                    start=start,
                    end=end,
                    ordinal=len(chunks),
                    renderings=renderings,
                    context=context,
                    cards=cards,
                    marks=marks,
                )
            )
    return chunks


def _merge_small_sections(
    body: str, sections: list[tuple[str, list[Block]]], max_chars: int
) -> list[tuple[str, list[Block]]]:
    """Join neighbouring short sections of the same parent into one chunk-sized section.

    Ladder-style documents have many two-line sections; alone, each makes a chunk too
    thin to retrieve well. Merged, the heading lists every section it covers.
    """
    merged: list[tuple[str, list[Block]]] = []
    for heading, paragraphs in sections:
        if not paragraphs:
            continue
        if merged:
            prev_heading, prev_paras = merged[-1]
            parent = prev_heading.rsplit(HEADING_SEPARATOR, 1)[0]
            same_parent = heading.rsplit(HEADING_SEPARATOR, 1)[0] == parent
            span = paragraphs[-1].end - prev_paras[0].start
            siblings = HEADING_SEPARATOR in heading and HEADING_SEPARATOR in prev_heading
            if same_parent and siblings and span <= max_chars:
                leaf = heading.rsplit(HEADING_SEPARATOR, 1)[-1]
                merged[-1] = (f"{prev_heading} · {leaf}", prev_paras + paragraphs)
                continue
        merged.append((heading, list(paragraphs)))
    return merged


def _pack(body: str, paragraphs: list[Block], max_chars: int, overlap: int) -> list[list[Block]]:
    groups: list[list[Block]] = []
    current: list[Block] = []
    for para in paragraphs:
        if current and para.end - current[0].start > max_chars:
            groups.append(current)
            tail = current[-1]
            carry = tail.end - tail.start <= overlap and para.end - tail.start <= max_chars
            current = [tail] if carry else []
        current.append(para)
    if current and (not groups or current[-1] is not groups[-1][-1]):
        groups.append(current)
    return groups


def _overlaps(body: str, needle: str, start: int, end: int) -> bool:
    """Whether any occurrence of ``needle`` in ``body`` overlaps ``[start, end)``."""
    pos = body.find(needle)
    while pos != -1:
        if pos < end and pos + len(needle) > start:
            return True
        pos = body.find(needle, pos + 1)
    return False


def _renderings_within(document: Document, start: int, end: int) -> tuple[tuple[str, str], ...]:
    found = []
    for rendering in document.renderings:
        pos = document.body.find(rendering.original)
        while pos != -1:
            if pos < end and pos + len(rendering.original) > start:
                found.append((rendering.original, rendering.english))
                break
            pos = document.body.find(rendering.original, pos + 1)
    return tuple(found)


def chunk_corpus(documents: list[Document], *, max_chars: int = 900) -> list[Chunk]:
    return [c for d in documents for c in chunk_document(d, max_chars=max_chars)]
