"""Evidence as a reader cites it: which article (title, date, URL or file
name) said it, with the same sentence syndicated by many outlets shown once.

A store keeps one piece of evidence per (relation, document, sentence); a wire
story reprinted by twenty outlets is twenty pieces with one sentence.  What a
journalist needs under a hop is that sentence once, with "20 sources" and the
list of them, and never a local file path from the machine that ingested it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Mapping
from urllib.parse import urlsplit

from .model import Evidence, sorted_evidence

__all__ = ["DocumentInfo", "Citation", "CitedSentence", "cite_source", "cite_evidence"]


@dataclass(frozen=True)
class DocumentInfo:
    """A document without its text: what a citation needs (stores return
    these in bulk, so citing a hub never reads every article whole)."""

    id: str
    source: str
    title: str | None = None
    date: str | None = None
    language: str = "en"


@lru_cache(maxsize=8192)
def cite_source(source: str | None) -> tuple[str, str | None]:
    """``(shown, url)`` for a document's source: a web address is shown and
    linked as it is; a file is shown by its name only (a local path says
    nothing to a reader and leaks the ingesting machine's layout).  Cached:
    every hop of every answer cites its sources, and a hub's are the same
    few articles again and again."""
    if not source:
        return "unknown source", None
    parts = urlsplit(source)
    if parts.scheme in ("http", "https") and parts.netloc:
        return source, source
    name = source.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return name or source, None


@dataclass(frozen=True)
class Citation:
    """One article that states a sentence."""

    document_id: str
    source: str  # URL or file name, never a local path
    url: str | None
    title: str | None
    date: str | None

    def describe(self) -> str:
        """``Title (2025-12-10), example.org/...``: one line to paste into notes."""
        head = self.title or "untitled"
        return f"{head} ({self.date}), {self.source}" if self.date else f"{head}, {self.source}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "document_id": self.document_id,
            "source": self.source,
            "url": self.url,
            "title": self.title,
            "date": self.date,
        }


@dataclass(frozen=True)
class CitedSentence:
    """A sentence with every article that states it (``count`` of them)."""

    sentence: str
    confidence: float
    methods: tuple[str, ...]
    attributes: Mapping[str, str]
    citations: tuple[Citation, ...]

    @property
    def count(self) -> int:
        return len(self.citations)

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "sources_count": self.count,
            "confidence": round(self.confidence, 4),
            "methods": list(self.methods),
            "attributes": dict(self.attributes),
            "sources": [c.to_dict() for c in self.citations],
        }


def _sentence_key(sentence: str) -> str:
    return " ".join(sentence.split()).casefold()


def cite_evidence(evidence: Iterable[Evidence], documents: Mapping[str, DocumentInfo]) -> list[CitedSentence]:
    """Evidence grouped by sentence (white space and case folded), most
    confident first; each group lists its articles once, newest first.
    ``documents`` gives the title and date of each document id (a missing one
    is cited by the evidence's own source)."""
    groups: dict[str, list[Evidence]] = {}
    for ev in sorted_evidence(evidence):
        groups.setdefault(_sentence_key(ev.sentence), []).append(ev)
    out = []
    for evs in groups.values():
        citations: dict[str, Citation] = {}
        attributes: dict[str, str] = {}
        for ev in evs:
            attributes.update({k: v for k, v in ev.attributes.items() if k not in attributes})
            if ev.document_id in citations:
                continue
            doc = documents.get(ev.document_id)
            shown, url = cite_source(doc.source if doc else ev.source)
            citations[ev.document_id] = Citation(
                ev.document_id, shown, url, doc.title if doc else None, doc.date if doc else None
            )
        ordered = sorted(citations.values(), key=lambda c: (c.date or "", c.source), reverse=True)
        out.append(
            CitedSentence(
                sentence=" ".join(evs[0].sentence.split()),
                confidence=max(e.confidence for e in evs),
                methods=tuple(dict.fromkeys(e.method for e in evs)),
                attributes=dict(sorted(attributes.items())),
                citations=tuple(ordered),
            )
        )
    return out
