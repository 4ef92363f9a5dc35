"""The web app: every page of the dossier as HTML and, under ``/api``, as JSON, both
served by the same ``Reader`` query; adding reports when a write token is set.

Who may do what:
- reads need nothing on loopback; beyond it (``token_for_reads``) every request needs
  the token, as a bearer header or the cookie that ``?token=`` sets;
- writes need the write token itself, in the form or a bearer header (never a cookie, so
  another site cannot make a visitor's browser post reports);
- every answer carries the security headers (a strict Content-Security-Policy).
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sitrep.errors import OversizedInput
from sitrep.models import ClaimStatus, IngestOutcome, TextSpan
from sitrep.report.html import WebLinks, render
from sitrep.report.pages import ActorCard as ActorCardView
from sitrep.report.pages import (
    ActorPage,
    ClaimGroupView,
    Overview,
    Paged,
    QuoteFamilyView,
    ReportPage,
    ReportRef,
    SearchPage,
    StoryCard,
    StoryPage,
    TimelineView,
)
from sitrep.report.views import NotFound, Reader
from sitrep.serve.config import ServeConfig
from sitrep.serve.ingest import Ingester, Upload
from sitrep.serve.security import (
    SECURITY_HEADERS,
    bearer_token,
    read_capped,
    tokens_match,
)
from sitrep.serve.stores import StoreOpener, StorePool
from sitrep.store import open_store

TOKEN_COOKIE = "sitrep_token"
_TOKEN_NEEDED = (
    "this server needs its token: open it once with ?token=TOKEN, "
    "or send Authorization: Bearer TOKEN"
)
MAX_PER_PAGE = 200
_LINKS = WebLinks()

PageNumber = Annotated[int, Query(ge=1, description="1-based page number")]
PerPage = Annotated[int, Query(ge=1, le=MAX_PER_PAGE)]


def create_app(config: ServeConfig, open_reader: StoreOpener | None = None) -> FastAPI:
    """The app over ``config``'s store; ``open_reader`` opens a store (tests pass one with a
    stand-in embedder), by default the configured one."""
    opener = open_reader or (lambda: open_store(config.settings.db))
    pool = StorePool(opener)
    ingester = Ingester(config, pool)
    app = FastAPI(
        title="sitrep",
        summary="A sourced situation report over a store of news reports.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.config = config
    app.state.pool = pool

    app.include_router(_api_router(ingester, config), prefix="/api")
    app.include_router(_page_router(ingester, config))
    static = resources.files("sitrep.report").joinpath("static")
    app.mount("/static", StaticFiles(directory=Path(str(static))), name="static")
    app.add_exception_handler(NotFound, _not_found)
    app.middleware("http")(_guard(config))
    app.add_middleware(BodyLimit, max_bytes=config.max_upload_bytes)
    app.router.on_shutdown.append(pool.close)
    return app


# -- JSON -----------------------------------------------------------------------------------


def _reader(request: Request) -> Reader:
    """A page's reader over this thread's connection."""
    pool: StorePool = request.app.state.pool
    return Reader(pool.reader())


ReaderDep = Annotated[Reader, Depends(_reader)]


def _api_router(ingester: Ingester, config: ServeConfig) -> APIRouter:
    api = APIRouter(tags=["dossier"])

    @api.get("/overview", response_model=Overview)
    def overview(r: ReaderDep) -> Overview:
        """Sources, the largest stories, key actors, open conflicts, what is planned."""
        return r.overview()

    @api.get("/timeline", response_model=TimelineView)
    def timeline(
        r: ReaderDep,
        date_from: Annotated[
            str | None, Query(alias="from", description="TIMEX3: 2013, 2013-09")
        ] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        actor: Annotated[str | None, Query(description="a name or alias, any script")] = None,
        place: str | None = None,
        page: PageNumber = 1,
        per_page: PerPage = 100,
    ) -> TimelineView:
        """Dated entries in date order, each with every source sentence."""
        return r.timeline(_blank(date_from), _blank(date_to), _blank(actor), _blank(place),
                          page, per_page)  # fmt: skip

    @api.get("/stories", response_model=Paged[StoryCard])
    def stories(r: ReaderDep, page: PageNumber = 1, per_page: PerPage = 50) -> Paged[StoryCard]:
        return r.stories(page, per_page)

    @api.get("/stories/{story_id}", response_model=StoryPage)
    def story(r: ReaderDep, story_id: int) -> StoryPage:
        """A story: its reports side by side with their quotes and claims."""
        return r.story(story_id)

    @api.get("/actors", response_model=Paged[ActorCardView])
    def actors(r: ReaderDep, page: PageNumber = 1, per_page: PerPage = 50) -> Paged[ActorCardView]:
        return r.actors(page, per_page)

    @api.get("/actors/{actor_id}", response_model=ActorPage)
    def actor(
        r: ReaderDep, actor_id: int, page: PageNumber = 1, per_page: PerPage = 50
    ) -> ActorPage:
        """An actor: aliases, roles over time, company, quotes, stories, mentions."""
        return r.actor(actor_id, page, per_page)

    @api.get("/quotes", response_model=Paged[QuoteFamilyView])
    def quotes(
        r: ReaderDep, page: PageNumber = 1, per_page: PerPage = 50
    ) -> Paged[QuoteFamilyView]:
        """Quote families, the most quoted first: one utterance in every version."""
        return r.quote_families(page, per_page)

    @api.get("/quotes/{family_id}", response_model=QuoteFamilyView)
    def quote_family(r: ReaderDep, family_id: int) -> QuoteFamilyView:
        return r.quote_family(family_id)

    @api.get("/claims", response_model=Paged[ClaimGroupView])
    def claims(
        r: ReaderDep,
        status: ClaimStatus | None = None,
        page: PageNumber = 1,
        per_page: PerPage = 50,
    ) -> Paged[ClaimGroupView]:
        """Claim groups: corroborated, single-source or contested, sources side by side."""
        return r.claims(status, page, per_page)

    @api.get("/claims/{group_id}", response_model=ClaimGroupView)
    def claim_group(r: ReaderDep, group_id: int) -> ClaimGroupView:
        return r.claim_group(group_id)

    @api.get("/reports", response_model=Paged[ReportRef])
    def reports(r: ReaderDep, page: PageNumber = 1, per_page: PerPage = 50) -> Paged[ReportRef]:
        return r.reports(page, per_page)

    @api.get("/reports/{report_id}", response_model=ReportPage)
    def report(
        r: ReaderDep,
        report_id: int,
        hl: Annotated[str | None, Query(description="START-END: the span to highlight")] = None,
    ) -> ReportPage:
        """A report's clean text cut into highlighted segments, with its metadata."""
        return r.report(report_id, _span(hl))

    @api.get("/search", response_model=SearchPage)
    def search(
        r: ReaderDep,
        q: Annotated[str, Query(max_length=500)] = "",
        page: PageNumber = 1,
        per_page: PerPage = 20,
    ) -> SearchPage:
        """Full-text search over reports, quotes and claims."""
        return r.search(q, page, per_page)

    @api.post("/ingest", tags=["write"])
    async def ingest(request: Request) -> JSONResponse:
        """Add reports: multipart ``files`` and/or ``urls`` (one per line), with the write
        token as ``Authorization: Bearer TOKEN`` (or a ``token`` field)."""
        if not config.writes:
            return JSONResponse({"detail": _write_refusal(config)}, status_code=403)
        form = await _read_ingest_form(request, config)
        if not _may_write(config, form.token):
            return JSONResponse({"detail": _write_refusal(config)}, status_code=403)
        if form.error:
            return JSONResponse({"detail": form.error}, status_code=413)
        outcomes = await _run_ingest(ingester, form.uploads, form.urls)
        return JSONResponse([_outcome_record(outcome) for outcome in outcomes])

    return api


