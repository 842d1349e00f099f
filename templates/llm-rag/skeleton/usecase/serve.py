"""The RAG API: POST /ask answers from the documents with cited sources; /healthz (liveness),
/readyz (a provider in the residency region is configured), /metrics (Prometheus).

A provider endpoint outside the residency region is refused at startup (usecase/providers.py):
the server keeps running and answers 503 with the reason, instead of sending documents out of
the region. With the Level-2 drift module, the retrieval score of each question is compared with
the golden set's and exported as `model_feature_psi`. Shadow rollout: a candidate model
(config/llm.yaml `shadow`) answers the same questions in the background; only /metrics sees it.
"""
from __future__ import annotations

import dataclasses
import logging
import threading
from typing import Optional

from fastapi import FastAPI, HTTPException
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from .corpus import DOCUMENTS
from .evaluation import load_cases, normalize
from .generation import Generator
from .providers import ResidencyError, generator_from_settings
from .rag import RagApp
from .retrieval import Index
from .settings import load_settings

try:  # Level 2 adds usecase/drift.py.
    from .drift import DriftMonitor, shares
except ImportError:  # pragma: no cover - depends on the chosen maturity level
    DriftMonitor = None

log = logging.getLogger(__name__)
APP = "${{ values.name }}"


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)


def golden_reference(app: RagApp) -> dict:
    """The retrieval scores of the golden questions: what in-scope questions look like."""
    import numpy as np  # noqa: PLC0415

    scores = [app.ask(case.question).top_score for case in load_cases()]
    edges = np.unique(np.quantile(scores, np.linspace(0, 1, 6)))[1:-1].tolist()
    return {"retrieval_score": {"edges": edges, "shares": shares(scores, edges).tolist()}}


def create_app(generator: Optional[Generator] = None, shadow: Optional[Generator] = None, shadow_in_background: bool = True) -> FastAPI:
    settings = load_settings()
    state = {"app": None, "shadow": None, "reason": "", "describe": {}}
    try:
        chosen = generator or generator_from_settings(settings)
        state["app"] = RagApp(Index(DOCUMENTS), chosen, settings.max_context_documents)
        if shadow is None and settings.shadow_model and generator is None:
            shadow = generator_from_settings(dataclasses.replace(settings, model=settings.shadow_model))
        if shadow is not None:
            state["shadow"] = RagApp(state["app"].index, shadow, settings.max_context_documents)
        state["describe"] = chosen.describe()
        log.info("answering with %s", state["describe"])
    except ResidencyError as error:
        state["reason"] = f"refusing to answer: {error}"
        log.error("%s", state["reason"])
    monitor = None
    if DriftMonitor is not None and state["app"] is not None:
        monitor = DriftMonitor(golden_reference(state["app"]), APP, "golden", window=200)
    counters = {"asked": 0, "unanswered": 0, "shadow_answers": 0, "shadow_disagreements": 0}
    lock = threading.Lock()
    api = FastAPI(title=APP)

    @api.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok"}

    @api.get("/readyz")
    def readyz() -> dict:
        if state["app"] is None:
            raise HTTPException(status_code=503, detail=state["reason"])
        return {"status": "ready", **state["describe"]}

    @api.post("/ask")
    def ask(request: AskRequest) -> dict:
        if state["app"] is None:
            raise HTTPException(status_code=503, detail=state["reason"])
        try:
            answer = state["app"].ask(request.question)
        except ValueError as error:
            raise HTTPException(status_code=422, detail=f"question: {error}") from None
        with lock:
            counters["asked"] += 1
            counters["unanswered"] += not answer.sources
        if monitor is not None:
            monitor.observe({"retrieval_score": [answer.top_score]}, check_in_background=True)
        if state["shadow"] is not None:
            compare = lambda: shadow_answer(request.question, answer.text)  # noqa: E731
            threading.Thread(target=compare, daemon=True).start() if shadow_in_background else compare()
        return {"answer": answer.text, "sources": answer.sources, **state["describe"]}

    def shadow_answer(question: str, returned: str) -> None:
        try:
            candidate = state["shadow"].ask(question).text
        except Exception as error:  # noqa: BLE001 - the shadow must never affect answers
            log.warning("shadow model failed: %s", error)
            return
        with lock:
            counters["shadow_answers"] += 1
            counters["shadow_disagreements"] += normalize(candidate) != normalize(returned)

    @api.get("/metrics", response_class=PlainTextResponse)
    def metrics() -> str:
        lines = [
            f'rag_questions_total{{app="{APP}"}} {counters["asked"]}',
            f'rag_unanswered_total{{app="{APP}"}} {counters["unanswered"]}',
            f'rag_shadow_answers_total{{app="{APP}"}} {counters["shadow_answers"]}',
            f'rag_shadow_disagreements_total{{app="{APP}"}} {counters["shadow_disagreements"]}',
        ]
        if monitor is not None:
            lines += monitor.prometheus_lines(APP)
        return "\n".join(lines) + "\n"

    return api


def app_from_env() -> FastAPI:
    logging.basicConfig(level=logging.INFO)
    return create_app()
