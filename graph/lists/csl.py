"""The US Consolidated Screening List (trade.gov) as CSV.

The file has 29 columns (``_id,source,entity_number,type,programs,name,...``);
``source`` names the list each row is on ("Entity List (EL) - Bureau of
Industry and Security"), and multi-valued cells (``alt_names``, ``programs``,
``addresses``) are ``; ``-joined.  Rows of lists chipgraph already knows
become members of that list entity (``US Entity List``, ``Unverified List``,
``NS-CMIC List``, ``DoD Section 1260H list``); any other list becomes a LIST
entity named after its ``source``.  Vessels and aircraft are no parties of a
supply chain and are left out.
"""

from __future__ import annotations

import re
from typing import Iterator

from ..model import EntityType, normalise_name
from .entry import ListEntry, ListFileError
from .formats import csv_rows, register, split_multi

__all__ = ["CSL_COLUMNS", "CANONICAL_LISTS", "ConsolidatedScreeningList", "canonical_list"]

#: The header of the trade.gov CSV download, in order.
CSL_COLUMNS: tuple[str, ...] = (
    "_id", "source", "entity_number", "type", "programs", "name", "title", "addresses", "federal_register_notice",
    "start_date", "end_date", "standard_order", "license_requirement", "license_policy", "call_sign", "vessel_type",
    "gross_tonnage", "gross_registered_tonnage", "vessel_flag", "vessel_owner", "remarks", "source_list_url",
    "alt_names", "citizenships", "dates_of_birth", "nationalities", "places_of_birth", "source_information_url", "ids",
)
_REQUIRED = ("source", "type", "name", "programs", "start_date", "alt_names", "addresses", "source_list_url")

#: A list's short code or title (as ``source`` writes it) -> the canonical
#: list entity of data/reference, so an import and the articles meet.
CANONICAL_LISTS: dict[str, str] = {
    "el": "US Entity List",
    "entity list": "US Entity List",
    "uvl": "Unverified List",
    "unverified list": "Unverified List",
    "cmic": "NS-CMIC List",
    "ns cmic": "NS-CMIC List",
    "non sdn chinese military industrial complex companies list": "NS-CMIC List",
    "1260h": "DoD Section 1260H list",
    "dod section 1260h list": "DoD Section 1260H list",
}
_TYPES = {"": EntityType.ORG, "entity": EntityType.ORG, "individual": EntityType.PERSON}


def canonical_list(source: str) -> str:
    """The list entity a CSL ``source`` names: a known list by its code or
    title, else the source itself."""
    title, _, _agency = source.partition(" - ")
    code = re.search(r"\(([^)]*)\)", title)
    keys = [normalise_name(code.group(1))] if code else []
    keys.append(normalise_name(re.sub(r"\([^)]*\)", " ", title)))
    for key in keys:
        if key in CANONICAL_LISTS:
            return CANONICAL_LISTS[key]
    return source.strip()


def _country(addresses: str) -> str | None:
    """The two-letter country closing the first address, when there is one."""
    first = split_multi(addresses)[:1]
    if not first:
        return None
    last = first[0].rsplit(",", 1)[-1].strip()
    return last if re.fullmatch(r"[A-Z]{2}", last) else None


@register
class ConsolidatedScreeningList:
    """trade.gov's Consolidated Screening List CSV."""

    name = "csl"
    description = "US Consolidated Screening List CSV (trade.gov), header _id,source,entity_number,..."

    def sniff(self, file: str, head: str) -> bool:
        return head.lstrip().startswith("_id,source,entity_number")

    def entries(self, text: str, file: str) -> Iterator[ListEntry]:
        for row, cells in csv_rows(text, file, _REQUIRED):
            kind = cells["type"].strip().lower()
            if kind not in _TYPES:
                if kind in ("vessel", "aircraft"):
                    continue
                raise ListFileError(file, f"unknown type {cells['type']!r} (Entity, Individual, Vessel, Aircraft or empty)",
                                    row=row, column="type")
            if not cells["source"]:
                raise ListFileError(file, "no list named (the source column is empty)", row=row, column="source")
            if not cells["name"]:
                raise ListFileError(file, "no name", row=row, column="name")
            listed = cells["start_date"] or None
            if listed and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", listed):
                raise ListFileError(file, f"{listed!r} is not a date (YYYY-MM-DD)", row=row, column="start_date")
            urls = split_multi(cells["source_list_url"])
            yield ListEntry(
                name=cells["name"],
                list_name=canonical_list(cells["source"]),
                row=row,
                aliases=split_multi(cells["alt_names"]),
                type=_TYPES[kind],
                program="; ".join(split_multi(cells["programs"])) or None,
                listed=listed,
                source_url=urls[0] if urls else None,
                country=_country(cells["addresses"]),
                list_source=cells["source"],
            )
