"""Web addresses -> bytes, politely and within limits: `fetch()` with httpx.

A news site that is slow, huge, redirecting in circles or briefly down must
cost a bounded wait and one line naming the address, never a hung batch: every
request has connect and read timeouts, the body is counted while it streams
(and dropped past the cap), redirects are bounded, and connection errors and
429/5xx answers are retried with exponential back-off (honouring Retry-After).
Fetching is pure input: no database here.
"""
from __future__ import annotations

import re
import time
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.request import getproxies
from datetime import UTC, datetime

import httpx

from .. import settings
from ..addresses import is_address, origin, private_address
from ..version import __version__
from .files import Skipped

USER_AGENT = f"armstrace/{__version__} (+https://pypi.org/project/armstrace/; arms-transfer research)"
# 429 Too Many Requests and the 5xx a server sends when it is briefly unwell: worth another try.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})
# A Retry-After longer than this is not waited for: the address fails and the batch goes on.
MAX_RETRY_AFTER_S = 60.0
_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)


@dataclass(frozen=True)
class FetchOptions:
    """How long to wait, how much to accept, how often to retry (`--timeout`, `--max-bytes`, `--retries`)."""

    timeout: float = settings.DEFAULT_TIMEOUT_S        # connect and read, each
    max_bytes: int = settings.DEFAULT_MAX_BYTES
    retries: int = settings.DEFAULT_RETRIES
    backoff: float = 1.0           # first wait between tries, doubled each time
    max_redirects: int = 5         # browsers allow 20; a news page needs 1 or 2
    # A server that sends a byte every few seconds never trips the read timeout: the whole
    # download is bounded too.
    deadline: float = 120.0


@dataclass(frozen=True)
class Fetched:
    """One answer: the address asked for, where it ended (after redirects), and the body."""

    address: str
    final_url: str
    status: int
    content_type: str              # "text/html", lower case, without parameters ("" when not said)
    charset: str | None
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        """The server answered 304: nothing changed since the validators sent."""
        return self.status == 304


__all__ = ["FetchOptions", "Fetched", "RefusedAddress", "client", "fetch", "is_address", "unique"]


class RefusedAddress(Exception):
    """A request (a feed's link, a redirect hop) to a host that is not public and that the user did not name."""

    def __init__(self, url: str, ip: str) -> None:
        super().__init__(f"refused {url}: {ip} is not a public address (loopback, private, link-local or "
                         "metadata); name its host on the command line to fetch it")


def _refuse_private(trusted: Collection[tuple[str, int]]) -> Callable[[httpx.Request], None]:
    """An httpx request hook (it runs for every redirect hop too) refusing non-public hosts not in `trusted`."""
    def check(request: httpx.Request) -> None:
        where = origin(str(request.url))
        if where is None or where in trusted:
            return
        ip = private_address(*where)
        if ip is not None:
            raise RefusedAddress(str(request.url), ip)
    return check


def _refuse_private_peer(trusted: Collection[tuple[str, int]]) -> Callable[[httpx.Response], None]:
    """An httpx response hook: the address actually connected to, checked before the body is read.

    The request hook asked DNS; a name can answer a public address then and a
    private one at connect time (DNS rebinding). The socket's peer cannot lie.
    """
    def check(response: httpx.Response) -> None:
        where = origin(str(response.request.url))
        stream = response.extensions.get("network_stream")
        peer = stream.get_extra_info("server_addr") if stream is not None else None
        if where is None or where in trusted or not peer:
            return
        ip = private_address(str(peer[0]), int(peer[1]))
        if ip is not None:
            raise RefusedAddress(str(response.request.url), ip)
    return check


def client(options: FetchOptions, trusted: Collection[tuple[str, int]] = ()) -> httpx.Client:
    """An httpx client with the timeouts, redirect bound and User-Agent of `options`.

    Args:
        trusted: (host, port) pairs the user named; any other host that is not public is refused.
    """
    return httpx.Client(
        timeout=httpx.Timeout(options.timeout),
        follow_redirects=True,
        max_redirects=options.max_redirects,
        event_hooks={"request": [_refuse_private(trusted)],
                     # Through a proxy (HTTP_PROXY...) the peer is the proxy: only the request's host can be checked.
                     "response": [] if getproxies() else [_refuse_private_peer(trusted)]},
        headers={"User-Agent": USER_AGENT,
                 "Accept": "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
                           "application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5"},
    )


