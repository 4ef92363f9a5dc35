"""The JSON twins: every page of the dossier under ``/api``, documented in OpenAPI."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from sitrep.models import ClaimStatus
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
from sitrep.serve.config import ServeConfig
from sitrep.serve.forms import (
    may_write,
    outcome_record,
    read_ingest_form,
    run_ingest,
    write_refusal,
)
from sitrep.serve.ingest import Ingester
from sitrep.serve.params import PageNumber, PerPage, ReaderDep, blank, span_param

# The form is read by hand (to cap each file as it streams in), so its shape is declared.
_INGEST_BODY: dict[str, Any] = {
    "requestBody": {
        "content": {
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "urls": {"type": "string", "description": "http(s) URLs, one per line"},
                        "token": {"type": "string", "description": "or a bearer header"},
                    },
                }
            }
        }
    },
    "responses": {
        "200": {"description": "one outcome per input: origin, status, report_id, message"}
    },
}


def api_router(ingester: Ingester, config: ServeConfig) -> APIRouter:
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
        return r.timeline(blank(date_from), blank(date_to), blank(actor), blank(place),
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
        r: ReaderDep, page: PageNumber = 1, per_page: PerPage = 20
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
        return r.report(report_id, span_param(hl))

    @api.get("/search", response_model=SearchPage)
    def search(
        r: ReaderDep,
        q: Annotated[str, Query(max_length=500)] = "",
        page: PageNumber = 1,
        per_page: PerPage = 20,
    ) -> SearchPage:
        """Full-text search over reports, quotes and claims."""
        return r.search(q, page, per_page)

    @api.post("/ingest", tags=["write"], openapi_extra=_INGEST_BODY)
    async def ingest(request: Request) -> JSONResponse:
        """Add reports: multipart ``files`` and/or ``urls`` (one per line), with the write
        token as ``Authorization: Bearer TOKEN`` (or a ``token`` field)."""
        if not config.writes:
            return JSONResponse({"detail": write_refusal(config)}, status_code=403)
        form = await read_ingest_form(request, config)
        if not may_write(config, form.token):
            return JSONResponse({"detail": write_refusal(config)}, status_code=403)
        if form.error:
            return JSONResponse({"detail": form.error}, status_code=413)
        outcomes = await run_ingest(ingester, form.uploads, form.urls)
        return JSONResponse([outcome_record(outcome) for outcome in outcomes])

    return api
