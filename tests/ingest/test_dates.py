"""normalise_date: any date string -> YYYY-MM-DD, or None; pure and deterministic."""
from __future__ import annotations

import pytest

from armstrace.ingest.dates import normalise_date


@pytest.mark.parametrize(("value", "expected"), [
    ("2022-06-24", "2022-06-24"),
    ("2022-06-24T09:15:00+00:00", "2022-06-24"),
    ("2022-06-24T09:15:00Z", "2022-06-24"),
    ("2023-05-06T23:40:00-05:00", "2023-05-06"),     # the date as written, not converted to UTC
    ("2023/06/05", "2023-06-05"),                    # year first: YMD
    ("June 24, 2022", "2022-06-24"),
    ("24 June 2022", "2022-06-24"),
    ("Sept. 11, 2020", "2020-09-11"),
    ("  2022-06-24  ", "2022-06-24"),
])
def test_normalise_date_reads_common_forms(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("March 2023", "2023-03-01"),
    ("2023", "2023-01-01"),
])
def test_normalise_date_month_or_year_only_takes_the_first_day(value, expected):
    assert normalise_date(value) == expected


@pytest.mark.parametrize("value", [
    "", "   ", "garbage", "not a date at all", "yesterday", "2 hours ago", "June 5", "0001-01-01", "9999-12-31",
    "x" * 500,
])
def test_normalise_date_unreadable_or_relative_gives_none(value):
    assert normalise_date(value) is None


def test_normalise_date_is_deterministic():
    assert {normalise_date("May 6, 2023") for _ in range(3)} == {"2023-05-06"}