# -- HTML -----------------------------------------------------------------------------------


def _page_router(ingester: Ingester, config: ServeConfig) -> APIRouter:
    pages = APIRouter(include_in_schema=False)

    def page(request: Request, part: str, title: str, section: str, **context: Any) -> HTMLResponse:
        api_path = request.url.path.rstrip("/") or ""
        query = f"?{request.url.query}" if request.url.query else ""
        html = render("base.html", _LINKS, part=part, title=title, section=section,
                      inline=False, writes=config.writes, api_path=api_path + query,
                      **context)  # fmt: skip
        return HTMLResponse(html)

    @pages.get("/healthz")
    def healthz() -> dict[str, bool]:
        return {"ok": True}

    @pages.get("/")
    def overview_page(request: Request, r: ReaderDep) -> HTMLResponse:
        response = page(request, "overview.html", "Overview", "overview", overview=r.overview())
        return _with_api(response, "/overview")

    @pages.get("/timeline")
    def timeline_page(
        request: Request,
        r: ReaderDep,
        date_from: Annotated[str | None, Query(alias="from")] = None,
        date_to: Annotated[str | None, Query(alias="to")] = None,
        actor: str | None = None,
        place: str | None = None,
        page_number: Annotated[int, Query(alias="page", ge=1)] = 1,
    ) -> HTMLResponse:
        view = r.timeline(_blank(date_from), _blank(date_to), _blank(actor), _blank(place),
                          page_number)  # fmt: skip
        return page(request, "timeline.html", "Timeline", "timeline", timeline=view)

    @pages.get("/stories")
    def stories_page(request: Request, r: ReaderDep, page_number: _Page = 1) -> HTMLResponse:
        return page(request, "stories.html", "Stories", "stories", stories=r.stories(page_number))

    @pages.get("/stories/{story_id}")
    def story_page(request: Request, r: ReaderDep, story_id: int) -> HTMLResponse:
        view = r.story(story_id)
        return page(request, "story.html", view.story.title, "stories", story_page=view)

    @pages.get("/actors")
    def actors_page(request: Request, r: ReaderDep, page_number: _Page = 1) -> HTMLResponse:
        return page(request, "actors.html", "Actors", "actors", actors=r.actors(page_number))

    @pages.get("/actors/{actor_id}")
    def actor_page(
        request: Request, r: ReaderDep, actor_id: int, page_number: _Page = 1
    ) -> HTMLResponse:
        view = r.actor(actor_id, page_number)
        return page(request, "actor.html", view.actor.name, "actors", actor_page=view)

    @pages.get("/quotes")
    def quotes_page(request: Request, r: ReaderDep, page_number: _Page = 1) -> HTMLResponse:
        families = r.quote_families(page_number)
        return page(request, "quotes.html", "Quotes", "quotes", families=families)

    @pages.get("/quotes/{family_id}")
    def family_page(request: Request, r: ReaderDep, family_id: int) -> HTMLResponse:
        view = r.quote_family(family_id)
        return page(request, "quote_family.html", "Quote family", "quotes", family_view=view)

    @pages.get("/claims")
    def claims_page(
        request: Request, r: ReaderDep, status: ClaimStatus | None = None, page_number: _Page = 1
    ) -> HTMLResponse:
        groups = r.claims(status, page_number)
        counts = {key.value: value for key, value in r.store.totals().claim_groups.items()}
        return page(request, "claims.html", "Claims", "claims", groups=groups,
                    status=status.value if status else None, counts=counts)  # fmt: skip

    @pages.get("/claims/{group_id}")
    def group_page(request: Request, r: ReaderDep, group_id: int) -> HTMLResponse:
        view = r.claim_group(group_id)
        return page(request, "claim_group.html", f"Claim group {group_id}", "claims", group=view)

    @pages.get("/reports")
    def reports_page(request: Request, r: ReaderDep, page_number: _Page = 1) -> HTMLResponse:
        return page(request, "reports.html", "Reports", "reports", reports=r.reports(page_number))

    @pages.get("/reports/{report_id}")
    def report_page(
        request: Request, r: ReaderDep, report_id: int, hl: str | None = None
    ) -> HTMLResponse:
        view = r.report(report_id, _span(hl))
        title = view.report.title or f"Report {report_id}"
        return page(request, "report.html", title, "reports", report_page=view)

    @pages.get("/search")
    def search_page(
        request: Request,
        r: ReaderDep,
        q: Annotated[str, Query(max_length=500)] = "",
        page_number: _Page = 1,
    ) -> HTMLResponse:
        view = r.search(q, page_number)
        return page(request, "search.html", f"Search: {q}" if q else "Search", "search",
                    search=view, query=q)  # fmt: skip

    @pages.get("/ingest")
    def ingest_form(request: Request) -> HTMLResponse:
        return page(request, "ingest.html", "Add reports", "ingest", outcomes=[],
                    max_upload=_megabytes(config.max_upload_bytes))  # fmt: skip

    @pages.post("/ingest")
    async def ingest_submit(request: Request) -> HTMLResponse:
        form = await _read_ingest_form(request, config) if config.writes else None
        if form is None or not _may_write(config, form.token):
            return refusal(request, 403, "Not allowed", _write_refusal(config))
        if form.error:
            return refusal(request, 413, "Too large", form.error)
        outcomes = await _run_ingest(ingester, form.uploads, form.urls)
        return page(request, "ingest.html", "Add reports", "ingest", outcomes=outcomes,
                    max_upload=_megabytes(config.max_upload_bytes))  # fmt: skip

    def refusal(request: Request, status: int, title: str, message: str) -> HTMLResponse:
        response = page(request, "error.html", title, "ingest", status=title, message=message)
        response.status_code = status
        return response

    return pages


