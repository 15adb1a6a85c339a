"""Negative checks: what a reader notices even when the right words are present.

Every check applies by default wherever its facts exist, and each failure carries a
one-line reason a person can read:

- ``marked_quote``: the answer reproduces a sentence the corpus marks as complaint, story,
  intro or narrative (the English rendering of a marked Russian sentence counts too).
  Documents without a cards file have no marks: verbatim quotes from them are listed as
  unjudged notes, never failed, because nothing says whether they are advice.
- ``ladder_fit``: a cited ladder document, or a quoted card, is for a level or track that
  fits neither the person's level, their target, the next level up, nor a level they asked
  about.
- ``known_question``: the answer asks for a profile field the person already gave.
- ``repeat``: a corpus quote or a card already used earlier in the conversation.
- ``promise``: the answer promises or guarantees a promotion.
- ``language``: the answer is not in the question's language.

Pure apart from ``CorpusFacts.load``, which reads the corpus once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from coach.corpus.cards import load_cards
from coach.corpus.documents import load_corpus

LEVELS = ("entry", "engineer", "senior", "staff", "principal")
MIN_QUOTE_WORDS = 5
QUOTED = re.compile(r"“([^”]{8,})”|«([^»]{8,})»|\"([^\"\n]{8,})\"|^>\s?(.+)$", re.M)
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
CITATION = re.compile(r"\[\d+(?:\s*[,;]\s*\d+)*\]")


def normalise(text: str) -> str:
    """Lower case, citations and punctuation gone, one space between words."""
    text = CITATION.sub(" ", text.lower()).replace("ё", "е")
    return " ".join(re.findall(r"[\w]+", text))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s.strip()]


def words(text: str) -> int:
    return len(normalise(text).split())


def _level_key(text: str) -> str:
    lowered = re.sub(r"\b(iii|ii|i)\b", lambda m: str(len(m.group(1))), text.lower())
    return re.sub(r"[^a-zа-я0-9]", "", lowered)


LEVEL_WORDS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"principal|distinguished|fellow|senior staff", re.I), "principal"),
    (re.compile(r"staff", re.I), "staff"),
    (re.compile(r"senior|сеньор|синьор|старш", re.I), "senior"),
    (re.compile(r"entry|junior|new[- ]grad|graduate|intern|джун|младш", re.I), "entry"),
    (re.compile(r"mid[- ]?level|middle|мидл", re.I), "engineer"),
]
MANAGEMENT_WORDS = re.compile(r"manag|руковод|менеджер|тимлид", re.I)
#: Management as a path the person weighs, not "my manager said…" (said on any turn).
MANAGEMENT_PATH = re.compile(
    r"\bmanagement\b|\b(?:becom\w*|be|switch\w* to|mov\w* into|go\w* into|offered me) (?:an? |"
    r"the )?(?:engineering )?manager\b|\bEM role\b|менеджмент|(?:стать|пойти в|уйти в) "
    r"(?:руководител|менеджер|тимлид)\w*",
    re.I,
)


@dataclass(frozen=True)
class Marked:
    text: str  # as written (or as rendered in English)
    norm: str
    kind: str
    doc_id: str


@dataclass(frozen=True)
class CardUse:
    doc_id: str
    card_id: str
    levels: tuple[str, ...]
    tracks: tuple[str, ...]
    needles: tuple[str, ...]  # normalised anchor and point sentences


@dataclass
class CorpusFacts:
    """What the negative checks need to know about the corpus, read once per run."""

    marks: list[Marked] = field(default_factory=list)
    short_marks: list[Marked] = field(default_factory=list)
    unmarked_sentences: dict[str, str] = field(default_factory=dict)  # norm -> doc id
    uncarded: set[str] = field(default_factory=set)
    ladder_levels: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # level key -> generic level
    cards: list[CardUse] = field(default_factory=list)
    corpus_sentences: dict[str, str] = field(default_factory=dict)  # norm -> doc id

    @classmethod
    def load(cls, corpus_dir: Path, ladder_dirs: Iterable[Path] = ()) -> CorpusFacts:
        facts = cls()
        loaded = load_corpus(corpus_dir, ladder_dirs)
        for doc in loaded.documents:
            meta = doc.meta
            if doc.kind == "ladder":
                facts.ladder_levels[doc.doc_id] = (meta.level, meta.track)
                if meta.level in LEVELS:
                    for alias in [*meta.aliases, meta.level]:
                        facts.aliases[_level_key(alias)] = meta.level
            texts = sentences(doc.body) + [s for r in doc.renderings for s in sentences(r.english)]
            for s in texts:
                if words(s) >= MIN_QUOTE_WORDS:
                    facts.corpus_sentences.setdefault(normalise(s), doc.doc_id)
            try:
                card_file = load_cards(doc.path, doc.body, doc_id=doc.doc_id)
            except Exception:  # a broken cards file is the corpus tests' business
                card_file = None
            if card_file is None or not (card_file.cards or card_file.marks):
                facts.uncarded.add(doc.doc_id)
                for s in texts:
                    if words(s) >= MIN_QUOTE_WORDS:
                        facts.unmarked_sentences[normalise(s)] = doc.doc_id
                continue
            for mark in card_file.marks:
                facts._add_mark(mark.text, mark.kind, doc.doc_id)
                for rendering in doc.renderings:
                    for english in _rendered(mark.text, rendering.original, rendering.english):
                        facts._add_mark(english, mark.kind, doc.doc_id)
            for card in card_file.cards:
                needles = [normalise(card.anchor)] if words(card.anchor) >= MIN_QUOTE_WORDS else []
                for text in (card.point.en, card.point.ru or ""):
                    needles += [normalise(s) for s in sentences(text) if words(s) >= 6]
                facts.cards.append(
                    CardUse(
                        doc.doc_id,
                        card.id,
                        tuple(card.levels),
                        tuple(card.tracks),
                        tuple(n for n in needles if n),
                    )
                )
        return facts

    def _add_mark(self, text: str, kind: str, doc_id: str) -> None:
        parts = [text] + (sentences(text) if len(sentences(text)) > 1 else [])
        for part in parts:
            marked = Marked(part, normalise(part), kind, doc_id)
            if words(part) >= 3:
                self.marks.append(marked)
            elif marked.norm:
                self.short_marks.append(marked)  # judged only when quoted whole

    def level_of(self, text: str | None) -> str | None:
        """The generic ladder level a profile value or a phrase names, if any."""
        if not text:
            return None
        key = _level_key(text)
        if MANAGEMENT_WORDS.search(text):
            return "manager"
        if key in self.aliases:
            return self.aliases[key]
        for pattern, level in LEVEL_WORDS:
            if pattern.search(text):
                return level
        for alias, level in self.aliases.items():
            if len(alias) >= 4 and alias in key:
                return level
        if re.search(r"\bengineer\b|инженер|разработчик", text, re.I):
            return "engineer"
        return None

    def levels_named(self, text: str) -> set[str]:
        """Levels a message names (``SDE-2``, ``staff``, ``new grad`` ...)."""
        found = set()
        for token in re.findall(r"[\w-]+(?:\s[\w-]+)?", text):
            key = _level_key(token)
            if key in self.aliases:
                found.add(self.aliases[key])
        for pattern, level in LEVEL_WORDS:
            if pattern.search(text):
                found.add(level)
        return found


def _rendered(mark: str, original: str, english: str) -> list[str]:
    """The English sentences that render the marked part of a Russian original."""
    m, o = normalise(mark), normalise(original)
    if not m or not o:
        return []
    if o in m:
        return [english]
    if m not in o:
        return []
    ru, en = sentences(original), sentences(english)
    if len(ru) != len(en):
        return [english] if len(m) > 0.6 * len(o) else []
    return [e for r, e in zip(ru, en, strict=True) if normalise(r) in m]


# ---- the context one answer is judged in ------------------------------------------------


@dataclass
class AnswerContext:
    answer: str
    question: str
    user_texts: list[str]  # every user message so far, this one included
    lang: str  # the language the answer must be in
    known: dict[str, str]  # profile fields the person has given
    profile_track: str | None
    cited_docs: list[str]
    earlier_answers: list[str]
    skip: set[str] = field(default_factory=set)


@dataclass
class Verdict:
    ok: bool
    reason: str = ""
    notes: list[str] = field(default_factory=list)


def _echoed(norm: str, ctx: AnswerContext) -> bool:
    """The person's own words said back: reflection, not quoting the corpus."""
    return any(contains(normalise(t), norm) for t in ctx.user_texts)


