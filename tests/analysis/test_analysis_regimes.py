"""Sanctions regimes: the data file, the conditions, and flags with reasons."""
from __future__ import annotations

import pytest

from armstrace.analysis import Event, event_report, flag_event, list_events, load_regimes
from armstrace.analysis.regimes import claimed_violations, load_treaty_parties
from armstrace.gazetteer import load_gazetteers


def make_event(**fields) -> Event:
    values = {"event_id": "ev-test", "type": "transfer", "actor": "IRN", "recipient": "RUS", "location": None,
                  "weapon_class": "uav", "models": [], "time": "2022-08", "time_precision": "month", "time_min": "2022-08-01",
                  "time_max": "2022-08-31", "anchor": "r1", "n_claims": 1, "n_documents": 1, "first_published": "2022-10-17",
                  "last_published": "2022-10-17"}
    values.update(fields)
    return Event(**values)


def flags_of(event: Event) -> dict[str, str]:
    return {f.regime: f.certainty for f in flag_event(event)}


def test_regimes_file_loads_with_schema():
    ids = {r.id for r in load_regimes()}
    assert {"regime/unscr-2231-annex-b", "regime/unscr-1718", "regime/unscr-2216", "regime/eu-russia-2014",
            "regime/eu-iran-drones-2023", "regime/us-eo-13949", "regime/att"} <= ids


def test_regimes_every_condition_cites_a_paragraph_and_source():
    assert all(r.source and all(c.paragraph and c.summary for c in r.conditions) for r in load_regimes())


def test_regimes_2231_paragraph_4_ends_18_october_2023():
    (regime,) = [r for r in load_regimes() if r.id == "regime/unscr-2231-annex-b"]
    ends = {c.id: c.end for c in regime.conditions}
    assert (ends["para-4-from-iran"], ends["para-6b-arms-from-iran"]) == ("2023-10-18", "2020-10-18")


def test_regimes_iranian_drones_2022_engage_2231_paragraph_4_with_reason():
    (flag,) = [f for f in flag_event(make_event()) if f.regime == "regime/unscr-2231-annex-b"]
    assert [(m.paragraph, m.reason) for m in flag.matches] == [(
        "Annex B, paragraph 4",
        "transfer; supplier IRN listed; recipient RUS (any); class uav covered; time 2022-08 within 2016-01-16..2023-10-18")]


def test_regimes_2231_paragraph_4_not_after_its_end():
    event = make_event(time="2024-01", time_min="2024-01-01", time_max="2024-01-31", first_published="2024-02-01")
    assert "regime/unscr-2231-annex-b" not in flags_of(event)


def test_regimes_eu_iran_drone_regime_starts_july_2023():
    assert ("regime/eu-iran-drones-2023" in flags_of(make_event()),
            "regime/eu-iran-drones-2023" in flags_of(make_event(time="2023-09", time_min="2023-09-01",
                                                                  time_max="2023-09-30"))) == (False, True)


def test_regimes_undated_event_is_possible_not_matched():
    event = make_event(time=None, time_precision=None, time_min=None, time_max=None)
    assert flags_of(event)["regime/unscr-2231-annex-b"] == "possible"


def test_regimes_undated_event_first_reported_before_window_is_not_flagged():
    event = make_event(time=None, time_min=None, time_max=None, first_published="2019-05-01")
    assert "regime/us-eo-13949" not in flags_of(event)


@pytest.mark.parametrize("fields, regime, engaged", [
    ({"actor": "PRK", "weapon_class": "artillery", "time": "2023", "time_min": "2023-01-01", "time_max": "2023-12-31"},
     "regime/unscr-1718", True),
    ({"actor": "IRN", "recipient": "houthis", "weapon_class": "missile"}, "regime/unscr-2216", True),
    ({"actor": "DEU", "recipient": "RUS", "weapon_class": "armor"}, "regime/eu-russia-2014", True),
    ({"actor": "CHN", "recipient": "RUS", "weapon_class": "armor"}, "regime/eu-russia-2014", False),
    ({"actor": "IRN", "recipient": "RUS", "type": "use"}, "regime/unscr-2231-annex-b", False),
])
def test_regimes_conditions_on_parties_and_types(fields, regime, engaged):
    assert (regime in flags_of(make_event(**fields))) is engaged


@pytest.mark.issue(14)
@pytest.mark.parametrize("supplier", ["IRN", "RUS", "USA", "PRK", "UKR", "ZZZ"])
def test_regimes_att_never_flags_a_supplier_that_is_no_state_party(supplier):
    """Was: the ATT flagged (conditional) for Iran, Russia, the US ... none of them parties."""
    assert "regime/att" not in flags_of(make_event(actor=supplier, recipient="UKR"))