_Page = Annotated[int, Query(alias="page", ge=1)]


def _with_api(response: HTMLResponse, path: str) -> HTMLResponse:
    response.headers["Link"] = f'</api{path}>; rel="alternate"; type="application/json"'
    return response


# -- requests -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class IngestForm:
    token: str | None
    uploads: list[Upload]
    urls: list[str]
    error: str | None = None  # a file over the cap: nothing of the form is ingested


async def _read_ingest_form(request: Request, config: ServeConfig) -> IngestForm:
    """The token, uploads and URLs of an ingest form, each file read within the cap."""
    form = await request.form(max_files=100, max_fields=20)
    try:
        token = _text(form.get("token")) or bearer_token(request.headers.get("authorization"))
        urls = (_text(form.get("urls")) or "").splitlines()
        uploads: list[Upload] = []
        for item in form.getlist("files"):
            if isinstance(item, str) or not item.filename:
                continue
            chunks = [chunk async for chunk in _chunks(item, config.settings.max_input_bytes)]
            uploads.append((item.filename, read_capped(chunks, config.settings.max_input_bytes,
                                                       item.filename)))  # fmt: skip
    except OversizedInput as error:
        return IngestForm(token, [], [], f"{error.origin}: {error.reason}")
    finally:
        await form.close()
    return IngestForm(token, uploads, urls)


