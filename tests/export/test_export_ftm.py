"""`--format ftm`: FollowTheMoney entities, read back and validated by the followthemoney library (issue 14)."""
from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from export_world import QUOTED_TITLE, QUOTED_URL
from followthemoney import model
from typer.testing import CliRunner

from armstrace.cli import app

FTM = Path(sys.executable).with_name("ftm")


def _export(db: Path, out: Path, *args: str) -> list[dict]:
    result = CliRunner().invoke(app, ["export", "--db", str(db), "--format", "ftm", "--out", str(out),
                                      "--include-rejected", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def _proxies(entities: list[dict]) -> dict:
    """Each entity re-read by the library: its schema validates it, and every required property is there."""
    proxies = {}
    for data in entities:
        proxy = model.get_proxy(data)
        assert proxy.schema.validate(proxy.to_dict()) is None
        assert all(proxy.get(name) for name in proxy.schema.required), data
        proxies[proxy.id] = proxy
    return proxies


@pytest.mark.issue(14)
def test_ftm_entities_validate_and_load_with_the_ftm_tool(export_db, all_records, tmp_path):
    out = tmp_path / "records.ftm.json"
    proxies = _proxies(_export(export_db, out))
    schemata = Counter(p.schema.name for p in proxies.values())
    assert schemata["Documentation"] == len(all_records)
    assert {"PublicBody", "Organization", "Article", "Event", "Sanction"} <= set(schemata)
    checked = subprocess.run([str(FTM), "validate", "-i", str(out), "-o", str(tmp_path / "back.json")],
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 0, checked.stderr
    assert len((tmp_path / "back.json").read_text(encoding="utf-8").splitlines()) == len(proxies)


def test_ftm_every_reference_points_at_an_entity_in_the_file(export_db, tmp_path):
    proxies = _proxies(_export(export_db, tmp_path / "r.ftm.json"))
    for proxy in proxies.values():
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in proxies, (proxy.schema.name, prop.name, value)


def test_ftm_mapping_of_states_documents_events_sanctions_and_claims(export_db, world, tmp_path):
    proxies = _proxies(_export(export_db, tmp_path / "r.ftm.json")).values()
    by_name = {(p.schema.name, p.first("name", quiet=True)): p for p in proxies}
    iran = by_name[("PublicBody", "Iran")]
    assert iran.get("country") == ["ir"]
    assert by_name[("Organization", "European Union")].get("classification") == ["international"]
    article = by_name[("Article", QUOTED_TITLE)]
    assert (article.get("sourceUrl"), article.get("publishedAt")) == ([QUOTED_URL], ["2023-07-01"])
    (sanction,) = [p for p in proxies if p.schema.name == "Sanction"]
    assert (sanction.get("entity"), sanction.get("authority")) == ([iran.id], ["European Union"])
    assert sanction.get("reason") == [world["eu-sanctions"][0].evidence]
    (denial,) = [p for p in proxies if p.schema.name == "Documentation"
                 and p.get("recordId") == [world["iran-russia"][1].record_id]]
    event = next(p for p in proxies if p.id == denial.first("entity"))
    assert (event.schema.name, denial.get("status"), denial.get("role")) == (
        "Event", ["denied"], ["denied by Iran (speaker: Tehran)"])
    assert event.first("name") == "transfer: Iran -> Russia, uav (Shahed-136), time unknown"
    assert iran.id in event.get("organizer") and len(event.get("proof")) == 2


def test_ftm_import_pulls_no_torch_and_stays_offline():
    code = ("import sys, socket\n"
            "def refuse(*a, **k): raise OSError('network use')\n"
            "socket.socket.connect = refuse\n"
            "import followthemoney\nfrom followthemoney import model\nmodel.make_entity('Event')\n"
            "assert 'torch' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)
