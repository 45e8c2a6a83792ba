"""FollowTheMoney export (issue 11), checked against the followthemoney
library's own model: every schema exists and is concrete, every property
belongs to its schema, every value is valid for its type (dates, countries,
URLs), every entity reference names an entity of the file whose schema fits
the property's range; ids are stable SHA1s and a re-export is byte-identical."""

from __future__ import annotations

import json
from pathlib import Path

from followthemoney import model
from followthemoney.types import registry

from chipgraph.graph.exports import exporter
from chipgraph.graph.exports.ftm import entity_ftm_id
from chipgraph.graph.ftm import ENTITY_REFERENCES, FTM_PROPERTIES
from chipgraph.graph.model import EntityType, RelationType

from export_samples import EXTRACTIONS, data_of, sample
from test_conformance import ARTICLES


def validate_ftm(lines: list[str]) -> list[dict]:
    """Raise AssertionError on anything FtM's model refuses; the objects otherwise."""
    objs = [json.loads(line) for line in lines]
    by_id = {o["id"]: o for o in objs}
    assert len(by_id) == len(objs), "ids are unique"
    for o in objs:
        schema = model.get(o["schema"])
        assert schema is not None and not schema.abstract, o["schema"]
        assert set(o) == {"id", "schema", "properties"}
        for name, values in o["properties"].items():
            prop = schema.get(name)
            assert prop is not None, f"{o['schema']} has no property {name}"
            assert values and all(isinstance(v, str) and v for v in values)
            for v in values:
                if prop.type == registry.entity:
                    assert v in by_id, f"{o['schema']}.{name} names {v}, not in the file"
                    assert model.get(by_id[v]["schema"]).is_a(prop.range), f"{o['schema']}.{name} -> {by_id[v]['schema']}"
                else:
                    assert prop.type.validate(v), f"{o['schema']}.{name}: {v!r} is no valid {prop.type.name}"
    return objs


def write(tmp_path: Path, data, name: str = "g.ftm.jsonl") -> list[str]:
    (out,) = exporter("ftm").write_files(data, tmp_path / name)
    return out.read_text(encoding="utf-8").splitlines()


def test_our_table_is_part_of_ftm_model() -> None:
    for schema, props in FTM_PROPERTIES.items():
        s = model.get(schema)
        assert s is not None and not s.abstract
        assert props <= set(s.properties), f"{schema}: {sorted(props - set(s.properties))}"
    for schema, refs in ENTITY_REFERENCES.items():
        assert all(model.get(schema).get(p).type == registry.entity for p in refs)


def test_export_is_valid_ftm(tmp_path: Path) -> None:
    objs = validate_ftm(write(tmp_path, sample()))
    schemata = {o["schema"] for o in objs}
    assert {"Company", "Organization", "Ownership", "UnknownLink", "Sanction", "Article", "Documentation"} <= schemata


def test_each_relation_type_has_its_ftm_form(tmp_path: Path) -> None:
    data = data_of(EXTRACTIONS)
    objs = validate_ftm(write(tmp_path, data))
    assert {r.type for r in data.relations} == set(RelationType) - {RelationType.OTHER}
    names = {entity_ftm_id(e.id): e for e in data.entities}
    by_record: dict[str, list[dict]] = {}
    for o in objs:
        for rid in o["properties"].get("recordId", []):
            by_record.setdefault(rid, []).append(o)
    for r in data.relations:
        found = by_record[f"{r.head}|{r.type.value}|{r.tail}"]
        assert len(found) == max(1, len(r.evidence)), "one interval per piece of evidence"
        p = found[0]["properties"]
        if r.type in (RelationType.OWNED_BY, RelationType.PART_OF):
            assert found[0]["schema"] == "Ownership"
            assert names[p["asset"][0]].id == r.head and names[p["owner"][0]].id == r.tail
        elif r.type in (RelationType.SUPPLIED, RelationType.MILITARY_LINK):
            assert found[0]["schema"] == "UnknownLink" and p["role"] == [{"SUPPLIED": "supplied"}.get(r.type.value, "military link")]
            assert names[p["subject"][0]].id == r.head and names[p["object"][0]].id == r.tail
        else:
            assert found[0]["schema"] == "Sanction" and names[p["entity"][0]].id == r.head
            tail = next(e for e in data.entities if e.id == r.tail)
            assert p["program" if r.type is RelationType.DESIGNATED else "authority"] == [tail.name]
        sentences = sorted(s for o in found for s in o["properties"].get("summary", []))
        assert sentences == sorted(ev.sentence for ev in r.evidence)
        for o in found:  # the article it cites is in the file, with our offsets and method in the description
            (proof,) = o["properties"]["proof"]
            assert any(x["id"] == proof and x["schema"] == "Article" for x in objs)
            assert o["properties"]["description"][0].startswith("chipgraph evidence: characters ")
    lists = [o for o in objs if o["properties"].get("classification") == ["list"]]
    assert {o["properties"]["name"][0] for o in lists} == {e.name for e in data.entities if e.type is EntityType.LIST}
    articles = {a["properties"].get("sourceUrl", a["properties"].get("fileName"))[0]: a for a in objs if a["schema"] == "Article"}
    assert set(articles) == {x.document.source for x in ARTICLES} | {"quill.txt"}  # a file by its name, never its path
    assert articles["quill.txt"]["properties"]["publishedAt"] == ["2019-06-01"]
    assert articles["quill.txt"]["properties"]["title"] == ["Quill's year"]
    (authority,) = [o for o in objs if o["properties"].get("name") == ["Commerce Department"]]
    assert authority["schema"] == "Organization"  # it only bans: an authority, not a company
    (ban,) = [o for o in objs if o["schema"] == "Sanction" and "authority" in o["properties"]]
    assert ban["properties"]["date"] == ["2019-05"]


def test_reexport_is_identical_and_ids_are_sha1(tmp_path: Path) -> None:
    first = write(tmp_path, sample(), "a.ftm.jsonl")
    assert first == write(tmp_path, sample(), "b.ftm.jsonl")
    assert all(len(json.loads(line)["id"]) == 40 for line in first)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.ftm.jsonl", "b.ftm.jsonl"]
