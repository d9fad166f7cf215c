"""GraphML exports: read back with networkx, as Gephi or yEd would load them."""
from __future__ import annotations

from pathlib import Path

import networkx as nx
from export_world import QUOTED_RECORDS
from typer.testing import CliRunner

from armstrace.cli import app


def _export(db: Path, out: Path, *args: str) -> nx.MultiDiGraph:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "graphml", "--out", str(out),
                                      "--include-rejected", *args])
    assert result.exit_code == 0, result.output
    graph = nx.read_graphml(out, force_multigraph=True)
    assert isinstance(graph, nx.MultiDiGraph)
    return graph


def test_graphml_actors_are_nodes_with_name_and_kind(export_db, tmp_path):
    graph = _export(export_db, tmp_path / "records.graphml")
    assert set(graph.nodes) == {"IRN", "RUS", "UKR", "eu", "PRK"}
    assert graph.nodes["IRN"] == {"label": "Iran", "name": "Iran", "kind": "state", "n_records": 5}
    assert (graph.nodes["eu"]["kind"], graph.nodes["eu"]["name"]) == ("international", "European Union")


def test_graphml_records_are_edges_keyed_by_record_id(export_db, world, all_records, tmp_path):
    graph = _export(export_db, tmp_path / "records.graphml")
    no_target = QUOTED_RECORDS[2].record_id
    assert {key for _, _, key in graph.edges(keys=True)} == set(all_records) - {no_target}
    asserted, denied = world["iran-russia"][0], world["iran-russia"][1]
    transfers = [key for key, attrs in graph.get_edge_data("IRN", "RUS").items() if attrs["type"] == "transfer"]
    assert len(transfers) == 3   # two sources and a denial stay three claims
    edge = graph.edges["IRN", "RUS", denied.record_id]
    assert {k: edge[k] for k in ("type", "weapon_class", "claimant", "stance", "doc_id", "evidence", "record_id")} == {
        "type": "transfer", "weapon_class": "uav", "claimant": "IRN", "stance": "denied", "doc_id": "iran-russia",
        "evidence": "Tehran denied it.", "record_id": denied.record_id}
    assert graph.edges["IRN", "RUS", asserted.record_id]["weapons"] == "shahed-136"
    assert graph.edges["IRN", "RUS", asserted.record_id]["review"] == "wrong"


def test_graphml_production_points_at_its_location(export_db, tmp_path):
    graph = _export(export_db, tmp_path / "records.graphml")
    edge = graph.edges["IRN", "RUS", QUOTED_RECORDS[1].record_id]
    assert (edge["type"], edge["target_role"]) == ("production", "location")


def test_graphml_writes_no_none_and_no_xml_invalid_character(export_db, tmp_path):
    out = tmp_path / "records.graphml"
    graph = _export(export_db, out)
    text = out.read_text(encoding="utf-8")
    assert ">None<" not in text and "\x0c" not in text
    edge = graph.edges["PRK", "RUS", QUOTED_RECORDS[0].record_id]
    assert edge["evidence"] == QUOTED_RECORDS[0].evidence.replace("\x0c", "\ufffd")
    assert (edge["quantity_min"], "quantity_max" in edge, "speaker" in edge) == (6, False, True)


def test_graphml_summary_counts_records_without_an_edge(export_db, tmp_path):
    result = CliRunner().invoke(app, ["export", "--db", str(export_db), "--format", "graphml",
                                      "--out", str(tmp_path / "g.graphml"), "--include-rejected"])
    assert "8 records written" in result.output and "5 actors, 7 edges; 1 records name no recipient" in result.output
