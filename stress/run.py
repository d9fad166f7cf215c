"""Run every stress probe (`make stress`): bad inputs, kill -9 trials, requests during an ingest, schemathesis.

Each probe is a standalone script in this folder that prints its own
figures and exits 1 on any failure; this runner runs them one after the
other with the same Python, so a failure in one does not hide the others,
and exits 1 if any failed.
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
# What `make stress` (and so CI) runs: every bad-input kind, 20 kills in chains of 4 (`--quick`: one
# completion per chain, so the 20 trials fit CI's time), 1,000 requests, schemathesis in full.
# `python stress/run.py --full` runs the kills one completion each.
PROBES = (("inputs.py", []), ("kills.py", ["--quick"]), ("requests.py", []), ("schema.py", []))


def main(argv: list[str]) -> int:
    full = "--full" in argv
    failed = []
    for name, args in PROBES:
        script = HERE / name
        if not script.exists():
            print(f"stress: {name} is missing", file=sys.stderr)
            failed.append(name)
            continue
        print(f"== {name}", flush=True)
        start = time.monotonic()
        chosen = [a for a in args if not (full and a == "--quick")]
        code = subprocess.run([sys.executable, str(script), *chosen], check=False).returncode
        print(f"== {name}: {'ok' if code == 0 else f'FAILED (exit {code})'} in {time.monotonic() - start:.0f} s",
              flush=True)
        if code != 0:
            failed.append(name)
    if failed:
        print(f"stress: {len(failed)} of {len(PROBES)} probes failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print(f"stress: all {len(PROBES)} probes passed")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
