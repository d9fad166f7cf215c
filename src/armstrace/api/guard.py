"""The outermost wall: Host and Origin allow-lists, a body size cap, and security headers.

`Guard` wraps the whole application, error handling included, so that every
response (the dashboard, /docs, a 404, a 500, a refused request) carries the
same security headers, and no request reaches a route unless:

- its Host header names this server (loopback names by default): a page on
  evil.example that re-binds its DNS name to 127.0.0.1 sends `Host:
  evil.example` and is refused, so it cannot read the API from the victim's
  browser (DNS rebinding);
- its Origin header, when a browser sends one, is this very server: another
  site cannot make the browser write a review (CSRF), whatever the body type;
- its body is at most `max_body_bytes`: the body is read, counted and replayed
  before the application sees it, so a 10 MB review or an endless chunked
  stream is refused with 413 without being parsed or stored.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)
LOOPBACK_HOSTS: tuple[str, ...] = ("127.0.0.1", "localhost", "::1")
# A review is a verdict and a few corrected fields: a few hundred bytes. 64 KiB leaves room
# for long speaker names and lists while refusing dumps.
DEFAULT_MAX_BODY_BYTES = 65_536
# A refused body is read and dropped up to this size before the 413 goes out: a client that sends
# its whole body before reading (Python's http.client, most scripts) then sees the 413 and not a
# reset connection. Past it, the server answers at once and closes.
DRAIN_BYTES = 32_000_000


class _TooLarge(Exception):
    pass


def host_name(value: str) -> str:
    """The host of a Host header or netloc, lower-case, without port or IPv6 brackets."""
    value = value.strip().lower()
    if value.startswith("["):
        host, _, rest = value[1:].partition("]")
        return host if rest == "" or (rest.startswith(":") and rest[1:].isdigit()) else ""
    if value.count(":") == 1:
        host, port = value.split(":")
        return host if port.isdigit() else ""   # ("127.0.0.1:evil" names no host of ours)
    return value


def _same_origin(origin: str, host: str) -> bool:
    """An Origin is scheme://host[:port] and nothing more; this server's names its Host. (Either web
    scheme: behind a TLS proxy the browser's is https while this server speaks http.)"""
    parts = urlsplit(origin)
    return parts.scheme in ("http", "https") and parts.netloc.lower() == host.lower() and not parts.path \
        and not parts.query and not parts.fragment


class Guard:
    """ASGI middleware: refuse foreign hosts, foreign origins and large bodies; add security headers."""

    def __init__(self, app: ASGIApp, *, allowed_hosts: Iterable[str] = LOOPBACK_HOSTS,
                 max_body_bytes: int = DEFAULT_MAX_BODY_BYTES) -> None:
        self.app = app
        hosts = {host_name(host) for host in allowed_hosts if host.strip()}
        self.any_host = "*" in hosts
        self.allowed_hosts = frozenset(hosts - {"*"})
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {name.lower() for name, _ in message.get("headers", [])}
                extra = [(name, value) for name, value in SECURITY_HEADERS if name not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        refusal = self._refusal(scope)
        if refusal is not None:
            await _error(send_with_headers, *refusal)
            return
        try:
            body = await self._read_body(scope, receive)
        except _TooLarge:
            await _drain(scope, receive)
            await _error(send_with_headers, 413, f"request body larger than {self.max_body_bytes:,} bytes")
            return
        await self.app(scope, _replay(body, receive), send_with_headers)

    def _refusal(self, scope: Scope) -> tuple[int, str] | None:
        """(status, message) when the Host or Origin is not this server's, else None."""
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope["headers"]}
        host = headers.get("host", "")
        if not self.any_host and host_name(host) not in self.allowed_hosts:
            return 400, "Host header not allowed (start the server with --allow-host NAME to serve that name)"
        origin = headers.get("origin")
        if origin is not None and origin != "null" and not _same_origin(origin, host):
            return 403, "cross-origin request refused (Origin is not this server)"
        if origin == "null" and scope["method"] not in ("GET", "HEAD", "OPTIONS"):
            return 403, "cross-origin request refused (Origin: null)"
        return None

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole request body (None when the method carries none); _TooLarge past the cap."""
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body_bytes):
            raise _TooLarge
        if length is None and b"transfer-encoding" not in headers:
            return None
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                raise _TooLarge
            chunks.append(chunk)
            more = message.get("more_body", False)
        return b"".join(chunks)


async def _drain(scope: Scope, receive: Receive) -> None:
    """Read and drop the rest of a refused body, up to DRAIN_BYTES (see there)."""
    length = dict(scope["headers"]).get(b"content-length", b"")
    if length.isdigit() and int(length) > DRAIN_BYTES:
        return
    dropped = 0
    while dropped <= DRAIN_BYTES:
        message = await receive()
        if message["type"] != "http.request":
            return
        dropped += len(message.get("body", b""))
        if not message.get("more_body", False):
            return


def _replay(body: bytes | None, receive: Receive) -> Receive:
    """A `receive` that hands the application the body already read, then the real channel."""
    if body is None:
        return receive
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _error(send: Send, status: int, message: str) -> None:
    """The API's one error shape, sent before the application runs."""
    body = json.dumps({"error": message, "status": status}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if status == 413:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
