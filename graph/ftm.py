"""How chipgraph's model maps onto FollowTheMoney (FtM), both ways.

FtM (OCCRP Aleph, OpenSanctions, yente) is one JSON object a line:
``{"id", "schema", "properties": {name: [str, ...]}}``.  The export
(graph/exports/ftm.py) and the import (graph/ftm_import.py) share this one
table, so what one writes the other reads:

========================  =====================================================
chipgraph                 FtM
========================  =====================================================
ORG                       Company (Organization when it only bans: an authority)
LIST (a list, military)   Organization, classification "list"
GPE / PERSON / PRODUCT    PublicBody / Person / Asset
OWNED_BY head -> tail     Ownership(asset=head, owner=tail)
PART_OF unit -> org       Ownership(asset=unit, owner=org, role "part of")
SUPPLIED seller -> buyer  UnknownLink(subject=seller, object=buyer, role "supplied")
MILITARY_LINK e -> mil.   UnknownLink(subject=e, object=military, role "military link")
DESIGNATED e -> list      Sanction(entity=e, program=the list's name)
BANNED e -> authority     Sanction(entity=e, authority=the authority's name)
an article                Article(title, publishedAt, sourceUrl or fileName)
an article names e        Documentation(document=article, entity=e)
========================  =====================================================

One relation interval is written per piece of evidence (``proof`` the
article, ``summary`` the sentence, ``description`` our offsets, method,
confidence and what the sentence states; ``recordId`` the relation's
``head|TYPE|tail``), so every sentence keeps its source, as the stores do.
Ids are SHA1 over their parts, so re-exports are identical.

``FTM_PROPERTIES`` is the part of FtM's model chipgraph writes, checked
against the followthemoney library itself by the tests (it is not a runtime
dependency: it needs a compiled ICU binding).
"""

from __future__ import annotations

import hashlib
import re
from typing import Mapping

from .model import EntityType, RelationType

__all__ = [
    "FTM_PROPERTIES",
    "ENTITY_REFERENCES",
    "ENTITY_SCHEMA",
    "TYPE_CLASSIFICATION",
    "ROLES",
    "ftm_id",
    "ftm_date",
    "ftm_country",
    "ftm_language",
    "chipgraph_language",
    "unknown_properties",
]

_THING = ("name", "alias", "country", "classification", "topics", "notes", "description", "sourceUrl")
_INTERVAL = ("date", "startDate", "summary", "description", "proof", "sourceUrl", "recordId", "publisher")

#: schema -> the properties chipgraph writes (a subset of FtM's own)
FTM_PROPERTIES: Mapping[str, frozenset[str]] = {
    "Company": frozenset(_THING),
    "Organization": frozenset(_THING),
    "PublicBody": frozenset(_THING),
    "Person": frozenset(_THING),
    "Asset": frozenset(set(_THING) - {"classification"}),
    "Article": frozenset({"name", "title", "publishedAt", "sourceUrl", "fileName", "language", "description"}),
    "Ownership": frozenset({"owner", "asset", "role", "percentage", *_INTERVAL}),
    "UnknownLink": frozenset({"subject", "object", "role", *_INTERVAL}),
    "Sanction": frozenset({"entity", "authority", "program", "listingDate", *_INTERVAL}),
    "Documentation": frozenset({"document", "entity", "role", *_INTERVAL}),
}
#: properties whose values are ids of other FtM entities
ENTITY_REFERENCES: Mapping[str, tuple[str, ...]] = {
    "Ownership": ("owner", "asset"),
    "UnknownLink": ("subject", "object"),
    "Sanction": ("entity",),
    "Documentation": ("document", "entity"),
}

ENTITY_SCHEMA: Mapping[EntityType, str] = {
    EntityType.ORG: "Company",
    EntityType.LIST: "Organization",
    EntityType.GPE: "PublicBody",
    EntityType.PERSON: "Person",
    EntityType.PRODUCT: "Asset",
}
#: the ``classification`` that says which chipgraph type an FtM entity was
TYPE_CLASSIFICATION: Mapping[EntityType, str] = {
    EntityType.ORG: "organisation",
    EntityType.LIST: "list",
    EntityType.GPE: "place",
    EntityType.PERSON: "person",
}
#: the ``role`` of a relation interval, by relation type (FtM strings)
ROLES: Mapping[RelationType, str] = {
    RelationType.OWNED_BY: "owned by",
    RelationType.PART_OF: "part of",
    RelationType.SUPPLIED: "supplied",
    RelationType.MILITARY_LINK: "military link",
}

_LANGUAGES = {"en": "eng", "nl": "nld", "de": "deu", "fr": "fra", "zh": "zho", "ja": "jpn", "ko": "kor"}
_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
_COUNTRY = re.compile(r"[A-Za-z]{2}")


def ftm_id(*parts: str | int) -> str:
    """SHA1 of the parts, as FtM's ``make_id``: the same parts, the same id."""
    joined = "\x1f".join(map(str, ("chipgraph", *parts)))
    return hashlib.sha1(joined.encode("utf-8", "surrogatepass")).hexdigest()


def ftm_date(value: str | None) -> str | None:
    """``value`` when it is a date FtM accepts (2021, 2021-05, 2021-05-17)."""
    return value if value and _DATE.fullmatch(value) else None


def ftm_country(value: str | None) -> str | None:
    """An ISO 3166 alpha-2 code as FtM writes it (lower case), else None."""
    return value.lower() if value and _COUNTRY.fullmatch(value) else None


def ftm_language(code: str | None) -> str | None:
    """FtM's ISO 639-3 code of chipgraph's two-letter language."""
    return _LANGUAGES.get((code or "").lower())


def chipgraph_language(code: str | None) -> str:
    """The reverse of :func:`ftm_language` (English when unknown)."""
    for short, long in _LANGUAGES.items():
        if long == (code or "").lower():
            return short
    return "en"


def unknown_properties(schema: str, properties: Mapping[str, object]) -> list[str]:
    """The property names FTM_PROPERTIES does not list for ``schema``."""
    known = FTM_PROPERTIES.get(schema, frozenset())
    return sorted(p for p in properties if p not in known)