def _quoted_spans(answer: str) -> list[str]:
    return [next(g for g in m.groups() if g) for m in QUOTED.finditer(answer)]


def contains(haystack: str, needle: str) -> bool:
    """Whole-word containment of one normalised text in another."""
    return bool(needle) and f" {needle} " in f" {haystack} "


def marked_quotes(facts: CorpusFacts, ctx: AnswerContext) -> list[Marked]:
    norm_answer = normalise(ctx.answer)
    found: dict[str, Marked] = {}
    for mark in facts.marks:
        size = len(mark.norm.split())
        if size < 3 or not contains(norm_answer, mark.norm) or _echoed(mark.norm, ctx):
            continue
        if size >= MIN_QUOTE_WORDS or _in_quotes(mark.norm, ctx.answer):
            found.setdefault(mark.norm, mark)
    for span in _quoted_spans(ctx.answer):
        norm = normalise(span)
        if not norm or _echoed(norm, ctx):
            continue
        for mark in facts.marks + facts.short_marks:
            # a short quoted span must be the whole mark ("Eloise shrugged."); a longer one
            # may be any part of it
            if norm == mark.norm or (len(norm.split()) >= 4 and contains(mark.norm, norm)):
                found.setdefault(mark.norm, mark)
    kept = [
        m for m in found.values() if not any(o != m.norm and contains(m.norm, o) for o in found)
    ]
    return kept