async def _chunks(upload: UploadFile, max_bytes: int, size: int = 1 << 16) -> AsyncIterator[bytes]:
    """An upload's bytes in chunks, stopping one chunk past ``max_bytes`` (enough for the
    cap to see it is over)."""
    read = 0
    while chunk := await upload.read(size):
        yield chunk
        read += len(chunk)
        if read > max_bytes:
            return


async def _run_ingest(
    ingester: Ingester, uploads: list[Upload], urls: list[str]
) -> list[IngestOutcome]:

    return await run_in_threadpool(ingester.ingest, uploads, urls)


def _outcome_record(outcome: IngestOutcome) -> dict[str, Any]:
    return {"origin": outcome.origin, "status": outcome.status.value,
            "report_id": outcome.report_id, "message": outcome.message}  # fmt: skip


def _may_write(config: ServeConfig, token: str | None) -> bool:
    return config.write_token is not None and tokens_match(token, config.write_token)


def _write_refusal(config: ServeConfig) -> str:
    if not config.writes:
        return (
            "adding reports is off: start sitrep serve with --write-token (or SITREP_WRITE_TOKEN)"
        )
    return "the write token is missing or wrong"


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _blank(value: str | None) -> str | None:
    return value.strip() or None if value is not None else None


def _span(value: str | None) -> TextSpan | None:
    """``"120-180"`` as a span; anything else is no span (a bad link still opens the page)."""
    if not value:
        return None
    start, _, end = value.partition("-")
    if not (start.isdigit() and end.isdigit()) or int(end) <= int(start):
        return None
    return TextSpan(int(start), int(end))


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.0f} MB"


# -- guards ---------------------------------------------------------------------------------


def _guard(
    config: ServeConfig,
) -> Callable[[Request, Callable[[Request], Awaitable[Response]]], Awaitable[Response]]:
    async def guard(
        request: Request, call_next: Callable[[Request], Awaitable[Response]]
    ) -> Response:
        if config.token_for_reads and config.write_token:
            given = request.query_params.get("token")
            if given is not None and tokens_match(given, config.write_token):
                # A link with ?token= signs the browser in, then drops the token from the URL.
                response: Response = RedirectResponse(request.url.remove_query_params("token"), 303)
                response.set_cookie(TOKEN_COOKIE, given, httponly=True, samesite="strict")
                return _secured(response)
            presented = bearer_token(request.headers.get("authorization")) or request.cookies.get(
                TOKEN_COOKIE
            )
            if not tokens_match(presented, config.write_token):
                return _secured(JSONResponse({"detail": _TOKEN_NEEDED}, status_code=401))
        return _secured(await call_next(request))

    return guard


def _secured(response: Response) -> Response:
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
            await _too_large(self.max_bytes)(scope, receive, send)
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
            await _too_large(self.max_bytes)(scope, receive, send)


class _BodyTooLarge(Exception):
    pass


def _too_large(max_bytes: int) -> Response:
    return _secured(JSONResponse(
        {"detail": f"the upload is over the {_megabytes(max_bytes)} cap; "
                   "restart sitrep serve with a larger --max-upload-mb to allow it"},
        status_code=413))  # fmt: skip


async def _not_found(request: Request, error: Exception) -> Response:
    message = str(error) or "not found"
    if request.url.path.startswith("/api/"):
        return _secured(JSONResponse({"detail": message}, status_code=404))
    config: ServeConfig = request.app.state.config
    html = render("base.html", _LINKS, part="error.html", title="Not found", section="",
                  inline=False, writes=config.writes, status="Not found",
                  message=message[:1].upper() + message[1:] + ".")  # fmt: skip
    return _secured(HTMLResponse(html, status_code=404))
