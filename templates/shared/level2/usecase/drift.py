"""Drift detection where predictions happen: the population stability index (PSI) of each
feature, between the champion's reference statistics (saved with its training run) and a window
of the rows being scored.

PSI < 0.1: stable; 0.1-0.25: watch; > 0.25: drift. The server and the batch job export it as
`model_feature_psi` (the metric monitoring/alerts.yaml alerts on), report a drift-check fact, and
on a breach call RETRAINING_WEBHOOK_URL: the Argo Events webhook in the same cluster (and so the
same residency region), whose sensor submits the training pipeline with trigger=drift.
"""
from __future__ import annotations

import json
import logging
import os
import tempfile
import threading
import urllib.request
from collections import deque
from typing import Dict, Iterable, Mapping, Optional, Sequence

import numpy as np

from .facts import drift_check, report_quietly

log = logging.getLogger(__name__)
DRIFT_THRESHOLD = 0.25
MIN_ROWS = 50
REFERENCE_ARTIFACT = "reference_stats.json"


def population_stability_index(expected_shares: Sequence[float], actual_shares: Sequence[float]) -> float:
    expected = np.clip(np.asarray(expected_shares, dtype=float), 1e-6, None)
    actual = np.clip(np.asarray(actual_shares, dtype=float), 1e-6, None)
    if expected.size == 0 or expected.size != actual.size:
        raise ValueError("both distributions need the same, non-zero number of bins")
    return float(np.sum((actual - expected) * np.log(actual / expected)))


def shares(values: Iterable[float], edges: Sequence[float]) -> np.ndarray:
    values = np.asarray(list(values), dtype=float)
    if values.size == 0:
        raise ValueError("no values to compare with the reference")
    return np.histogram(values, [-np.inf, *edges, np.inf])[0] / values.size


class DriftMonitor:
    """A rolling window of recent rows per feature, compared with the reference on demand."""

    def __init__(self, reference: Mapping[str, dict], model_name: str, version: str, window: int = 1000, threshold: float = DRIFT_THRESHOLD) -> None:
        self.reference = dict(reference)
        self.model_name = model_name
        self.version = str(version)
        self.threshold = threshold
        self.window = {feature: deque(maxlen=window) for feature in self.reference}
        self.seen = 0
        self.check_every = window
        self.lock = threading.Lock()

    @classmethod
    def for_version(cls, registry, version: str, **kwargs) -> "DriftMonitor":
        """The reference statistics logged by the run that trained this model version."""
        import mlflow  # noqa: PLC0415 - only the production paths need the registry

        with tempfile.TemporaryDirectory() as scratch:
            path = mlflow.artifacts.download_artifacts(run_id=registry.run_id(version), artifact_path=REFERENCE_ARTIFACT, dst_path=scratch)
            with open(path) as handle:
                reference = json.load(handle)
        return cls(reference, registry.model_name, version, **kwargs)

    def observe(self, rows: Mapping[str, Sequence[float]], check_in_background: bool = False) -> None:
        with self.lock:
            for feature, values in self.window.items():
                values.extend(float(v) for v in rows[feature])
            count = len(rows[next(iter(self.window))])
            self.seen += count
            due = self.seen >= self.check_every
            if due:
                self.seen = 0
        if due and check_in_background:
            threading.Thread(target=self.check, daemon=True).start()

    def psi(self) -> Dict[str, float]:
        with self.lock:
            if min(len(v) for v in self.window.values()) < MIN_ROWS:
                return {}
            return {
                feature: population_stability_index(self.reference[feature]["shares"], shares(values, self.reference[feature]["edges"]))
                for feature, values in self.window.items()
            }

    def prometheus_lines(self, app: str) -> list:
        return [
            f'model_feature_psi{{app="{app}",feature="{feature}",model_version="{self.version}"}} {value:.6f}'
            for feature, value in sorted(self.psi().items())
        ]

    def check(self, window_id: Optional[str] = None) -> dict:
        """Measures, reports the drift-check fact and, on a breach, asks for retraining."""
        features = self.psi()
        breached = any(value > self.threshold for value in features.values())
        result = {"features": features, "threshold": self.threshold, "breached": breached, "modelVersion": self.version}
        if not features:
            return result
        check_id = f"{self.model_name}/{self.version}/{window_id or os.urandom(6).hex()}"
        report_quietly([drift_check(check_id, features, self.threshold, breached)])
        if breached:
            result["retraining"] = request_retraining(self.model_name, self.version, features)
        return result


def request_retraining(model_name: str, version: str, features: Dict[str, float], url: Optional[str] = None) -> str:
    """Calls the in-cluster retraining webhook; returns what happened, for the logs and tests."""
    url = url if url is not None else os.environ.get("RETRAINING_WEBHOOK_URL", "")
    if not url:
        log.warning("drift on %s version %s but RETRAINING_WEBHOOK_URL is not set", model_name, version)
        return "not requested: RETRAINING_WEBHOOK_URL is not set"
    body = json.dumps({"trigger": "drift", "model": model_name, "version": version, "psi": features}).encode()
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return f"requested: HTTP {response.status}"
    except OSError as error:
        log.warning("retraining webhook failed: %s", error)
        return f"failed: {error}"
