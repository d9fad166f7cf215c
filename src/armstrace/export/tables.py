"""Parquet schemas of the events and register tables, from their column kinds (pyarrow imported here only)."""
from __future__ import annotations

import pyarrow as pa

from .events import EVENT_COLUMNS, EVENT_KINDS, EVENT_REQUIRED, EVENTS_EXPORT
from .parquet import table_schema
from .register import REGISTER_COLUMNS, REGISTER_EXPORT, REGISTER_KINDS, REGISTER_REQUIRED

_ARROW: dict[str, pa.DataType] = {"list": pa.list_(pa.string()), "int": pa.int64(), "bool": pa.bool_(),
                                  "date": pa.date32()}


def _schema(columns: tuple[str, ...], kinds: dict[str, str], required: tuple[str, ...], export: str) -> pa.Schema:
    types = {name: _ARROW[kind] for name, kind in kinds.items()}
    lists = tuple(name for name, kind in kinds.items() if kind == "list")
    return table_schema(columns, types, (*required, *lists), export)


def schema_of(what: str) -> pa.Schema:
    """The Parquet schema of the `events` or `register` table (lists are never null, only empty)."""
    if what == "events":
        return _schema(EVENT_COLUMNS, EVENT_KINDS, EVENT_REQUIRED, EVENTS_EXPORT)
    return _schema(REGISTER_COLUMNS, REGISTER_KINDS, REGISTER_REQUIRED, REGISTER_EXPORT)
