"""Web addresses: what counts as one, and which hosts armstrace refuses to fetch unless the user named them.

Standard library only: the API imports `is_address` to answer documents, and
must not load the readers (trafilatura, pypdf, httpx, feedparser) to do it.

A feed is written by someone else: an entry link (or a redirect) to
127.0.0.1, 10.x, 169.254.169.254 (the cloud metadata service) or any other
address that is not public would make armstrace fetch what only this machine
can reach and store it where the dashboard serves it (SSRF). Such hosts are
fetched only when the user named that host and port themselves.
"""
from __future__ import annotations

import ipaddress
import re
import socket
from urllib.parse import urlsplit

_ADDRESS = re.compile(r"^https?://[^\s/?#]+", re.IGNORECASE)


def is_address(text: str) -> bool:
    """True for an http(s) web address (what `armstrace ingest` fetches rather than opens)."""
    return bool(_ADDRESS.match(text.strip()))


def origin(address: str) -> tuple[str, int] | None:
    """(host, port) of `address`, lower case, the port filled in from the scheme; None when it has no host."""
    try:
        parts = urlsplit(address.strip())
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError:   # "http://[oops/": not an address at all
        return None
    return (parts.hostname.lower(), port) if parts.hostname else None


def _not_public(ip: str) -> bool:
    address = ipaddress.ip_address(ip.split("%", 1)[0])   # fe80::1%eth0: the zone is no part of the address
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped   # ::ffff:127.0.0.1 is loopback too
    # is_global is False for loopback, private, link-local (metadata), CGNAT, reserved and documentation ranges.
    return not address.is_global


def private_address(host: str, port: int) -> str | None:
    """The first non-public IP address `host` stands for (itself, or what DNS answers); None when all are public."""
    try:
        return host if _not_public(host.strip("[]")) else None
    except ValueError:
        pass   # a name, not an IP address: ask DNS
    try:
        answers = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return None   # unresolvable: the fetch itself fails and says so
    return next((str(info[4][0]) for info in answers if _not_public(str(info[4][0]))), None)
