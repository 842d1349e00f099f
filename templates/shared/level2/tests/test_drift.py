"""Drift: the PSI against reference statistics, the exported metric, the fact and the retraining call."""
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import numpy as np
import pytest

from usecase.drift import DriftMonitor, population_stability_index, shares


def reference_of(values, bins=10):
    edges = np.quantile(values, np.linspace(0, 1, bins + 1))[1:-1].tolist()
    return {"edges": edges, "shares": shares(values, edges).tolist()}


@pytest.fixture
def webhook(monkeypatch):
    calls = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            calls.append(json.loads(self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    monkeypatch.setenv("RETRAINING_WEBHOOK_URL", f"http://127.0.0.1:{server.server_port}/drift")
    yield calls
    server.shutdown()


def monitor(rng):
    return DriftMonitor({"a": reference_of(rng.normal(0, 1, 5000)), "b": reference_of(rng.normal(0, 1, 5000))}, "m", "3")


def test_the_same_distribution_is_stable_and_requests_nothing(webhook, portal):
    rng = np.random.default_rng(1)
    watch = monitor(rng)
    watch.observe({"a": rng.normal(0, 1, 800), "b": rng.normal(0, 1, 800)})
    result = watch.check("w1")
    assert not result["breached"] and max(result["features"].values()) < 0.1
    assert webhook == []
    [fact] = portal.facts("drift-check")
    assert fact["id"] == "m/3/w1" and fact["data"]["breached"] is False and fact["data"]["statistic"] == "psi"


def test_a_shifted_feature_is_exported_reported_and_triggers_retraining(webhook, portal):
    rng = np.random.default_rng(2)
    watch = monitor(rng)
    watch.observe({"a": rng.normal(1.5, 1, 800), "b": rng.normal(0, 1, 800)})
    lines = watch.prometheus_lines("app")
    assert any(line.startswith('model_feature_psi{app="app",feature="a",model_version="3"}') for line in lines)
    result = watch.check("w2")
    assert result["breached"] and result["features"]["a"] > 0.25 > result["features"]["b"]
    assert result["retraining"] == "requested: HTTP 200"
    assert webhook[0]["trigger"] == "drift" and webhook[0]["version"] == "3"
    assert portal.facts("drift-check")[0]["data"]["breached"] is True


def test_too_few_rows_measure_nothing():
    rng = np.random.default_rng(3)
    watch = monitor(rng)
    watch.observe({"a": [0.1] * 10, "b": [0.1] * 10})
    assert watch.psi() == {} and watch.check()["breached"] is False


def test_mismatched_bins_are_refused():
    with pytest.raises(ValueError):
        population_stability_index([0.5, 0.5], [1.0])