def _in_quotes(norm: str, answer: str) -> bool:
    return any(contains(normalise(span), norm) for span in _quoted_spans(answer))


def check_marked_quote(facts: CorpusFacts, ctx: AnswerContext) -> Verdict:
    hits = marked_quotes(facts, ctx)
    norm_answer = normalise(ctx.answer)
    notes = [
        f"unjudged quote from {doc} (no cards file): {norm[:80]!r}"
        for norm, doc in facts.unmarked_sentences.items()
        if contains(norm_answer, norm) and not _echoed(norm, ctx)
    ]
    if not hits:
        return Verdict(True, notes=notes)
    shown = "; ".join(f"{m.kind} from {m.doc_id}: {m.text[:90]!r}" for m in hits[:3])
    return Verdict(False, f"quotes a sentence marked as not advice ({shown})", notes)


def _ladder_allowed(facts: CorpusFacts, ctx: AnswerContext) -> tuple[set[str], bool] | None:
    current = facts.level_of(ctx.known.get("current_level"))
    target = facts.level_of(ctx.known.get("target_level"))
    if current is None and target is None:
        return None
    allowed = {lvl for lvl in (current, target) if lvl}
    if current and not target and current in LEVELS[:-1]:
        allowed.add(LEVELS[LEVELS.index(current) + 1])
    allowed |= facts.levels_named(ctx.question)
    track = (ctx.known.get("track") or ctx.profile_track or "").lower()
    # A manager fits management guidance whichever track they now weigh ("back to IC?"), and
    # so does someone weighing management, on the turns after they said so ("everyone assumes
    # management is my next step" … "I'd miss coding a lot").
    management_ok = (
        track in ("management", "undecided")
        or "manager" in allowed
        or bool(MANAGEMENT_WORDS.search(ctx.question))
        or any(MANAGEMENT_PATH.search(text) for text in ctx.user_texts)
    )
    return allowed, management_ok


def _profile_words(ctx: AnswerContext) -> str:
    parts = [f"{k.replace('_', ' ')} {v}" for k, v in ctx.known.items() if "level" in k]
    return ", ".join(parts)


