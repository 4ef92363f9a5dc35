"""Who may talk to the app, and the headers and limits every answer carries."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.report.html import render
from sitrep.serve.config import ServeConfig
from sitrep.serve.params import LINKS, megabytes
from sitrep.serve.security import (
    SECURITY_HEADERS,
    bearer_token,
    tokens_match,
)

TOKEN_COOKIE = "sitrep_token"
TOKEN_NEEDED = (
    "this server needs its token: open it once with ?token=TOKEN, "
    "or send Authorization: Bearer TOKEN"
)
Handler = Callable[[Request], Awaitable[Response]]


def guard(config: ServeConfig) -> Callable[[Request, Handler], Awaitable[Response]]:
    """The middleware that asks for the token beyond loopback and secures every answer."""

    async def guarded(request: Request, call_next: Handler) -> Response:
        if config.token_for_reads and config.write_token:
            given = request.query_params.get("token")
            if given is not None and tokens_match(given, config.write_token):
                # A link with ?token= signs the browser in, then drops the token from the URL.
                response: Response = RedirectResponse(request.url.remove_query_params("token"), 303)
                response.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict")
                return secured(response)
            presented = bearer_token(request.headers.get("authorization")) or request.cookies.get(
                TOKEN_COOKIE
            )
            if not tokens_match(presented, config.write_token):
                return secured(JSONResponse({"detail": TOKEN_NEEDED}, status_code=401))
        return secured(await call_next(request))

    return guarded


def secured(response: Response) -> Response:
    response.headers.update(SECURITY_HEADERS)
    return response


class BodyLimit:
    """Refuses a request whose body is over ``max_bytes`` (413) before anything reads it
    whole: by its declared length, or by counting as it streams in."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await too_large(self.max_bytes)(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise _BodyTooLarge
            return message

        try:
            await self.app(scope, counted, send)
        except _BodyTooLarge:
            await too_large(self.max_bytes)(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


def too_large(max_bytes: int) -> Response:
    return secured(JSONResponse(
        {"detail": f"the upload is over the {megabytes(max_bytes)} cap; "
                   "restart sitrep serve with a larger --max-upload-mb to allow it"},
        status_code=413))  # fmt: skip


async def not_found(request: Request, error: Exception) -> Response:
    message = str(error) or "not found"
    if request.url.path.startswith("/api/"):
        return secured(JSONResponse({"detail": message}, status_code=404))
    config: ServeConfig = request.app.state.config
    html = render("base.html", LINKS, part="error.html", title="Not found", section="",
                  inline=False, writes=config.writes, status="Not found",
                  message=message[:1].upper() + message[1:] + ".")  # fmt: skip
    return secured(HTMLResponse(html, status_code=404))
