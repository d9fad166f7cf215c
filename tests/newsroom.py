"""A small news site on 127.0.0.1 for the web, feed and watch tests: real HTTP, real sockets, no mocks.

Pages and feeds are written for these tests and true to public reporting on
arms transfers (dates and parties as reported at the time), so extraction has
records to find. Besides pages it serves what real sites do to a fetcher: a
redirect and a redirect loop, 404, 500, a 503 that recovers, a page slower
than the timeout, one larger than the cap (with and without Content-Length),
an image, ETags with 304, and a feed that gains an entry after its first read;
a body that lies about its Content-Encoding, a redirect to any address
(`/redirect?to=URL`), and every path again under `/no-etag/` without validators.
"""
from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote

IRAN_DRONES = """<!doctype html>
<html><head><meta charset="utf-8"><title>US says Iran supplied drones to Russia</title>
<meta property="article:published_time" content="2022-10-20"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/login">Sign in</a></nav>
<article><h1>US says Iran supplied drones to Russia</h1>
<p>WASHINGTON - Iran has supplied Shahed-136 drones to Russia, the United States said on Thursday,
after Russian forces used the drones against Kyiv.</p>
<p>Iran denied the claim. "We have not supplied any weapons to either side of the war in Ukraine,"
Iran's foreign ministry said.</p></article></body></html>
"""

DPRK_SHELLS = """North Korea ships munitions to Russia, White House says

North Korea has delivered more than 1,000 containers of military equipment and munitions to Russia,
the White House said on Friday.
"""

CHALLENGER = ("<p>LONDON - Britain will supply 14 Challenger 2 tanks to Ukraine, Prime Minister Rishi Sunak "
              "said on Saturday.</p><p>The tanks are to be sent in the coming weeks.</p>")

LEOPARD = """<!doctype html>
<html><head><meta charset="utf-8"><title>Leopard 2 decision</title></head>
<body><article><h1>Germany to send Leopard 2 tanks</h1>
<p>BERLIN - Germany will send 14 Leopard 2 tanks to Ukraine, Chancellor Olaf Scholz said on Wednesday.</p>
<p>Berlin will also allow other countries to re-export their Leopard 2 tanks to Ukraine.</p>
</article></body></html>
"""

HIMARS = ("&lt;p&gt;WASHINGTON - The United States will provide HIMARS rocket systems to Ukraine, "
          "President Joe Biden said on Wednesday.&lt;/p&gt;")

F16 = """<!doctype html>
<html><head><meta charset="utf-8"><title>F-16s for Ukraine</title></head>
<body><article><h1>Netherlands and Denmark to give F-16s</h1>
<p>EINDHOVEN - The Netherlands will deliver F-16 fighter jets to Ukraine, Prime Minister Mark Rutte said
on Sunday.</p></article></body></html>
"""

DPRK_MISSILES = """<!doctype html>
<html><head><meta charset="utf-8"><title>North Korean missiles</title></head>
<body><article><h1>White House: Russia fired North Korean missiles</h1>
<p>WASHINGTON - North Korea has supplied Russia with ballistic missiles, the White House said on Thursday.</p>
<p>Russia fired the North Korean missiles at Ukraine on December 30 and January 2, the White House said.</p>
</article></body></html>
"""


def rss(base: str, *, with_missiles: bool = False) -> str:
    """An RSS 2.0 feed: one entry carrying its full text (content:encoded), one to fetch, maybe a third."""
    third = f"""<item><title>Russia fired North Korean missiles, US says</title>
<link>{base}/news/dprk-missiles.html</link><guid>news-dprk-missiles</guid>
<pubDate>Thu, 04 Jan 2024 18:00:00 GMT</pubDate><description>Ballistic missiles.</description></item>
""" if with_missiles else ""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>Arms Desk</title><link>{base}/</link><description>Arms transfers</description>
<item><title>Britain to send Challenger 2 tanks to Ukraine</title><link>{base}/news/challenger.html</link>
<guid>news-challenger</guid><pubDate>Sat, 14 Jan 2023 16:00:00 GMT</pubDate>
<description>Fourteen tanks.</description><content:encoded><![CDATA[{CHALLENGER}]]></content:encoded></item>
<item><title>Germany to send Leopard 2 tanks to Ukraine</title><link>{base}/news/leopard.html</link>
<guid>news-leopard</guid><pubDate>Wed, 25 Jan 2023 13:00:00 GMT</pubDate>
<description>Scholz decides.</description></item>
{third}</channel></rss>
"""


def atom(base: str) -> str:
    """An Atom feed: one entry with its content, one linking to its page."""
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Arms Desk (Atom)</title><id>urn:armsdesk</id>
<updated>2023-08-20T12:00:00Z</updated>
<entry><title>US to provide HIMARS to Ukraine</title><id>urn:armsdesk:himars</id>
<link rel="alternate" href="{base}/news/himars.html"/><published>2022-06-01T15:00:00Z</published>
<updated>2022-06-01T15:00:00Z</updated><content type="html">{HIMARS}</content></entry>
<entry><title>Netherlands to deliver F-16s to Ukraine</title><id>urn:armsdesk:f16</id>
<link rel="alternate" href="{base}/news/f16.html"/><published>2023-08-20T12:00:00Z</published>
<updated>2023-08-20T12:00:00Z</updated><summary>Rutte in Eindhoven.</summary></entry>
</feed>
"""


