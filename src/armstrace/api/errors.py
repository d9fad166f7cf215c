"""One error shape for every error the API returns: `{"error": "...", "status": 404}`.

Clients (the dashboard, scripts, curl users) then need one code path for
failures, whether the cause is an unknown id, a bad query parameter (422), a
route that does not exist, or a bug (500).
"""
from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import ArmstraceError, BadInput, BadValue, NotFound, SchemaTooNew, UsageError
from ..resolve import AmbiguousName, UnknownName
from .tokens import Unauthorized

log = logging.getLogger("armstrace.api")

_STATUS_OF: tuple[tuple[type[ArmstraceError], int], ...] = (
    (Unauthorized, 401),
    (NotFound, 404),
    (UnknownName, 422),
    (AmbiguousName, 422),
    (BadValue, 422),
    (BadInput, 400),
    (UsageError, 400),
    (SchemaTooNew, 500),
)


# An error names what is wrong, it does not echo the request back: a body of 5,000 unknown keys
# once came back as a 4.4 MB error. Past these sizes the message is cut and says how much was left out.
MAX_MESSAGE_CHARS = 600
MAX_PROBLEMS = 5
MAX_LOCATION_CHARS = 60


def error_response(message: str, status: int, headers: Mapping[str, str] | None = None,
                   extra: Mapping[str, object] | None = None) -> JSONResponse:
    """The one error body, with its status code; the message at most MAX_MESSAGE_CHARS long.

    `extra` adds fields a client can act on: `suggestions` for an unknown name,
    `choices` for an ambiguous one, `allowed` for a value outside a vocabulary.
    """
    if len(message) > MAX_MESSAGE_CHARS:
        message = message[:MAX_MESSAGE_CHARS] + f"… ({len(message) - MAX_MESSAGE_CHARS:,} more characters)"
    return JSONResponse({"error": message, "status": status, **(extra or {})}, status_code=status, headers=headers)


def _without_paths(request: Request, message: str) -> str:
    """`message` with the database's path and file name replaced: clients never learn server paths."""
    path: Path | None = getattr(request.app.state, "db_path", None)
    if path is None:
        return message
    for form in sorted({str(path.resolve()), str(path), path.resolve().as_uri(), path.name}, key=len, reverse=True):
        message = message.replace(form, "the database")
    return message


def _armstrace_error(request: Request, exc: Exception) -> JSONResponse:
    status = next((code for kind, code in _STATUS_OF if isinstance(exc, kind)), 400)
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    extra = {name: getattr(exc, name) for name in ("suggestions", "choices", "allowed") if hasattr(exc, name)}
    return error_response(_without_paths(request, str(exc)), status, headers, extra)


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"{request.url.path[:MAX_LOCATION_CHARS]}: no such page (the API is under /api; see /docs)"
    # A 405 keeps its Allow header, a 401 its WWW-Authenticate.
    return error_response(message, exc.status_code, exc.headers)


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    problems = []
    for err in errors[:MAX_PROBLEMS]:
        where = ".".join(str(part) for part in err.get("loc", ()))
        if len(where) > MAX_LOCATION_CHARS:
            where = where[:MAX_LOCATION_CHARS] + "…"
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
    if len(errors) > MAX_PROBLEMS:
        problems.append(f"and {len(errors) - MAX_PROBLEMS:,} more problems")
    return error_response("; ".join(problems) or "invalid request", 422)


def _server_error(request: Request, exc: Exception) -> JSONResponse:
    # The traceback goes to the server log, never to the client.
    log.error("%s %s failed", request.method, request.url.path, exc_info=exc)
    return error_response(f"internal error ({type(exc).__name__}); the server log has the details", 500)


def install_error_handlers(app: FastAPI) -> None:
    """Route every kind of failure through the one error shape."""
    app.add_exception_handler(ArmstraceError, _armstrace_error)
    app.add_exception_handler(HTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(Exception, _server_error)
