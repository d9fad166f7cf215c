"""datasette's metadata for an armstrace database: table, view and column descriptions.

datasette names a database after its file's stem and reads descriptions from
`databases.<stem>` of its metadata. The shipped file (`METADATA_PATH`) is keyed
for the default `armstrace.db`; for another file name, write the same
descriptions under its stem:

    python -m armstrace.store.datasette events.db > metadata.json
    datasette events.db --metadata metadata.json
"""
from __future__ import annotations

import json
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

METADATA_PATH = Path(str(files("armstrace") / "data" / "datasette" / "metadata.json"))


def datasette_metadata(db: str | Path = "armstrace.db") -> dict[str, Any]:
    """The shipped metadata with its one database entry keyed by `db`'s stem."""
    metadata: dict[str, Any] = json.loads(METADATA_PATH.read_text(encoding="utf-8"))
    (entry,) = metadata["databases"].values()
    metadata["databases"] = {Path(db).stem: entry}
    return metadata


def main(argv: list[str]) -> int:
    """Print the metadata for the database file named in `argv` (default armstrace.db)."""
    if len(argv) > 1 or (argv and argv[0].startswith("-")):
        print("usage: python -m armstrace.store.datasette [DATABASE_FILE] > metadata.json", file=sys.stderr)
        return 2
    print(json.dumps(datasette_metadata(argv[0] if argv else "armstrace.db"), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
