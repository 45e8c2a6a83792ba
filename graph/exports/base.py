"""What every exporter shares: the graph it writes, the base class, the registry.

After followthemoney's exporters: one small class per format, each declaring
its name, file extensions and media type, registered by name.  The CLI, the API
and ``api/exporting.py`` only look a format up here and call it, so a new
format is one new class, not a branch in each of them.
"""

from __future__ import annotations

import io
import os
import re
import threading
from functools import lru_cache
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Callable, ClassVar, Iterable, Mapping, TypeVar

from ..citations import DocumentInfo, cite_source
from ..errors import ExportTooLarge, UnknownExportFormat
from ..model import Entity, Evidence, Relation, sorted_evidence
from ..subgraph import DEFAULT_MAX_EDGES, DEFAULT_MAX_NODES, MAX_EVIDENCE_LIMIT, Subgraph

if TYPE_CHECKING:
    from ..store import GraphStore

__all__ = [
    "GraphData",
    "Exporter",
    "register",
    "exporter",
    "exporter_for_path",
    "exporters",
    "relation_id",
    "xml_safe",
    "unicode_safe",
    "atomic_write",
    "DEFAULT_MAX_EXPORT_RELATIONS",
    "MAX_EXPORT_RELATIONS_LIMIT",
]

#: A whole-graph export reads every relation with its evidence into memory:
#: bounded by default, and never above the limit (narrow to an entity instead).
DEFAULT_MAX_EXPORT_RELATIONS = 20_000
MAX_EXPORT_RELATIONS_LIMIT = 200_000

#: what XML 1.0 forbids in a document (control characters but tab, newline and
#: carriage return; lone surrogates; U+FFFE and U+FFFF): no escape makes them legal
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


_SURROGATE = re.compile("[\ud800-\udfff]")


def unicode_safe(text: str) -> str:
    """``text`` with every lone surrogate (no UTF-8 can carry one: a broken
    page can leave them) replaced by U+FFFD, for formats that are UTF-8 text."""
    return _SURROGATE.sub("\ufffd", text)


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot carry replaced by U+FFFD,
    so the loss stays visible instead of silently joining words."""
    return _NOT_XML.sub("\ufffd", text)


@lru_cache(maxsize=65536)
def _cited(source: str | None) -> tuple[str, str | None]:
    return cite_source(source)


def relation_id(relation: Relation) -> str:
    """The one id of a relation in every export: ``head|TYPE|tail``, unique
    because a store keeps one relation per (head, type, tail)."""
    return f"{relation.head}|{relation.type.value}|{relation.tail}"


@dataclass(frozen=True)
class GraphData:
    """Entities, relations (with evidence) and the documents the evidence
    cites, in one stable order (entities by id, relations by key, evidence
    as every store returns it), so exporting the same graph twice gives the
    same bytes and re-exports diff cleanly."""

    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]
    documents: Mapping[str, DocumentInfo] = field(default_factory=dict)
    #: the source was cut to caps: the export is a part, not the whole
    truncated: bool = False

    @classmethod
    def build(
        cls,
        entities: Iterable[Entity],
        relations: Iterable[Relation],
        documents: Mapping[str, DocumentInfo] | None = None,
        *,
        truncated: bool = False,
    ) -> "GraphData":
        ents = {e.id: e for e in entities}
        rels = sorted(
            (Relation(r.head, r.type, r.tail, sorted_evidence(r.evidence), unsourced_attributes=r.unsourced_attributes)
             for r in relations if r.head in ents and r.tail in ents),
            key=lambda r: r.key,
        )
        return cls(tuple(ents[i] for i in sorted(ents)), tuple(rels), dict(documents or {}), truncated)

    @classmethod
    def from_subgraph(cls, subgraph: Subgraph, documents: Mapping[str, DocumentInfo] | None = None) -> "GraphData":
        return cls.build(subgraph.entities, subgraph.relations, documents, truncated=subgraph.truncated)

    @classmethod
    def from_store(cls, store: "GraphStore", *, max_relations: int = DEFAULT_MAX_EXPORT_RELATIONS) -> "GraphData":
        """The whole graph of ``store`` with the documents its evidence cites.

        Raises
        ------
        ExportTooLarge
            The store holds more than ``max_relations`` relations; the message
            says how to narrow the export.
        """
        total = store.counts().get("relations", 0)
        if total > max_relations:
            raise ExportTooLarge(
                f"the graph holds {total} relations, over the whole-graph export cap of {max_relations}: "
                f"export one entity's neighbourhood (--entity NAME --depth N), or raise the cap "
                f"(--max-relations, at most {MAX_EXPORT_RELATIONS_LIMIT})"
            )
        relations = list(store.relations())
        return cls.build(store.entities(), relations, store.document_infos(cls._document_ids(relations)))

    @classmethod
    def from_neighbourhood(
        cls,
        store: "GraphStore",
        entity_id: str,
        depth: int = 1,
        *,
        max_nodes: int = DEFAULT_MAX_NODES,
        max_edges: int = DEFAULT_MAX_EDGES,
    ) -> "GraphData":
        """Entities within ``depth`` hops of ``entity_id`` and the relations
        among them, cut to the caps of every subgraph answer (``truncated``
        says so), each relation with all its evidence up to the API's limit."""
        sub = store.subgraph(entity_id, depth, max_nodes=max_nodes).capped(max_nodes, max_edges, MAX_EVIDENCE_LIMIT)
        return cls.from_subgraph(sub, store.document_infos(cls._document_ids(sub.relations)))

    @staticmethod
    def _document_ids(relations: Iterable[Relation]) -> set[str]:
        return {ev.document_id for r in relations for ev in r.evidence}

    def document_ids(self) -> set[str]:
        """Every document the evidence cites."""
        return self._document_ids(self.relations)

    def citation(self, evidence: Evidence) -> tuple[str, str | None]:
        """``(shown, url)`` of the article a piece of evidence cites: its URL,
        or its file name (never a local path), as a reader cites it."""
        info = self.documents.get(evidence.document_id)
        return _cited(info.source if info else evidence.source)

    def source_of(self, evidence: Evidence) -> str:
        """The URL or file name of the article ``evidence`` cites."""
        return self.citation(evidence)[0]

    def names(self) -> dict[str, str]:
        return {e.id: e.name for e in self.entities}


