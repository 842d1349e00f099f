"""The model server: /predict, /healthz (liveness), /readyz (a champion is loaded), /metrics
(Prometheus text format), with FastAPI.

It serves the registry's `champion` version and checks the alias every RELOAD_INTERVAL_SECONDS
(default 60): promoting a new champion is picked up without a restart, and the served version is
in every answer and in `model_version`. Without a champion the server runs and says so (503 on
/readyz and /predict) instead of crash-looping. With the Level-2 drift module, the features it
sees are compared with the champion's reference statistics and exported as `model_feature_psi`.
"""
from __future__ import annotations

import logging
import os
import threading
import time
from typing import List, Optional

import pandas as pd
from fastapi import FastAPI, HTTPException
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from .config import tracking_config
from .data import FEATURES
from .registry import ModelRegistry, NoChampion
from .tracking import configure

try:  # Level 2 adds usecase/drift.py; Level 1 serves without drift monitoring.
    from .drift import DriftMonitor
except ImportError:  # pragma: no cover - depends on the chosen maturity level
    DriftMonitor = None

log = logging.getLogger(__name__)
APP = tracking_config().model_name
MAX_INSTANCES = 1000


class Features(BaseModel):
    tenure_months: float = Field(ge=0)
    monthly_spend: float = Field(ge=0)
    support_tickets: float = Field(ge=0)
    late_payments: float = Field(ge=0)


class PredictRequest(BaseModel):
    instances: List[Features] = Field(min_length=1, max_length=MAX_INSTANCES)


class ServedModel:
    """The champion currently served, reloaded when the alias moves."""

    def __init__(self, registry: ModelRegistry, reload_interval: float) -> None:
        self.registry = registry
        self.reload_interval = reload_interval
        self.model = None
        self.version: Optional[str] = None
        self.reason = "not loaded yet"
        self.checked_at = 0.0
        self.monitor = None
        self.lock = threading.Lock()

    def refresh(self, force: bool = False) -> None:
        if not force and time.monotonic() - self.checked_at < self.reload_interval:
            return
        with self.lock:
            self.checked_at = time.monotonic()
            try:
                version = self.registry.champion_version()
                if version is None:
                    raise NoChampion(f"model {self.registry.model_name!r} has no champion alias yet")
                if version != self.version:
                    model = self.registry.load(version)
                    monitor = DriftMonitor.for_version(self.registry, version) if DriftMonitor else None
                    self.model, self.version, self.monitor = model, version, monitor
                    log.info("serving %s version %s", self.registry.model_name, version)
                self.reason = ""
            except NoChampion as error:
                self.reason = str(error)
            except Exception as error:  # noqa: BLE001 - registry down: keep serving what is loaded
                self.reason = f"registry unavailable: {error}"
                log.warning("%s", self.reason)


class Counters:
    def __init__(self) -> None:
        self.requests = 0
        self.errors = 0
        self.latency_seconds = 0.0


def create_app(registry: Optional[ModelRegistry] = None, reload_interval: Optional[float] = None) -> FastAPI:
    configure()
    served = ServedModel(
        registry or ModelRegistry(),
        float(os.environ.get("RELOAD_INTERVAL_SECONDS", "60")) if reload_interval is None else reload_interval,
    )
    served.refresh(force=True)
    counters = Counters()
    app = FastAPI(title=APP)

    def unavailable() -> HTTPException:
        return HTTPException(status_code=503, detail=served.reason or "no model loaded")

    @app.get("/healthz")
    def healthz() -> dict:
        return {"status": "ok"}

    @app.get("/readyz")
    def readyz() -> dict:
        served.refresh()
        if served.model is None:
            raise unavailable()
        return {"status": "ready", "modelVersion": served.version}

    @app.get("/metrics", response_class=PlainTextResponse)
    def metrics() -> str:
        lines = [
            f'prediction_requests_total{{app="{APP}"}} {counters.requests}',
            f'prediction_errors_total{{app="{APP}"}} {counters.errors}',
            f'prediction_latency_seconds_sum{{app="{APP}"}} {counters.latency_seconds}',
            f'model_version{{app="{APP}"}} {served.version or 0}',
        ]
        if served.monitor is not None:
            lines += served.monitor.prometheus_lines(APP)
        return "\n".join(lines) + "\n"

    @app.post("/predict")
    def predict(request: PredictRequest) -> dict:
        started = time.perf_counter()
        served.refresh()
        counters.requests += 1
        if served.model is None:
            counters.errors += 1
            raise unavailable()
        frame = pd.DataFrame([instance.model_dump() for instance in request.instances])[FEATURES]
        scores = served.model.predict_proba(frame)[:, 1]
        if served.monitor is not None:
            served.monitor.observe(frame)
        counters.latency_seconds += time.perf_counter() - started
        return {"predictions": [float(s) for s in scores], "modelVersion": served.version}

    return app


def app_from_env() -> FastAPI:
    logging.basicConfig(level=logging.INFO)
    return create_app()