@pytest.mark.issue(14)
def test_regimes_att_flags_a_party_supplier_with_the_date_it_was_bound():
    (att,) = [f for f in flag_event(make_event(actor="GBR", recipient="UKR", weapon_class="anti-tank"))
              if f.regime == "regime/att"]
    assert att.certainty == "matched"
    assert "supplier GBR a State Party from 2014-12-24" in att.matches[0].reason


@pytest.mark.issue(14)
@pytest.mark.parametrize("time, engaged", [
    (("2019", "2019-01-01", "2019-12-31"), None),            # China bound from 4 October 2020
    (("2020", "2020-01-01", "2020-12-31"), "possible"),      # the year straddles the day
    (("2021-03", "2021-03-01", "2021-03-31"), "matched"),
])
def test_regimes_att_binds_a_party_only_from_its_day_of_effect(time, engaged):
    when = dict(zip(("time", "time_min", "time_max"), time, strict=True))
    flags = flags_of(make_event(actor="CHN", recipient="SRB", weapon_class="uav", **when))
    assert flags.get("regime/att") == engaged


def test_regimes_treaty_parties_are_dated_with_sources():
    statuses = load_treaty_parties()
    parties = [s for s in statuses.values() if s.status == "party"]
    assert all(s.in_force and s.source.startswith("UN Treaty Collection") for s in parties)
    assert statuses[("regime/att", "CHN")].in_force == "2020-10-04"
    codes = {state.code for state in load_gazetteers().states}
    assert {state for _, state in statuses} <= codes
    assert all(s.in_force >= "2014-12-24" and (s.deposited is None or s.deposited <= s.in_force) for s in parties)
    assert statuses[("regime/att", "IRN")].status == "non-party"


@pytest.mark.issue(14)
@pytest.mark.parametrize("first_published", ["2019-05-01", None])
def test_regimes_lapsed_measure_does_not_flag_an_undated_event_reported_after_it(first_published):
    """Was: UNSCR 1747/1929 (ended 16 January 2016) 'possible' for events first reported years later."""
    event = make_event(time=None, time_min=None, time_max=None, first_published=first_published)
    flags = flags_of(event)
    assert "regime/unscr-1747-1929" not in flags
    assert ("regime/us-eo-13949" in flags) is (first_published is None)   # open-ended: not ruled out


def test_regimes_lapsed_measure_flags_an_undated_event_first_reported_inside_it():
    event = make_event(time=None, time_min=None, time_max=None, first_published="2012-03-01")
    (flag,) = [f for f in flag_event(event) if f.regime == "regime/unscr-1747-1929"]
    assert flag.certainty == "possible" and "first reported 2012-03-01" in flag.matches[0].reason


@pytest.mark.issue(14)
def test_regimes_dated_event_after_a_measure_ended_is_not_flagged():
    event = make_event(time="2024-02", time_min="2024-02-01", time_max="2024-02-29")
    flags = flags_of(event)
    assert "regime/unscr-2231-annex-b" not in flags and "regime/unscr-1747-1929" not in flags


def test_regimes_flags_of_the_fixture_delivery(multi_store):
    (event,) = [e for e in list_events(multi_store, actor="IRN", weapon="uav") if e.type == "transfer"]
    assert flags_of(event) == {"regime/unscr-2231-annex-b": "matched", "regime/us-eo-13949": "matched"}


def test_regimes_dprk_shells_engage_1718(multi_store):
    (event,) = list_events(multi_store, actor="PRK", weapon="artillery")
    (flag,) = [f for f in flag_event(event) if f.regime == "regime/unscr-1718"]
    assert [m.condition for m in flag.matches] == ["1718-para-8b-major-arms-from-dprk", "1874-para-9-all-arms-from-dprk"]


def test_regimes_claimed_violations_kept_apart_from_flags(multi_store):
    (event,) = [e for e in list_events(multi_store, actor="IRN", weapon="uav") if e.type == "transfer"]
    report = event_report(multi_store, event.event_id)
    claims = [m.model_copy(update={"record": m.record.model_copy(update={"violates": ["UNSCR-2231", "JCPOA"]})})
              for m in report.claims[:1]]
    claimed = {c.instrument: c.flagged for c in claimed_violations(claims, report.flags)}
    assert (report.claimed, claimed) == ([], {"JCPOA": False, "UNSCR-2231": True})
