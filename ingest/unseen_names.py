"""Names the statistical NER leaves untagged but the sentence treats as a company.

"SK Square holds a 20% stake in X", "Angstrem shipped the lasers",
"Sophgo's chips": en_core_web_sm tags no entity on some short or unusual
names.  A run of capitalised proper nouns that is the subject of a company
verb (or holds shares) or owns a company thing ("X's fabs") is a company's
name here; ingest/entities.py then finds its other mentions by their surface.
Common capitalised words (a sentence's first word, titles, weekdays) never
qualify: the run must be tagged a proper noun and contain no stop word.
"""

from __future__ import annotations

from typing import Any

from chipgraph.graph.model import EntityType

from .datelines import after_dateline, in_dateline
from .facts import GROUP_NOUNS
from .orgs import _lex, acts_as_company, called_a_company, is_known_place, is_owned_thing, is_trade_counterpart

__all__ = ["untagged_companies"]

Span = tuple[int, int, EntityType, "str | None"]


def _common_noun_called_company(tok: Any, stop: frozenset[str]) -> bool:
    """"Tiance, a subsidiary of X, makes ...": an unknown one-word name the
    tagger read as a common noun, which its apposition calls a company."""
    return tok.tag_ == "NN" and tok.text[:1].isupper() and tok.text.isalpha() and tok.ent_type_ == "" \
        and tok.lower_ not in stop and tok.lower_ not in GROUP_NOUNS and len(tok.text) > 2 and called_a_company(tok) \
        and not any(t.text == tok.lower_ for t in tok.doc)


def _name_word(tok: Any, stop: frozenset[str]) -> bool:
    text = tok.text
    # the NER stretches a dateline's date over the name after the dash ("April 8 - SK Square"): DATE on a word that is no date word
    return (tok.pos_ == "PROPN" or _common_noun_called_company(tok, stop)) and tok.ent_type_ in ("", "DATE") \
        and (text[:1].isupper()) and text.isalpha() and tok.lower_ not in stop and len(text) > 1


def _continues_tagged_name(tok: Any) -> bool:
    """"China Reform": the word ends a longer name whose first part the NER
    tagged (a place), which the recogniser reads whole."""
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is not None and before.dep_ == "compound" and before.head.i == tok.i and before.ent_type_ not in ("", "DATE")


def _trade_party_after_to_or_from(tok: Any) -> bool:
    """"outsources assembly to Fabrinet", "buys lasers from Ulvac": the other
    side of a trade, named after "to" or "from" (not after "of", where the
    NER may have cut a tagged name short: "... Group Corporation")."""
    return tok.dep_ == "pobj" and tok.head.lower_ in ("to", "from") and is_trade_counterpart(tok) \
        and not is_known_place(tok.text) and not _continues_tagged_name(tok)


def untagged_companies(doc: Any, spans: list[Span]) -> list[Span]:
    """Spans of untagged proper-noun runs that act as companies (English)."""
    taken = {i for s, e, _, _ in spans for i in range(s, e)}
    stop = _lex("stop_words", "en")
    lower_words: set[str] | None = None
    out: list[Span] = []
    for tok in doc:
        if tok.pos_ != "PROPN" and not _common_noun_called_company(tok, stop):
            continue
        acting = tok  # the token whose role shows a company: the name itself, or the dateline city it hangs on
        if tok.dep_ == "appos" and tok.head.dep_ == "nsubj" and in_dateline(tok.head) and tok in after_dateline(tok.head):
            acting = tok.head  # "SEOUL, April 8 - SK Square holds ...": the parser made the name the city's apposition
        elif tok.dep_ not in ("nsubj", "poss") and not (tok.dep_ == "nsubjpass" and called_a_company(tok)) \
                and not (is_owned_thing(tok) and not _continues_tagged_name(tok)) and not _trade_party_after_to_or_from(tok):
            continue  # ("Iluvatar CoreX, in which Y holds a stake": what is held is a company)  # "X, a defence electronics company, was added ...": the apposition says what X is
        if not _name_word(tok, stop) or tok.i in taken:
            continue
        if tok.ent_type_ == "DATE" and acting is tok:
            continue
        start = tok.i
        while start > 0 and _name_word(doc[start - 1], stop) and doc[start - 1].dep_ == "compound" \
                and doc[start - 1].head.i == tok.i and start - 1 not in taken:
            start -= 1
        if start == tok.i and tok.is_sent_start and lower_words is None:
            lower_words = {t.text for t in doc if t.text.islower()}
        if start == tok.i and tok.is_sent_start and tok.lower_ in (lower_words or ()):
            continue  # one capitalised word opening a sentence may be a common word the text also writes in lower case
        if acts_as_company(doc, start, tok.i + 1) if acting is tok else acts_as_company(doc, acting.i, acting.i + 1):
            out.append((start, tok.i + 1, EntityType.ORG, None))
            taken.update(range(start, tok.i + 1))
    return out
