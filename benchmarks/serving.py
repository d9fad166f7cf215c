"""The armstrace API over real HTTP for benchmarks: one uvicorn server per database, side by side."""
from __future__ import annotations

import http.client
import socket
import sqlite3
import threading
import time
from pathlib import Path
from types import TracebackType


class Servers:
    """uvicorn serving `create_app(db)` for each named database on a free port of 127.0.0.1, in threads."""

    def __init__(self, dbs: dict[str, Path]) -> None:
        self.dbs = dbs
        self._running: dict[str, tuple[object, threading.Thread, socket.socket]] = {}
        self._connections: dict[str, http.client.HTTPConnection] = {}

    def __enter__(self) -> Servers:
        import uvicorn

        from armstrace.api import create_app

        for name, db in self.dbs.items():
            # IPPROTO_TCP, not 0: asyncio sets TCP_NODELAY only on sockets that say they are TCP (as
            # `armstrace serve`'s are); without it a keep-alive response under 64 KB waited ~40 ms for a
            # delayed ACK (Nagle), which the API figures measured instead of the API.
            sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
            sock.bind(("127.0.0.1", 0))
            server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning", lifespan="on"))
            thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
            thread.start()
            deadline = time.monotonic() + 30
            while not server.started:
                if not thread.is_alive() or time.monotonic() > deadline:
                    raise RuntimeError(f"the API server for {db} did not start")
                time.sleep(0.01)
            self._running[name] = (server, thread, sock)
            self._connections[name] = http.client.HTTPConnection("127.0.0.1", sock.getsockname()[1], timeout=60)
        return self

    def __exit__(self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None) -> None:
        for conn in self._connections.values():
            conn.close()
        for server, thread, sock in self._running.values():
            server.should_exit = True   # type: ignore[attr-defined]
            thread.join(timeout=10)
            sock.close()

    def get_ms(self, name: str, path: str) -> float:
        """Milliseconds for one GET of `path` on the server of `name`, body read whole (keep-alive)."""
        conn = self._connections[name]
        started = time.perf_counter()
        conn.request("GET", path, headers={"Host": "127.0.0.1", "Accept": "application/json"})
        response = conn.getresponse()
        body = response.read()
        elapsed = (time.perf_counter() - started) * 1000
        if response.status != 200:
            raise RuntimeError(f"GET {path} answered {response.status}: {body[:200]!r}")
        return elapsed

    def largest_event(self, name: str) -> str:
        """The id of the event with the most claims in the database of `name` (the heaviest event page)."""
        with sqlite3.connect(f"file:{self.dbs[name]}?mode=ro", uri=True) as con:
            row = con.execute("SELECT event_id FROM event_claims GROUP BY event_id ORDER BY count(*) DESC, event_id "
                              "LIMIT 1").fetchone()
        if row is None:
            raise RuntimeError(f"{self.dbs[name]} has no events")
        return str(row[0])
