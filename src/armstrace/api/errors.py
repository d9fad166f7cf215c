"""One error shape for every error the API returns: `{"error": "...", "status": 404}`.

Clients (the dashboard, scripts, curl users) then need one code path for
failures, whether the cause is an unknown id, a bad query parameter (422), a
route that does not exist, or a bug (500).
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from ..errors import ArmstraceError, BadInput, NotFound, SchemaTooNew, UsageError

log = logging.getLogger("armstrace.api")

_STATUS_OF: tuple[tuple[type[ArmstraceError], int], ...] = (
    (NotFound, 404),
    (BadInput, 400),
    (UsageError, 400),
    (SchemaTooNew, 500),
)


def error_response(message: str, status: int) -> JSONResponse:
    """The one error body, with its status code."""
    return JSONResponse({"error": message, "status": status}, status_code=status)


def _armstrace_error(request: Request, exc: Exception) -> JSONResponse:
    status = next((code for kind, code in _STATUS_OF if isinstance(exc, kind)), 400)
    return error_response(str(exc), status)


def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail)
    if exc.status_code == 404 and message == "Not Found":
        message = f"{request.url.path}: no such page (the API is under /api; see /docs)"
    return error_response(message, exc.status_code)


def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = []
    for err in exc.errors():
        where = ".".join(str(part) for part in err.get("loc", ()))
        problems.append(f"{where}: {err.get('msg', 'invalid')}")
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
