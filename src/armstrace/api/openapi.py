"""The OpenAPI document states every status code a route can answer, with the one error shape.

FastAPI documents 200 and 422 by itself; the rest come from the layers around
the routes (the Guard's 400, 403 and 413, NotFound's 404, the token's 401), so
they are added here, per operation, from what the operation takes: a path
parameter can be unknown (404), a write needs a token (401).
"""
from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

ERROR_SCHEMA = {
    "title": "Error",
    "type": "object",
    "required": ["error", "status"],
    "properties": {
        "error": {"type": "string"}, "status": {"type": "integer"},
        "suggestions": {"type": "array", "items": {"type": "string"},
                        "description": "422, a name no actor or weapon has: the closest names, as \"Name (id)\"."},
        "choices": {"type": "array", "items": {"type": "string"},
                    "description": "422, a name several actors or weapons have: each of them."},
        "allowed": {"type": "array", "items": {"type": "string"},
                    "description": "422, a correction outside its vocabulary: the values that would do."},
    },
}
_EVERY_ROUTE = {
    "400": "Bad request: a Host header this server does not serve, or a value the route cannot use.",
    "403": "Refused: a cross-origin request (its Origin is not this server).",
    "413": "The request body is larger than the server accepts.",
    "422": "A parameter or body field does not match this schema, a name no actor or weapon has "
           "(`suggestions`) or several have (`choices`), or a correction outside its vocabulary (`allowed`).",
}
_WITH_PATH_PARAMETER = {"404": "No such id."}
WHOAMI = "/api/whoami"
_WRITE = {"401": "No token, or an unknown one: this server requires a token for writes (Authorization: Bearer)."}


def _error_response(description: str) -> dict[str, Any]:
    return {"description": description,
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def document_errors(app: FastAPI) -> None:
    """Make `app.openapi()` list every error status of every operation, and how writes authenticate.

    A write's `security` says what this server does: a bearer token, required or (on loopback
    without --require-token) optional.
    """

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, description=app.description,
                                 routes=app.routes)
            components = schema.setdefault("components", {})
            components.setdefault("schemas", {})["Error"] = ERROR_SCHEMA
            components["securitySchemes"] = {"token": {
                "type": "http", "scheme": "bearer",
                "description": "A write token (`armstrace serve --add-token NAME`); reviews are recorded under its name."}}
            required = bool(getattr(app.state, "require_token", False))
            for path, operations in schema.get("paths", {}).items():
                for method, operation in operations.items():
                    write = method in ("post", "put", "patch", "delete")
                    wanted = {**_EVERY_ROUTE, **(_WITH_PATH_PARAMETER if "{" in path else {}),
                              **(_WRITE if write or path == WHOAMI else {})}
                    responses = operation.setdefault("responses", {})
                    for code, description in wanted.items():
                        responses[code] = _error_response(description)
                    if write or path == WHOAMI:  # whoami answers without a token too (reviewer: null)
                        operation["security"] = [{"token": []}] if required and write else [{"token": []}, {}]
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
