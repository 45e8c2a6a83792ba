"""Whether a listing is current: read from the statements list imports left
on a relation.

An imported edition states each of its entries ("listed", with the edition's
date); a later edition that no longer names an entry states its removal
("removed", with that edition's date).  Nothing is ever deleted, so the
relation keeps its whole history, and the latest edition's statement decides
whether the listing holds today.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterable, Literal, Sequence

from ..model import Evidence, Relation, RelationType

__all__ = ["LIST_METHOD", "REMOVAL_MARK", "ListingStatus", "listing_status", "status_of", "lapse", "is_current", "current_relations"]

#: the evidence method of every statement a list import writes
LIST_METHOD = "list-import"
#: the text a removal statement's stored attributes (JSON) contain: stores
#: find the few relations that may have lapsed by it, then decide with
#: :func:`is_current` on their whole evidence
REMOVAL_MARK = '"removed"'


@dataclass(frozen=True)
class ListingStatus:
    """A relation's place in a list's editions.

    ``listed`` is the listing date the list gives (else the first edition
    that names it); ``edition`` the latest edition naming it and ``file`` /
    ``row`` where; ``removed`` the date of the edition that no longer names
    it, when the latest edition does not.
    """

    listed: str | None
    edition: str | None
    file: str | None
    row: str | None
    removed: str | None
    current: bool

    def describe(self) -> str:
        """"listed on 2020-12-18 by the edition of 2024-01-05 (csl.csv, row 7); removed on 2025-01-07"."""
        out = f"listed on {self.listed or 'an unknown date'}"
        if self.edition:
            where = ", ".join(x for x in (self.file, f"row {self.row}" if self.row else None) if x)
            out += f" by the edition of {self.edition}" + (f" ({where})" if where else "")
        if self.removed:
            out += f"; removed on {self.removed}"
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "listed": self.listed,
            "edition": self.edition,
            "file": self.file,
            "row": self.row,
            "removed": self.removed,
            "current": self.current,
        }


def _order(ev: Evidence) -> tuple[str, bool]:
    # within one edition a listing outranks a removal (a re-listing)
    return (ev.attributes.get("edition", ""), "removed" not in ev.attributes)


def listing_status(relation: Relation) -> ListingStatus | None:
    """The relation's status in its list's editions; None when no list
    import states it (an article's or the reference data's fact)."""
    return status_of(relation.type, relation.evidence)


def status_of(type: RelationType, evidence: Sequence[Evidence]) -> ListingStatus | None:
    """:func:`listing_status` of a relation of ``type`` with this evidence
    (for a store that reads evidence before the relation itself)."""
    statements = [e for e in evidence if e.method == LIST_METHOD]
    if not statements:
        return None
    latest = max(statements, key=_order)
    listings = sorted((e for e in statements if "removed" not in e.attributes), key=_order)
    last = listings[-1] if listings else None
    listed = None
    if last is not None:
        listed = last.attributes.get("listed") or listings[0].attributes.get("edition")
    removed = latest.attributes.get("removed")
    current = removed is None or (
        type is not RelationType.DESIGNATED and any(e.method != LIST_METHOD for e in evidence)
    )
    return ListingStatus(
        listed=listed,
        edition=last.attributes.get("edition") if last else None,
        file=last.attributes.get("file") if last else None,
        row=last.attributes.get("row") if last else None,
        removed=removed,
        current=current,
    )


def is_current(relation: Relation) -> bool:
    """Whether the fact holds now: anything no list import states does; a
    listing holds unless the latest edition removed it (a military link an
    article states outlives its list's removal)."""
    status = listing_status(relation)
    return status is None or status.current


def lapse(evidence: Sequence[Evidence]) -> Literal["any", "designation"] | None:
    """Which relations with this evidence no longer hold (see
    :func:`is_current`), for a store that reads evidence before it knows
    the relation's type: ``"any"`` when the latest edition removed the
    listing and no other source states the fact, ``"designation"`` when an
    article's statement keeps the fact unless it is a designation, None when
    it holds."""
    status = status_of(RelationType.DESIGNATED, evidence)
    if status is None or status.current:
        return None
    return "designation" if any(e.method != LIST_METHOD for e in evidence) else "any"


def current_relations(relations: Iterable[Relation]) -> list[Relation]:
    """The relations that hold now (see :func:`is_current`)."""
    return [r for r in relations if is_current(r)]
