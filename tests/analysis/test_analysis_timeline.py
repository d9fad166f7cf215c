"""Timelines by event time and by publication."""
from __future__ import annotations

import pytest

from armstrace.analysis import timeline
from armstrace.errors import UsageError


def test_timeline_orders_events_by_event_time_unknown_last(multi_store):
    whens = [t.when for t in timeline(multi_store, by="event")]
    dated = [w for w in whens if w]
    assert dated == ["2022-08", "2023"] and whens[: len(dated)] == dated


def test_timeline_events_carry_precision(multi_store):
    assert [(t.when, t.precision) for t in timeline(multi_store, by="event") if t.when] == [
        ("2022-08", "month"), ("2023", "year")]


def test_timeline_by_published_orders_claims(multi_store):
    dates = [t.when for t in timeline(multi_store, by="published")]
    assert dates == sorted(dates) and len(dates) == 15


def test_timeline_since_keeps_overlapping_periods(multi_store):
    assert [t.when for t in timeline(multi_store, by="event", since="2023-06")] == ["2023"]


def test_timeline_bad_date_is_a_usage_error(multi_store):
    with pytest.raises(UsageError, match="not a date"):
        timeline(multi_store, since="last year")


@pytest.mark.parametrize("time", ["2022-13", "2022-00", "2022-02-30", "2022-04-00", "0000"])
def test_period_of_impossible_date_is_none(time):
    from armstrace.periods import period_of, precision_of

    assert (period_of(time), precision_of(time)) == (None, None)
