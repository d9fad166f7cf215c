"""GET /api/download: the records on screen, as the CSV or Parquet file `armstrace export` writes.

The dashboard's "download" link sends its filters here: the same parameters
as /api/records, answered by `armstrace.export.export_records` (same columns,
same formula guard, same Parquet schema), so a download and a CLI export of
one filter are one file. The file is written to a temporary folder, streamed,
then removed.
"""
from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse
from starlette.background import BackgroundTask

from ..export import export_records
from .deps import FiltersDep, StoreDep

router = APIRouter(tags=["export"])

_MEDIA = {"csv": "text/csv; charset=utf-8", "parquet": "application/vnd.apache.parquet"}


@router.get("/api/download", response_class=FileResponse,
            responses={200: {"content": {"text/csv": {}, "application/vnd.apache.parquet": {}},
                             "description": "The export file."}})
def download(
    store: StoreDep,
    filters: FiltersDep,
    format: Literal["csv", "parquet"] = Query("csv", description="csv or parquet."),
    excel: bool = Query(False, description="CSV with a byte-order mark, for Excel on Windows."),
) -> FileResponse:
    """Every record matching the filters, as `armstrace export --format csv|parquet` writes them."""
    folder = tempfile.TemporaryDirectory(prefix="armstrace-download-")
    path = Path(folder.name) / f"armstrace-records.{format}"
    try:
        export_records(store, path, format=format, where=filters, excel=excel and format == "csv")
    except BaseException:
        folder.cleanup()
        raise
    return FileResponse(path, media_type=_MEDIA[format], filename=path.name,
                        background=BackgroundTask(folder.cleanup))
