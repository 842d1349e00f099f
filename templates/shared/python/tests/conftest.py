"""Shared fixtures: an MLflow store (the real server the test script starts when
MLFLOW_TRACKING_URI is set, else a throwaway SQLite store) and a stand-in for the portal's fact API."""
from __future__ import annotations

import json
import os
import threading
import uuid
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest


@pytest.fixture(scope="session", autouse=True)
def tracking_uri(tmp_path_factory):
    # Runs from a scratch directory: a local store would otherwise put ./mlruns in the project.
    scratch = tmp_path_factory.mktemp("mlflow")
    os.chdir(scratch)
    uri = os.environ.get("MLFLOW_TRACKING_URI") or f"sqlite:///{scratch}/mlflow.db"
    os.environ["MLFLOW_TRACKING_URI"] = uri
    # A failing server call should fail the test in seconds, not after MLflow's two-minute backoff.
    os.environ.setdefault("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "1")
    return uri


@pytest.fixture
def model_name():
    """A registered model of its own per test, so tests sharing one server do not see each other's champion."""
    return f"test-{uuid.uuid4().hex[:10]}"


class FactReceiver:
    """Speaks the portal's POST /api/mlops/facts: checks the token, records the facts, counts
    (source, id) pairs it has seen as unchanged, as the portal does."""

    def __init__(self, token: str) -> None:
        self.token = token
        self.posts = []
        self.seen = {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server's naming
                body = self.rfile.read(int(self.headers["Content-Length"]))
                if self.path != "/api/mlops/facts" or self.headers.get("Authorization") != f"Bearer {receiver.token}":
                    self.send_response(401)
                    self.end_headers()
                    return
                facts = json.loads(body)["facts"]
                receiver.posts.append(facts)
                counts = {"accepted": 0, "updated": 0, "unchanged": 0}
                for fact in facts:
                    key = (fact["source"], fact["id"])
                    previous = receiver.seen.get(key)
                    counts["accepted" if previous is None else "unchanged" if previous == fact["data"] else "updated"] += 1
                    receiver.seen[key] = fact["data"]
                payload = json.dumps(counts).encode()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def facts(self, type_=None):
        return [f for post in self.posts for f in post if type_ is None or f["type"] == type_]


@pytest.fixture
def portal(monkeypatch):
    receiver = FactReceiver("test-token")
    monkeypatch.setenv("LANDING_ZONE_URL", receiver.url)
    monkeypatch.setenv("LANDING_ZONE_TOKEN", "test-token")
    yield receiver
    receiver.server.shutdown()
