"""The provider factory: region-pinned endpoints, fail closed on a residency mismatch, and the
self-hosted path through the real OpenAI client against an OpenAI-compatible stand-in."""
import dataclasses
import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from usecase.corpus import DOCUMENTS
from usecase.providers import ALLOWED_REGIONS, OpenAICompatibleGenerator, ResidencyError, check_residency, generator_from_settings
from usecase.rag import RagApp
from usecase.retrieval import Index
from usecase.settings import load_settings


def settings_for(provider, **endpoint):
    settings = load_settings()
    endpoints = {**settings.endpoints, provider: {**settings.endpoints[provider], **endpoint}}
    return dataclasses.replace(settings, provider=provider, endpoints=endpoints)


@pytest.mark.parametrize("provider", ["self-hosted", "azure-openai", "aws-bedrock", "vertex-ai"])
def test_every_generated_endpoint_is_inside_the_residency(provider):
    assert check_residency(settings_for(provider)) in ALLOWED_REGIONS["${{ values.dataResidency }}"][provider]


@pytest.mark.parametrize(
    "provider, region",
    [("azure-openai", "brazilsouth"), ("aws-bedrock", "ap-southeast-2"), ("vertex-ai", "asia-east1"), ("self-hosted", "sa-east-1")],
)
def test_an_endpoint_outside_the_residency_is_refused_before_any_client_exists(provider, region):
    with pytest.raises(ResidencyError, match=f"endpoints.{provider}.region"):
        generator_from_settings(settings_for(provider, region=region))


def test_an_azure_endpoint_must_be_the_region_it_claims():
    with pytest.raises(ResidencyError, match="baseUrl"):
        check_residency(settings_for("azure-openai", baseUrl="https://shared-westus.openai.azure.com"))


def test_the_offline_stand_in_needs_no_endpoint():
    assert generator_from_settings(dataclasses.replace(load_settings(), provider="offline")).describe()["provider"] == "offline"


@pytest.fixture
def vllm():
    """An OpenAI-compatible /v1/chat/completions, as vLLM serves it."""
    requests = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            requests.append((self.path, body))
            answer = {"id": "c1", "object": "chat.completion", "created": 0, "model": body["model"],
                      "choices": [{"index": 0, "finish_reason": "stop", "message": {"role": "assistant", "content": "Refunds take two weeks."}}]}
            payload = json.dumps(answer).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/v1", requests
    server.shutdown()


def test_self_hosted_calls_the_configured_base_url_with_the_configured_model(vllm):
    base_url, requests = vllm
    generator = OpenAICompatibleGenerator(settings_for("self-hosted", baseUrl=base_url))
    answer = RagApp(Index(DOCUMENTS), generator).ask("How long do refunds take?")
    assert answer.text == "Refunds take two weeks." and answer.sources[0] == "refunds"
    [(path, body)] = requests
    assert path == "/v1/chat/completions"
    assert body["model"] == "${{ values.llmModel }}"
    assert "Refunds are paid within 14 days" in body["messages"][1]["content"]
