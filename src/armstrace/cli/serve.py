"""`armstrace serve`: the JSON API and the dashboard over one database, and its write tokens."""
from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import typer

from ..settings import DEFAULT_ALLOWED_HOSTS, Settings
from .app import DbOption, app, err_console

WILDCARDS = ("0.0.0.0", "::", "")


def is_loopback(host: str) -> bool:
    """True for names and addresses only this machine can reach (127.0.0.0/8, ::1, localhost)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(host: str, extra: list[str]) -> tuple[str, ...]:
    """The Host names to answer to: loopback, the bound address, `extra` and the settings' list.

    Bound to every interface, the server also answers to this machine's own names; any other
    name a client uses (a DNS alias, a reverse proxy's) must be given with --allow-host.
    """
    names = [*DEFAULT_ALLOWED_HOSTS, *extra, *Settings().allowed_hosts]
    if host in WILDCARDS:
        names += [socket.gethostname(), socket.getfqdn()]
    elif not is_loopback(host):
        names.append(host)
    return tuple(dict.fromkeys(name for name in names if name))


def _print(message: str) -> None:
    err_console.print(message, markup=False, highlight=False)


@app.command()
def serve(
    db: Path = DbOption,
    host: str = typer.Option("127.0.0.1", "--host", help="Interface to listen on (0.0.0.0 for every one); "
                             "anything but loopback requires a token for every write."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, help="TCP port."),
    require_token: bool = typer.Option(False, "--require-token",
                                       help="Require a write token even on loopback."),
    allow_host: list[str] = typer.Option([], "--allow-host", help=(
        "Also answer to this Host name (repeatable; env ARMSTRACE_ALLOWED_HOSTS, comma-separated; "
        "'*' any, which gives up the DNS-rebinding check).")),
    token_name: str | None = typer.Option(None, "--token-name",
                                          help="Name of the first write token (default: your user name)."),
    add_token: str | None = typer.Option(None, "--add-token", metavar="NAME", help=(
        "Issue a write token for NAME (replacing NAME's earlier one), print it once and exit.")),
) -> None:
    """Serve the dashboard at / and the JSON API under /api (OpenAPI docs at /docs).

    On its first start over a database it issues a write token, prints it once and keeps
    only its hash in DB.tokens beside the database (mode 0600); --add-token NAME issues
    one for another reviewer. Reviews are recorded under the token's name.

    Example: armstrace serve --db armstrace.db --port 8000
    """
    from ..api.tokens import ensure_first_token, issue_token, tokens_path

    if add_token is not None:
        print(issue_token(db, add_token))
        _print(f"token for {add_token.strip()!r} stored (hashed) in {tokens_path(db)}; "
               "give it to them, it is not shown again")
        return

    import uvicorn  # imported here: the other commands should not pay for the web stack

    from ..api import create_app

    if not db.is_file():
        _print(f"note: {db} does not exist yet; serving an empty database (fill it with `armstrace ingest`)")
    served = allowed_hosts(host, allow_host)
    # Any name but loopback (a bound address, an --allow-host alias or proxy, '*') lets requests
    # from elsewhere reach the server: then every write needs a token.
    required = require_token or not is_loopback(host) or any(not is_loopback(name) for name in served)
    try:
        token = ensure_first_token(db, token_name)
    except OSError as exc:
        if required:
            raise typer.BadParameter(f"cannot write {tokens_path(db)} ({exc})", param_hint="--db") from None
        token = None
        _print(f"note: cannot write {tokens_path(db)} ({exc}); writes from this machine need no token")
    if token:
        _print(f"write token (shown once; only its hash is kept in {tokens_path(db)}): {token}")
    _print("writes need a token (Authorization: Bearer TOKEN; the dashboard asks for it once)" if required
           else "writes from this machine need no token (--require-token to require one)")
    url_host = "127.0.0.1" if host in WILDCARDS else host
    _print(f"armstrace dashboard: http://{url_host}:{port}/  (API docs: /docs; Ctrl-C stops)")
    uvicorn.run(create_app(db, allowed_hosts=served, require_token=required),
                host=host, port=port, log_level="warning")

