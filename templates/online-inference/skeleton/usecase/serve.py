"""The model server: /predict, /healthz (liveness), /readyz (a champion is loaded), /metrics
(Prometheus text format), with FastAPI.

It serves the registry's `champion` version (and shadows the `challenger`, if any: scored, measured
in /metrics, never returned) and checks the alias every RELOAD_INTERVAL_SECONDS
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

    def __init__(self, registry: ModelRegistry, reload_interval: float, alias: Optional[str] = None) -> None:
        self.registry = registry
        self.alias = alias or registry.champion_alias
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
                version = self.registry.version_with_alias(self.alias)
                if version is None:
                    raise NoChampion(f"model {self.registry.model_name!r} has no {self.alias} alias yet")
                if version != self.version:
                    model = self.registry.load(version)
                    monitor = DriftMonitor.for_version(self.registry, version) if DriftMonitor and self.alias == self.registry.champion_alias else None
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
        self.shadow_predictions = 0
        self.shadow_abs_difference = 0.0


def create_app(registry: Optional[ModelRegistry] = None, reload_interval: Optional[float] = None) -> FastAPI:
    configure()
    served = ServedModel(
        registry or ModelRegistry(),
        float(os.environ.get("RELOAD_INTERVAL_SECONDS", "60")) if reload_interval is None else reload_interval,
    )
    served.refresh(force=True)
    # Shadow rollout: a registered challenger (a candidate the gate did not promote) scores the
    # same rows; its answers are only measured, never returned.
    shadow = ServedModel(served.registry, served.reload_interval, alias="challenger")
    shadow.refresh(force=True)
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
            f'shadow_predictions_total{{app="{APP}",model_version="{shadow.version or 0}"}} {counters.shadow_predictions}',
            f'shadow_abs_difference_sum{{app="{APP}",model_version="{shadow.version or 0}"}} {counters.shadow_abs_difference}',
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
        shadow.refresh()
        if shadow.model is not None and shadow.version != served.version:
            counters.shadow_predictions += len(frame)
            counters.shadow_abs_difference += float(abs(shadow.model.predict_proba(frame)[:, 1] - scores).sum())
        if served.monitor is not None:
            served.monitor.observe(frame)
        counters.latency_seconds += time.perf_counter() - started
        return {"predictions": [float(s) for s in scores], "modelVersion": served.version}

    return app


def app_from_env() -> FastAPI:
    logging.basicConfig(level=logging.INFO)
    return create_app()
