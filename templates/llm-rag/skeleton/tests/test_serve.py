"""The served /ask endpoint with its probes."""
import dataclasses

from fastapi.testclient import TestClient

from usecase import serve
from usecase.generation import ExtractiveGenerator
from usecase.settings import load_settings


def test_ask_answers_with_sources_and_says_who_answered():
    client = TestClient(serve.create_app(ExtractiveGenerator()))
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").json()["provider"] == "offline"
    body = client.post("/ask", json={"question": "How long do refunds take?"}).json()
    assert "14 days" in body["answer"] and body["sources"][0] == "refunds" and body["model"] == "extractive"
    assert client.post("/ask", json={"question": "quantum chromodynamics"}).json()["sources"] == []
    assert 'rag_questions_total{app="' in client.get("/metrics").text


def test_bad_questions_are_rejected_with_the_field_named():
    client = TestClient(serve.create_app(ExtractiveGenerator()))
    assert client.post("/ask", json={"question": ""}).status_code == 422
    blank = client.post("/ask", json={"question": "   "})
    assert blank.status_code == 422 and "question" in blank.text


def test_a_provider_outside_the_residency_makes_the_server_refuse_not_leak(monkeypatch):
    settings = load_settings()
    endpoints = {**settings.endpoints, "aws-bedrock": {"region": "ap-southeast-2"}}
    monkeypatch.setattr(serve, "load_settings", lambda: dataclasses.replace(settings, provider="aws-bedrock", endpoints=endpoints))
    client = TestClient(serve.create_app())
    assert client.get("/healthz").status_code == 200
    ready = client.get("/readyz")
    assert ready.status_code == 503 and "outside residency" in ready.json()["detail"]
    assert client.post("/ask", json={"question": "How long do refunds take?"}).status_code == 503


class Paraphraser:
    def describe(self):
        return {"provider": "test", "model": "paraphraser"}

    def generate(self, question, context):
        return "Something else entirely."


def test_a_shadow_model_answers_too_but_only_metrics_see_it():
    client = TestClient(serve.create_app(ExtractiveGenerator(), shadow=Paraphraser(), shadow_in_background=False))
    body = client.post("/ask", json={"question": "How long do refunds take?"}).json()
    assert "14 days" in body["answer"] and body["model"] == "extractive"
    metrics = client.get("/metrics").text
    assert 'rag_shadow_answers_total{app="' in metrics and metrics.count("} 1\n") >= 2
    assert [line for line in metrics.splitlines() if line.startswith("rag_shadow_disagreements_total")][0].endswith(" 1")
