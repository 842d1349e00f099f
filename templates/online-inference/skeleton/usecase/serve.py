"""The model server: /predict, /healthz (liveness), /readyz (model loaded) and /metrics
(Prometheus text format), with FastAPI."""
from __future__ import annotations

import time
from typing import List, Optional

import pandas as pd
from fastapi import FastAPI, HTTPException
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from .data import FEATURES
from .pipeline import MODEL_NAME
from .registry import ModelRegistry, registry_from_env


class Features(BaseModel):
    tenure_months: float = Field(ge=0)
    monthly_spend: float = Field(ge=0)
    support_tickets: float = Field(ge=0)
    late_payments: float = Field(ge=0)


MAX_INSTANCES = 1000


class PredictRequest(BaseModel):
    # Length limits are checked in the handler: the syntax differs between pydantic 1 and 2.
    instances: List[Features]


def as_dict(model: BaseModel) -> dict:
    return model.model_dump() if hasattr(model, "model_dump") else model.dict()


class Metrics:
    def __init__(self) -> None:
        self.requests = 0
        self.errors = 0
        self.latency_seconds = 0.0

    def render(self, model_version: Optional[int]) -> str:
        return "\n".join(
            [
                f'prediction_requests_total{{app="{MODEL_NAME}"}} {self.requests}',
                f'prediction_errors_total{{app="{MODEL_NAME}"}} {self.errors}',
                f'prediction_latency_seconds_sum{{app="{MODEL_NAME}"}} {self.latency_seconds}',
                f'model_version{{app="{MODEL_NAME}"}} {model_version or 0}',
                "",
            ]
        )


def create_app(registry: Optional[ModelRegistry] = None) -> FastAPI:
    app = FastAPI(title=MODEL_NAME)
    metrics = Metrics()
    state = {"model": None, "version": None}
    registry = registry or registry_from_env()

    def load() -> None:
        try:
            state["model"] = registry.load(MODEL_NAME)
            state["version"] = registry.production_version(MODEL_NAME)
        except LookupError:
            state["model"] = None

    load()

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz() -> dict:
        if state["model"] is None:
            load()
        if state["model"] is None:
            raise HTTPException(status_code=503, detail="no model version registered yet")
        return {"status": "ready", "modelVersion": state["version"]}

    @app.get("/metrics", response_class=PlainTextResponse)
    def prometheus_metrics() -> str:
        return metrics.render(state["version"])

    @app.post("/predict")
    def predict(request: PredictRequest) -> dict:
        started = time.perf_counter()
        if not 1 <= len(request.instances) <= MAX_INSTANCES:
            raise HTTPException(status_code=422, detail=f"instances: expected 1 to {MAX_INSTANCES} items")
        metrics.requests += 1
        if state["model"] is None:
            metrics.errors += 1
            raise HTTPException(status_code=503, detail="no model version registered yet")
        frame = pd.DataFrame([as_dict(instance) for instance in request.instances])[FEATURES]
        scores = state["model"].predict_proba(frame)[:, 1]
        metrics.latency_seconds += time.perf_counter() - started
        return {"predictions": [float(s) for s in scores], "modelVersion": state["version"]}

    return app


def app_from_env() -> FastAPI:
    return create_app()
