"""The HTML pages, each rendered from the same ``Reader`` query as its JSON twin."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from sitrep.models import ClaimStatus
from sitrep.report.html import render
from sitrep.serve.config import ServeConfig
from sitrep.serve.forms import may_write, read_ingest_form, run_ingest, write_refusal
from sitrep.serve.ingest import Ingester
from sitrep.serve.params import LINKS, PageParam, ReaderDep, blank, megabytes, span_param


def page_router(ingester: Ingester, config: ServeConfig) -> APIRouter:
    pages = APIRouter(include_in_schema=False)

    def page(request: Request, part: str, title: str, section: str, **context: Any) -> HTMLResponse:
        api_path = request.url.path.rstrip("/") or ""
        query = f"?{request.url.query}" if request.url.query else ""
        html = render("base.html", LINKS, part=part, title=title, section=section,
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
        view = r.timeline(blank(date_from), blank(date_to), blank(actor), blank(place),
                          page_number)  # fmt: skip
        return page(request, "timeline.html", "Timeline", "timeline", timeline=view)

    @pages.get("/stories")
    def stories_page(request: Request, r: ReaderDep, page_number: PageParam = 1) -> HTMLResponse:
        return page(request, "stories.html", "Stories", "stories", stories=r.stories(page_number))

    @pages.get("/stories/{story_id}")
    def story_page(request: Request, r: ReaderDep, story_id: int) -> HTMLResponse:
        view = r.story(story_id)
        return page(request, "story.html", view.story.title, "stories", story_page=view)

    @pages.get("/actors")
    def actors_page(request: Request, r: ReaderDep, page_number: PageParam = 1) -> HTMLResponse:
        return page(request, "actors.html", "Actors", "actors", actors=r.actors(page_number))

    @pages.get("/actors/{actor_id}")
    def actor_page(
        request: Request, r: ReaderDep, actor_id: int, page_number: PageParam = 1
    ) -> HTMLResponse:
        view = r.actor(actor_id, page_number)
        return page(request, "actor.html", view.actor.name, "actors", actor_page=view)

    @pages.get("/quotes")
    def quotes_page(request: Request, r: ReaderDep, page_number: PageParam = 1) -> HTMLResponse:
        families = r.quote_families(page_number)
        return page(request, "quotes.html", "Quotes", "quotes", families=families)

    @pages.get("/quotes/{family_id}")
    def family_page(request: Request, r: ReaderDep, family_id: int) -> HTMLResponse:
        view = r.quote_family(family_id)
        return page(request, "quote_family.html", "Quote family", "quotes", family_view=view)

    @pages.get("/claims")
    def claims_page(
        request: Request,
        r: ReaderDep,
        status: ClaimStatus | None = None,
        page_number: PageParam = 1,
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
    def reports_page(request: Request, r: ReaderDep, page_number: PageParam = 1) -> HTMLResponse:
        return page(request, "reports.html", "Reports", "reports", reports=r.reports(page_number))

    @pages.get("/reports/{report_id}")
    def report_page(
        request: Request, r: ReaderDep, report_id: int, hl: str | None = None
    ) -> HTMLResponse:
        view = r.report(report_id, span_param(hl))
        title = view.report.title or f"Report {report_id}"
        return page(request, "report.html", title, "reports", report_page=view)

    @pages.get("/search")
    def search_page(
        request: Request,
        r: ReaderDep,
        q: Annotated[str, Query(max_length=500)] = "",
        page_number: PageParam = 1,
    ) -> HTMLResponse:
        view = r.search(q, page_number)
        return page(request, "search.html", f"Search: {q}" if q else "Search", "search",
                    search=view, query=q)  # fmt: skip

    @pages.get("/ingest")
    def ingest_form(request: Request) -> HTMLResponse:
        return page(request, "ingest.html", "Add reports", "ingest", outcomes=[],
                    max_upload=megabytes(config.max_upload_bytes))  # fmt: skip

    @pages.post("/ingest")
    async def ingest_submit(request: Request) -> HTMLResponse:
        form = await read_ingest_form(request, config) if config.writes else None
        if form is None or not may_write(config, form.token):
            return refusal(request, 403, "Not allowed", write_refusal(config))
        if form.error:
            return refusal(request, 413, "Too large", form.error)
        outcomes = await run_ingest(ingester, form.uploads, form.urls)
        return page(request, "ingest.html", "Add reports", "ingest", outcomes=outcomes,
                    max_upload=megabytes(config.max_upload_bytes))  # fmt: skip

    def refusal(request: Request, status: int, title: str, message: str) -> HTMLResponse:
        response = page(request, "error.html", title, "ingest", status=title, message=message)
        response.status_code = status
        return response

    return pages


def _with_api(response: HTMLResponse, path: str) -> HTMLResponse:
    response.headers["Link"] = f'</api{path}>; rel="alternate"; type="application/json"'
    return response