def atomic_write(path: Path, write: Callable[[IO[bytes]], None]) -> Path:
    """Call ``write`` on a file beside ``path`` and rename it into place: a
    failure mid-way leaves the previous file (or none), never a truncated one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        with tmp.open("wb") as fh:
            write(fh)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


class Exporter(ABC):
    """One export format.  Subclasses declare what they are and implement
    :meth:`write`; formats made of several files override :meth:`outputs`,
    :meth:`write_files` and :meth:`to_bytes`."""

    #: the name users type (``--format``, ``format=``)
    name: ClassVar[str]
    #: file extensions, lower case with the dot; the first is the default
    extensions: ClassVar[tuple[str, ...]]
    #: the HTTP media type of :meth:`to_bytes`
    media_type: ClassVar[str]
    #: the extension of the single download :meth:`to_bytes` gives
    download_extension: ClassVar[str | None] = None
    #: one line for --help and the README
    description: ClassVar[str] = ""

    @abstractmethod
    def write(self, data: GraphData, out: IO[bytes]) -> None:
        """Write ``data`` to the binary stream ``out``."""

    def outputs(self, output: Path) -> list[Path]:
        """The files :meth:`write_files` writes for ``output``."""
        return [output]

    def write_files(self, data: GraphData, output: Path) -> list[Path]:
        """Write ``data`` to ``output`` (atomically) and return the files written."""
        return [atomic_write(output, lambda fh: self.write(data, fh))]

    def to_bytes(self, data: GraphData) -> bytes:
        """``data`` as one download (what the API sends)."""
        buf = io.BytesIO()
        self.write(data, buf)
        return buf.getvalue()

    def filename(self, stem: str) -> str:
        """The download's file name for ``stem``."""
        return stem + (self.download_extension or self.extensions[0])


E = TypeVar("E", bound=type[Exporter])
_REGISTRY: dict[str, type[Exporter]] = {}


def register(cls: E) -> E:
    """Class decorator: make ``cls`` available under its ``name``."""
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise ValueError(f"an exporter named {cls.name!r} is already registered")
    _REGISTRY[cls.name] = cls
    return cls


def exporters() -> dict[str, type[Exporter]]:
    """Every registered exporter by name, in registration order."""
    return dict(_REGISTRY)


def exporter(name: str) -> Exporter:
    """The exporter registered as ``name`` (any case).

    Raises
    ------
    UnknownExportFormat
        No exporter has that name; the message lists the names there are.
    """
    cls = _REGISTRY.get(name.strip().lower())
    if cls is None:
        raise UnknownExportFormat(f"no export format {name!r}: use one of {', '.join(_REGISTRY)}")
    return cls()


def exporter_for_path(path: Path) -> Exporter | None:
    """The exporter whose extension ends ``path``'s name (longest first, so
    ``.ftm.jsonl`` wins over ``.jsonl``), or None."""
    name = path.name.lower()
    found = [(ext, cls) for cls in _REGISTRY.values() for ext in cls.extensions if name.endswith(ext)]
    if not found:
        return None
    return max(found, key=lambda pair: len(pair[0]))[1]()