def check_ladder_fit(facts: CorpusFacts, ctx: AnswerContext) -> Verdict | None:
    fit = _ladder_allowed(facts, ctx)
    if fit is None:
        return None  # nothing known about the person's level: nothing to fit
    allowed, management_ok = fit
    misfits: list[str] = []
    for doc in dict.fromkeys(ctx.cited_docs):
        level, track = facts.ladder_levels.get(doc, (None, None))
        if level is None:
            continue
        if level == "manager" or track == "management":
            if not management_ok:
                misfits.append(f"{doc} (management track)")
            continue
        if level == "staff-plus":
            if not allowed & {"staff", "principal"}:
                misfits.append(f"{doc} (staff-plus)")
            continue
        if level in LEVELS and level not in allowed:
            misfits.append(f"{doc} ({level})")
    norm_answer = normalise(ctx.answer)
    for card in facts.cards:
        if not any(contains(norm_answer, n) for n in card.needles):
            continue
        levels = set(card.levels) - {"any"}
        if "manager" in levels or card.tracks == ("management",):
            if not management_ok:
                misfits.append(f"card {card.card_id} (for managers)")
            continue
        if levels and not levels & allowed:
            misfits.append(f"card {card.card_id} ({'/'.join(sorted(levels))})")
    if not misfits:
        return Verdict(True)
    return Verdict(
        False,
        f"cites guidance for another level or track: {', '.join(misfits[:4])}; "
        f"the person is {_profile_words(ctx)} (fits: {', '.join(sorted(allowed))})",
    )


FIELD_QUESTIONS: dict[str, re.Pattern[str]] = {
    "current_level": re.compile(
        r"what(?:'s| is) your (?:current )?(?:level|role|title)"
        r"|what level are you (?:at|now|currently)"
        r"|where are you on the ladder|какой у вас (?:сейчас )?уровень|на каком (?:вы )?уровне",
        re.I,
    ),
    "target_level": re.compile(
        r"what level are you (?:aiming|hoping|going|working|trying)|which level (?:are|do) you"
        r"|what(?:'s| is) (?:your|the) target level|what level do you want|на какой уровень",
        re.I,
    ),
    "team": re.compile(
        r"what does your team (?:do|work on|own|build)|tell me about your team|what kind of team"
        r"|чем занимается ваша команда",
        re.I,
    ),
    "manager_alignment": re.compile(
        r"(?:have|did) you (?:talked?|spoken|raised|discussed|told)[^?]{0,40}manager"
        r"|does your manager know|what does your manager (?:think|say)"
        r"|говорили ли вы с (?:вашим )?руководител|знает ли (?:ваш )?руководитель",
        re.I,
    ),
    "motivations": re.compile(
        r"what draws you|why do you want|what(?:'s| is) (?:driving|motivating) you"
        r"|что вас (?:привлекает|мотивирует)|зачем вам",
        re.I,
    ),
}


def questions_in(answer: str) -> list[str]:
    """The coach's own questions: sentences ending in '?' outside quotations."""
    bare = QUOTED.sub("", answer)
    return [s for s in sentences(bare) if s.rstrip().endswith("?")]


def check_known_question(ctx: AnswerContext) -> Verdict | None:
    if not ctx.known:
        return None
    asked = []
    for question in questions_in(ctx.answer):
        for name, pattern in FIELD_QUESTIONS.items():
            if name in ctx.known and pattern.search(question):
                asked.append(f"{name} ({ctx.known[name]!r} already given): {question[:90]!r}")
    if not asked:
        return Verdict(True)
    return Verdict(False, "asks for what the person already said: " + "; ".join(asked))


def used_items(facts: CorpusFacts, answer: str, ctx: AnswerContext | None = None) -> set[str]:
    """Corpus quotes and cards an answer uses, as comparable keys."""
    norm = normalise(answer)
    items = {f"card {c.card_id}" for c in facts.cards if any(contains(norm, n) for n in c.needles)}
    for sentence, _doc in facts.corpus_sentences.items():
        if contains(norm, sentence) and not (ctx and _echoed(sentence, ctx)):
            items.add(f"quote {sentence[:70]!r}")
    return items


def check_repeat(facts: CorpusFacts, ctx: AnswerContext) -> Verdict | None:
    if not ctx.earlier_answers:
        return None
    now = used_items(facts, ctx.answer, ctx)
    before: set[str] = set()
    for earlier in ctx.earlier_answers:
        before |= used_items(facts, earlier)
    again = sorted(now & before)
    if not again:
        return Verdict(True)
    return Verdict(False, "repeats what an earlier answer already used: " + "; ".join(again[:3]))