@dataclass
class Newsroom:
    """The running site: its `base` URL, the hits per path, headers seen, and pages a test may change."""

    base: str = ""
    hits: Counter = field(default_factory=Counter)
    downloads: Counter = field(default_factory=Counter)   # 200 answers with a body, per path
    user_agents: list[str] = field(default_factory=list)
    pages: dict[str, str] = field(default_factory=dict)   # /changing/<name> -> HTML a test sets
    files: dict[str, tuple[bytes, str]] = field(default_factory=dict)   # /files/<name> -> (body, content type)
    slow_s: float = 3.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def url(self, path: str) -> str:
        return self.base + path


class _Handler(BaseHTTPRequestHandler):
    site: Newsroom   # set on the subclass made per server

    def log_message(self, format: str, *args: object) -> None:   # quiet test output
        pass

    def _send(self, status: int, body: bytes | str, content_type: str = "text/html; charset=utf-8",
              headers: dict[str, str] | None = None) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
        validators = not self.path.startswith("/no-etag/")   # a server that never answers 304
        if validators and status == 200 and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.send_header("ETag", etag)
            self.end_headers()
            return
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        if status == 200:
            if validators:
                self.send_header("ETag", etag)
            with self.site.lock:
                self.site.downloads[self.path] += 1
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        try:
            self.end_headers()
            self.wfile.write(data)
        except (BrokenPipeError, ConnectionResetError):
            pass   # the client gave up first (a timeout test): nothing to report

    def _stream(self, total: int) -> None:
        """A body of `total` bytes with no Content-Length, sent in 64 KB pieces (HTTP/1.0: ends at close)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        piece = b"<p>" + b"Shahed drones. " * 4360 + b"</p>\n"
        try:
            sent = 0
            while sent < total:
                self.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError):
            pass   # the client stopped reading at its cap: what the test wants

    def do_GET(self) -> None:   # one route table, read top to bottom
        site = self.site
        path = self.path.removeprefix("/no-etag")
        with site.lock:
            site.hits[path] += 1
            hits = site.hits[path]
            site.user_agents.append(self.headers.get("User-Agent", ""))
        base = site.base
        pages = {"/news/iran-drones.html": IRAN_DRONES, "/news/leopard.html": LEOPARD, "/news/f16.html": F16,
                 "/news/dprk-missiles.html": DPRK_MISSILES}
        if path in pages:
            self._send(200, pages[path])
        elif path == "/news/dprk-shells.txt":
            self._send(200, DPRK_SHELLS, "text/plain; charset=utf-8")
        elif path in site.files:
            self._send(200, *site.files[path])
        elif path.startswith("/changing/"):
            self._send(200, site.pages[path])
        elif path == "/go/iran-drones":
            self._send(302, "", headers={"Location": "/news/iran-drones.html"})
        elif path.startswith("/redirect?to="):
            self._send(302, "", headers={"Location": unquote(path.split("=", 1)[1])})
        elif path == "/bad-gzip":   # says gzip, sends plain HTML: httpx raises DecodingError reading it
            self._send(200, IRAN_DRONES, headers={"Content-Encoding": "gzip"})
        elif path == "/loop":
            self._send(302, "", headers={"Location": "/loop"})
        elif path.startswith("/broken"):
            self._send(500, "Internal Server Error", "text/plain")
        elif path.startswith("/flaky/"):
            if hits == 1:
                self._send(503, "busy", "text/plain")
            else:
                self._send(200, IRAN_DRONES)
        elif path.startswith("/busy/"):   # 429 asking for a wait (the number after the last "/"), then the page
            if hits == 1:
                self._send(429, "slow down", "text/plain", headers={"Retry-After": path.rsplit("/", 1)[1]})
            else:
                self._send(200, IRAN_DRONES)
        elif path == "/drip":   # a byte now and then: never past the read timeout, never done
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>drip</p>")
                    self.wfile.flush()
                    time.sleep(0.1)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif path == "/feed-as-text-xml":   # many servers label feeds plain XML
            self._send(200, atom(base), "text/xml")
        elif path == "/feed-relative.rss":
            self._send(200, rss(base).replace(f"{base}/news/leopard.html", "news/leopard.html"),
                       "application/rss+xml")
        elif path == "/slow":
            time.sleep(site.slow_s)
            self._send(200, IRAN_DRONES)
        elif path == "/huge":
            self._stream(5_000_000)
        elif path == "/huge-declared":
            self._send(200, b"<p>" + b"x" * 3_000_000 + b"</p>")
        elif path == "/chart.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        elif path == "/feed.rss":
            self._send(200, rss(base), "application/rss+xml; charset=utf-8")
        elif path == "/feed.atom":
            self._send(200, atom(base), "application/atom+xml; charset=utf-8")
        elif path.startswith("/growing/"):   # gains an entry after its first read
            self._send(200, rss(base, with_missiles=hits > 1), "application/rss+xml; charset=utf-8")
        else:
            self._send(404, "Not Found", "text/plain")


@contextmanager
def running_newsroom() -> Iterator[Newsroom]:
    """Start the site on a free port of 127.0.0.1, yield it, and stop it."""
    site = Newsroom()
    handler = type("Handler", (_Handler,), {"site": site})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True   # a /slow handler still sleeping does not hold the test run
    site.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        server.shutdown()
        server.server_close()
