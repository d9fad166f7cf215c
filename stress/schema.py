"""Schemathesis against the live OpenAPI of a real armstrace server: no 5xx, no undocumented status.

    python stress/schema.py [--quick]

Ingests the multi-source test articles into a temporary database with the real
pipeline, issues a write token, starts `armstrace serve --require-token` on
127.0.0.1 (the code on PYTHONPATH), and runs Schemathesis over every operation
of the server's own /openapi.json: examples, boundary values ("coverage"),
random and schema-violating data ("fuzzing") and chained calls ("stateful"),
with the real record, document and event ids added as examples so that the
routes behind an id are reached, not only their 404s.

Checks: not_a_server_error (no 5xx), status_code_conformance (every status is
documented), content_type_conformance, response_schema_conformance (every
error has the one shape), negative_data_rejection (schema-invalid input is a
4xx), ignored_auth (a write without a valid token is refused),
unsupported_method and allow_header_conformance (405 with Allow).
positive_data_acceptance is left out: the server also refuses, with a
documented 400 or 422, what a JSON schema cannot say (29 February of a
non-leap year; a review that gives neither verdict nor correction).

Before Schemathesis, the server defects issue 11 found are probed directly,
one line each: offsets past 2^63, impossible dates, a NUL in `q`, a 10 MB
review, 500,000 unknown keys, a foreign Host, a foreign Origin, a write with
no token, headers on /docs, 405 without Allow, file names in responses.

Prints one line per probe and per phase, the cases run and the failures; exits 1 on any.
Bounded: --max-examples per operation and phase (50, --quick 15), well under
3 minutes on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from http_raw import send  # noqa: E402  (one raw-HTTP client for the tests and this probe)

CORPUS = ROOT / "tests" / "articles" / "multi"
CHECKS = ("not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,"
          "negative_data_rejection,ignored_auth,unsupported_method,allow_header_conformance")
PHASES = "examples,coverage,fuzzing,stateful"
TIME_LIMIT_S = 170


def _armstrace(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "armstrace", *args], capture_output=True, text=True,
                          timeout=timeout, check=False)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read())


def _wait_for(url: str, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"schema: the server exited with {proc.returncode}: {proc.stderr.read() if proc.stderr else ''}")
        try:
            _get(url + "/api/health")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("schema: the server did not answer within 60 s")


def _raw(base: str, method: str, path: str, body: bytes | None = None,
         headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """(status, lower-case headers, body) of one request as a hostile client writes it (tests/http_raw.py)."""
    reply = send(base, method, path, body, headers)
    return reply.status, reply.headers, reply.body


def _probes(base: str, db: Path, token: str) -> list[tuple[str, bool, str]]:
    """(probe, passed, what was seen) for each server defect of issue 11, against the live server."""
    rid = _get(base + "/api/records?limit=1")["items"][0]["id"]
    review = f"/api/records/{rid}/review"
    auth = {"Authorization": f"Bearer {token}"}
    total = _get(base + "/api/records?limit=0")["total"]
    out: list[tuple[str, bool, str]] = []
    offsets = [_raw(base, "GET", f"{path}?offset={2**63}")[0] for path in ("/api/records", "/api/documents", "/api/events")]
    out.append(("offset 2^63 on records, documents, events", offsets == [422] * 3, str(offsets)))
    dates = [_raw(base, "GET", f"/api/records?since={d}")[0] for d in ("2022-13-45", "2023-02-30", "2021-02-29")]
    out.append(("impossible dates", dates == [422] * 3, str(dates)))
    status, _, body = _raw(base, "GET", "/api/records?q=%00")
    matched = json.loads(body).get("total") if status == 200 else 0
    out.append(("NUL in q", status == 422 or matched == 0, f"{status}, {matched} of {total} matched"))
    big = json.dumps({"verdict": "wrong", "corrections": {"speaker": "x" * 10_000_000}}).encode()
    out.append(("10 MB review body", (got := _raw(base, "POST", review, big, auth)[0]) == 413, str(got)))
    keys = json.dumps({f"k{i}": 1 for i in range(500_000)}).encode()
    status, _, body = _raw(base, "POST", review, keys, auth)
    out.append(("500,000 unknown keys", status in (413, 422) and len(body) < 2_000, f"{status}, {len(body)} bytes"))
    keys = json.dumps({f"k{i}": 1 for i in range(3_000)}).encode()
    status, _, body = _raw(base, "POST", review, keys, auth)
    out.append(("3,000 unknown keys under the cap", status == 422 and len(body) < 2_000, f"{status}, {len(body)} bytes"))
    got = _raw(base, "GET", "/api/records", headers={"Host": "rebound.example"})[0]
    out.append(("foreign Host (DNS rebinding)", got == 400, str(got)))
    got = _raw(base, "POST", review, b'{"verdict": "right"}', {**auth, "Origin": "http://evil.example"})[0]
    out.append(("foreign Origin write", got == 403, str(got)))
    got = _raw(base, "POST", review, b'{"verdict": "right", "reviewer": "anyone"}')[0]
    out.append(("write without a token", got == 401, str(got)))
    _, headers, _ = _raw(base, "GET", "/docs")
    csp = headers.get("content-security-policy", "")
    ok = "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp and headers.get("x-content-type-options") == "nosniff"
    out.append(("security headers on /docs", ok, csp[:40] or "none"))
    status, headers, _ = _raw(base, "POST", "/api/health", b"{}")
    out.append(("405 carries Allow", status == 405 and headers.get("allow") == "GET", f"{status} Allow={headers.get('allow')}"))
    bodies = [_raw(base, "GET", path)[2].decode() for path in ("/api/health", "/api/records/0000", "/api/documents?limit=5")]
    leaks = sum(db.name in text or str(db.parent) in text for text in bodies)
    out.append(("no file names in health, errors, documents", leaks == 0, f"{leaks} leaks"))
    return out


def _with_real_ids(spec: dict, base: str) -> tuple[dict, dict[str, int]]:
    """The OpenAPI document with stored ids as examples of the path parameters that take them."""
    ids = {
        "record_id": [item["id"] for item in _get(base + "/api/records?limit=5")["items"]],
        "doc_id": [item["doc_id"] for item in _get(base + "/api/documents?limit=5")["items"]],
        "event_id": [item["event_id"] for item in _get(base + "/api/events?limit=5")["items"]],
    }
    for operations in spec["paths"].values():
        for operation in operations.values():
            for param in operation.get("parameters", []):
                if param.get("in") == "path" and ids.get(param["name"]):
                    param["examples"] = {f"stored{i}": {"value": value} for i, value in enumerate(ids[param["name"]])}
    return spec, {name: len(values) for name, values in ids.items()}


def _run_schemathesis(schema_file: Path, base: str, token: str, examples: int, reports: Path) -> tuple[int, str]:
    command = [sys.executable, "-m", "schemathesis.cli", "run", str(schema_file), "--url", base,
               "--checks", CHECKS, "--phases", PHASES, "--max-examples", str(examples), "--workers", "2",
               "--header", f"Authorization: Bearer {token}", "--request-timeout", "30",
               "--report", "junit", "--report-dir", str(reports), "--warnings", "off"]
    try:
        # cwd: Schemathesis keeps a .schemathesis/ cache where it runs; in the temporary folder it goes with it.
        done = subprocess.run(command, capture_output=True, text=True, timeout=TIME_LIMIT_S, check=False,
                              cwd=schema_file.parent,
                              env={**os.environ, "NO_COLOR": "1", "SCHEMATHESIS_TELEMETRY": "false"})
    except subprocess.TimeoutExpired:
        return 124, f"schemathesis did not finish within {TIME_LIMIT_S} s"
    return done.returncode, done.stdout + done.stderr


def _report(code: int, output: str, elapsed: float, ids: dict[str, int]) -> int:
    """Print one line per phase and the summary; the exit status of the script."""
    text = re.sub(r"\x1b\[[0-9;]*m", "", output)
    for phase in ("Examples", "Coverage", "Fuzzing", "Stateful"):
        # " ✅  Coverage (in 3.10s)", then the phase's lines, indented deeper, blank lines between
        match = re.search(rf"^[^\n]*\b{phase} \(in ([\d.]+m?s)\)[ \t]*\n((?:[ \t]{{3,}}\S[^\n]*\n|[ \t]*\n)+)",
                          text, re.M)
        detail = " ".join(match.group(2).split()) if match else "not run"
        print(f"schema {phase.lower():9} {detail}{f' ({match.group(1)})' if match else ''}")
    cases = re.search(r"Test cases:\s*\n\s*(.+)", text)
    generated = re.search(r"(\d+) generated", cases.group(1)) if cases else None
    failures = re.search(r"(\d+) (?:found \d+ )?unique failures?", text)
    n_failures = int(failures.group(1)) if failures else (0 if code == 0 else 1)
    print(f"schema summary: {generated.group(1) if generated else '?'} cases over the live OpenAPI, "
          f"{n_failures} failures (5xx, undocumented status, wrong shape, accepted invalid input), "
          f"stored ids used: {ids}, {elapsed:.0f} s")
    if code != 0:
        print(text[-6000:], file=sys.stderr)
        return 1
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="15 examples per operation and phase, not 50")
    args = parser.parse_args()
    started = time.monotonic()
    # The servers and Schemathesis run elsewhere than here: a relative PYTHONPATH (src) must still hold.
    paths = [str(Path(p).resolve()) for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if paths:
        os.environ["PYTHONPATH"] = os.pathsep.join(paths)
    with tempfile.TemporaryDirectory(prefix="armstrace-schema-") as tmp:
        db = Path(tmp) / "stress.db"
        ingest = _armstrace("ingest", str(CORPUS), "--db", str(db))
        if ingest.returncode != 0:
            print(f"schema: ingest failed ({ingest.returncode}): {ingest.stderr.strip()}", file=sys.stderr)
            return 1
        token = _armstrace("serve", "--add-token", "schemathesis", "--db", str(db)).stdout.strip()
        port = _free_port()
        base = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen([sys.executable, "-m", "armstrace", "serve", "--db", str(db), "--port", str(port),
                                 "--require-token"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        try:
            _wait_for(base, proc)
            probes = _probes(base, db, token)
            for name, passed, seen in probes:
                print(f"probe {name:44} {'ok' if passed else 'FAILED'} ({seen})")
            spec, ids = _with_real_ids(_get(base + "/openapi.json"), base)
            schema_file = Path(tmp) / "openapi.json"
            schema_file.write_text(json.dumps(spec), encoding="utf-8")
            code, output = _run_schemathesis(schema_file, base, token, 15 if args.quick else 50, Path(tmp) / "reports")
            alive = proc.poll() is None and _get(base + "/api/health")["status"] == "ok"
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    status = _report(code, output, time.monotonic() - started, ids)
    failed_probes = [name for name, passed, _ in probes if not passed]
    print(f"probes: {len(probes) - len(failed_probes)} of {len(probes)} server probes held")
    if failed_probes:
        status = 1
    if not alive:
        print("schema: the server did not survive the run", file=sys.stderr)
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