def _retry_after(response: httpx.Response) -> float | None:
    """Seconds the server asks us to wait (Retry-After: seconds or an HTTP date), if it says."""
    value = response.headers.get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError, IndexError):
        return None


def _read_capped(response: httpx.Response, address: str, options: FetchOptions) -> bytes | Skipped:
    """The body, counted while it streams: past `max_bytes` or the deadline it is dropped, not kept."""
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > options.max_bytes:
        return Skipped(address, f"{int(declared)} bytes is over the {options.max_bytes}-byte limit "
                                "(raise it with --max-bytes)")
    started = time.monotonic()
    chunks: list[bytes] = []
    size = 0
    for chunk in response.iter_bytes():
        size += len(chunk)
        if size > options.max_bytes:
            return Skipped(address, f"over the {options.max_bytes}-byte limit after {size} bytes "
                                    "(raise it with --max-bytes)")
        if time.monotonic() - started > options.deadline:
            return Skipped(address, f"download still running after {options.deadline:g} s; gave up")
        chunks.append(chunk)
    return b"".join(chunks)


def _answer(response: httpx.Response, address: str, options: FetchOptions) -> Fetched | Skipped:
    """A final (not retried) response as Fetched, or the Skipped naming its HTTP status."""
    if response.status_code == 304:
        body: bytes | Skipped = b""
    elif response.status_code >= 400:
        return Skipped(address, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
    else:
        body = _read_capped(response, address, options)
    if isinstance(body, Skipped):
        return body
    content_type = response.headers.get("content-type", "")
    charset = _CHARSET.search(content_type)
    return Fetched(address=address, final_url=str(response.url), status=response.status_code,
                   content_type=content_type.split(";")[0].strip().lower(),
                   charset=charset.group(1) if charset else None, body=body,
                   etag=response.headers.get("etag"), last_modified=response.headers.get("last-modified"))


def _validators(etag: str | None, last_modified: str | None) -> dict[str, str]:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return headers


def fetch(http: httpx.Client, address: str, options: FetchOptions, *, etag: str | None = None,
          last_modified: str | None = None, sleep: Callable[[float], None] = time.sleep) -> Fetched | Skipped:
    """GET `address`: the answer, or a Skipped naming the address and the HTTP status or network problem.

    Args:
        etag, last_modified: validators from an earlier fetch; an unchanged page answers 304 (`not_modified`).
    """
    headers = _validators(etag, last_modified)
    for attempt in range(options.retries + 1):
        wait = options.backoff * 2 ** attempt
        last = attempt == options.retries
        try:
            with http.stream("GET", address, headers=headers) as response:
                if response.status_code in RETRY_STATUSES and not last:
                    asked = _retry_after(response)
                    if asked is not None and asked > MAX_RETRY_AFTER_S:
                        return Skipped(address, f"HTTP {response.status_code} {response.reason_phrase}, "
                                                f"retry after {asked:.0f} s; try later")
                    sleep(asked if asked is not None else wait)
                    continue
                return _answer(response, address, options)
        except httpx.TooManyRedirects:
            return Skipped(address, f"more than {options.max_redirects} redirects")
        except (httpx.ReadTimeout, httpx.WriteTimeout, httpx.PoolTimeout):
            # Not retried: a server too slow once is usually as slow again, and each try costs a timeout.
            return Skipped(address, f"no answer within {options.timeout:g} s (timeout; raise it with --timeout)")
        except (httpx.UnsupportedProtocol, httpx.InvalidURL) as exc:
            return Skipped(address, f"not a web address armstrace can fetch ({exc})")
        except RefusedAddress as exc:
            return Skipped(address, str(exc))
        except httpx.TransportError as exc:   # refused, reset, DNS, connect timeout: the network, maybe briefly
            if last:
                return Skipped(address, f"cannot connect ({_transport_problem(exc)}) after {attempt + 1} tries")
            sleep(wait)
        except httpx.HTTPError as exc:   # a body that does not decode (Content-Encoding: gzip, not gzip), ...
            return Skipped(address, f"unreadable answer ({_transport_problem(exc)})")
    raise AssertionError("unreachable: the last attempt always returns")


def _transport_problem(exc: httpx.HTTPError) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def unique(addresses: Iterable[str]) -> list[str]:
    """Addresses in order, each once (a fragment does not make a new page)."""
    seen: dict[str, None] = {}
    for address in addresses:
        seen.setdefault(address.strip().split("#", 1)[0], None)
    return list(seen)