PROMISES = re.compile(
    r"\b(?:you(?:'ll| will) (?:definitely |certainly |surely )?(?:get|be) promoted"
    r"|you(?:'ll| will) (?:definitely |certainly )?(?:make|reach|get) (?:it to )?"
    r"(?:senior|staff|principal|the (?:next )?level|the promotion|the title)"
    r"|(?:i|we) (?:guarantee|promise)|guaranteed? (?:a |the |your )?promotion"
    r"|promotion is guaranteed"
    r"|will definitely (?:get|be)|you are certain to)\b"
    r"|(?:вас )?(?:точно|обязательно) повыс|гарантирую|обещаю",
    re.I,
)
NEGATION = re.compile(
    r"(?:\bnot?\b|n't|\bcannot\b|\bnever\b|\bnobody\b|\bno one\b|\bwithout\b"
    r"|\bне\b|\bникто\b|\bнельзя\b)[^.?!]{0,30}$",
    re.I,
)


def check_promise(ctx: AnswerContext) -> Verdict:
    bare = QUOTED.sub("", ctx.answer)
    for match in PROMISES.finditer(bare):
        before = bare[max(0, match.start() - 40) : match.start()]
        sentence = next((s for s in sentences(bare) if match.group(0) in s), match.group(0))
        if NEGATION.search(before) or sentence.rstrip().endswith("?"):
            continue  # "no one can promise ...", or the person's question asked back
        return Verdict(False, f"promises a promotion: {sentence[:120]!r}")
    return Verdict(True)


LATIN_OK = {
    "sde",
    "swe",
    "ic",
    "staff",
    "senior",
    "principal",
    "junior",
    "middle",
    "tech",
    "lead",
    "hr",
    "pareto",
    "amazon",
    "google",
    "meta",
    "microsoft",
    "netflix",
    "one",
    "on",
    "l3",
    "l4",
    "l5",
    "l6",
    "l7",
    "cto",
    "vp",
    "sre",
    "api",
    "ok",
    "okr",
    "kpi",
    "manager",
    "engineer",
    "right",
    "hand",
    "solver",
    "architect",
    "promo",
    "packet",
    "ii",
    "iii",
}


def language_of(text: str) -> str:
    letters = re.findall(r"[A-Za-zА-Яа-яЁё]", text)
    if not letters:
        return "en"
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return "ru" if cyrillic / len(letters) >= 0.3 else "en"


def check_language(ctx: AnswerContext) -> Verdict:
    bare = CITATION.sub(" ", QUOTED.sub(" ", ctx.answer))
    letters = re.findall(r"[A-Za-zА-Яа-яЁё]", bare)
    if not letters:
        return Verdict(True)
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff") / len(letters)
    if ctx.lang == "ru":
        latin_words = [
            w
            for w in re.findall(r"[A-Za-z][A-Za-z'-]+", bare)
            if w.lower().strip("'-") not in LATIN_OK and len(w) > 2
        ]
        if cyrillic < 0.7 or len(latin_words) > 3:
            sample = ", ".join(dict.fromkeys(latin_words[:6]))
            return Verdict(
                False,
                f"question in Russian, answer {cyrillic:.0%} Cyrillic outside quotes"
                + (f"; English words: {sample}" if sample else ""),
            )
        return Verdict(True)
    if cyrillic > 0.2:
        return Verdict(False, f"question in English, answer {cyrillic:.0%} Cyrillic outside quotes")
    return Verdict(True)


def negative_checks(facts: CorpusFacts, ctx: AnswerContext) -> dict[str, Verdict]:
    """Every negative check that applies here, by name."""
    verdicts: dict[str, Verdict | None] = {
        "marked_quote": check_marked_quote(facts, ctx),
        "ladder_fit": check_ladder_fit(facts, ctx),
        "known_question": check_known_question(ctx),
        "repeat": check_repeat(facts, ctx),
        "promise": check_promise(ctx),
        "language": check_language(ctx) if ctx.answer.strip() else None,
    }
    return {name: v for name, v in verdicts.items() if v is not None and name not in ctx.skip}
