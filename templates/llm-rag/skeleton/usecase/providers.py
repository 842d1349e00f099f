"""The provider factory: config/llm.yaml → a generator for Azure OpenAI, AWS Bedrock, Google
Vertex AI or a self-hosted vLLM (OpenAI-compatible base URL), each pinned to a region that the
residency allows. A mismatch is refused before any client exists: it fails closed, so a typo in
the config cannot send company documents out of the region.

Client libraries are imported only for the provider in use: `openai` (self-hosted, Azure) is
pinned in requirements.txt; `boto3` (Bedrock) and `google-genai` (Vertex) are installed by the
image build for projects that use them (see requirements-providers.txt).
"""
from __future__ import annotations

import os
from typing import Dict, List

from .generation import ExtractiveGenerator, Generator, PROMPT_SYSTEM, prompt
from .retrieval import Hit
from .settings import LlmSettings

# Regions each provider may use for each residency. The platform team owns this table.
ALLOWED_REGIONS: Dict[str, Dict[str, List[str]]] = {
    "ca": {"self-hosted": ["ca-central-1"], "azure-openai": ["canadaeast", "canadacentral"], "aws-bedrock": ["ca-central-1"], "vertex-ai": ["northamerica-northeast1", "northamerica-northeast2"]},
    "eu": {"self-hosted": ["eu-central-1"], "azure-openai": ["swedencentral", "westeurope", "francecentral"], "aws-bedrock": ["eu-central-1", "eu-west-1"], "vertex-ai": ["europe-west4", "europe-west1"]},
    "us": {"self-hosted": ["us-east-1"], "azure-openai": ["eastus", "eastus2", "westus"], "aws-bedrock": ["us-east-1", "us-west-2"], "vertex-ai": ["us-central1", "us-east4"]},
}


class ResidencyError(RuntimeError):
    """The configured endpoint is outside the regions the residency allows."""


def check_residency(settings: LlmSettings) -> str:
    allowed = ALLOWED_REGIONS.get(settings.residency, {}).get(settings.provider)
    if allowed is None:
        raise ResidencyError(f"provider {settings.provider!r} is not approved for residency {settings.residency!r}")
    region = settings.endpoint.get("region")
    if region not in allowed:
        raise ResidencyError(
            f"endpoints.{settings.provider}.region: {region!r} is outside residency {settings.residency!r} (allowed: {', '.join(allowed)})"
        )
    base_url = str(settings.endpoint.get("baseUrl", ""))
    if settings.provider == "azure-openai" and region not in base_url:
        raise ResidencyError(f"endpoints.azure-openai.baseUrl: {base_url!r} does not name the region {region!r}")
    return region


class OpenAICompatibleGenerator:
    """Chat completions over an OpenAI-compatible API: self-hosted vLLM (base_url) or Azure OpenAI."""

    def __init__(self, settings: LlmSettings, client=None) -> None:
        self.settings = settings
        if client is None:
            import openai  # noqa: PLC0415 - only for the providers that speak this API

            if settings.provider == "azure-openai":
                client = openai.AzureOpenAI(
                    azure_endpoint=settings.endpoint["baseUrl"],
                    api_version=str(settings.endpoint.get("apiVersion", "2024-10-21")),
                    api_key=os.environ.get("AZURE_OPENAI_API_KEY", ""),
                )
            else:
                client = openai.OpenAI(base_url=settings.endpoint["baseUrl"], api_key=os.environ.get("LLM_API_KEY", "not-needed"))
        self.client = client

    def describe(self) -> dict:
        return {"provider": self.settings.provider, "model": self.settings.model, "endpoint": self.settings.endpoint.get("baseUrl", ""), "region": self.settings.endpoint.get("region", "")}

    def generate(self, question: str, context: List[Hit]) -> str:
        response = self.client.chat.completions.create(
            model=self.settings.model,
            messages=[{"role": "system", "content": PROMPT_SYSTEM}, {"role": "user", "content": prompt(question, context)}],
            temperature=0,
        )
        return response.choices[0].message.content.strip()


class BedrockGenerator:
    def __init__(self, settings: LlmSettings) -> None:
        import boto3  # noqa: PLC0415 - requirements-providers.txt

        self.settings = settings
        self.client = boto3.client("bedrock-runtime", region_name=settings.endpoint["region"])

    def describe(self) -> dict:
        return {"provider": "aws-bedrock", "model": self.settings.model, "region": self.settings.endpoint["region"]}

    def generate(self, question: str, context: List[Hit]) -> str:
        response = self.client.converse(
            modelId=self.settings.model,
            system=[{"text": PROMPT_SYSTEM}],
            messages=[{"role": "user", "content": [{"text": prompt(question, context)}]}],
            inferenceConfig={"temperature": 0},
        )
        return response["output"]["message"]["content"][0]["text"].strip()


class VertexGenerator:
    def __init__(self, settings: LlmSettings) -> None:
        from google import genai  # noqa: PLC0415 - requirements-providers.txt

        self.settings = settings
        self.client = genai.Client(vertexai=True, location=settings.endpoint["region"], project=os.environ.get("GOOGLE_CLOUD_PROJECT"))

    def describe(self) -> dict:
        return {"provider": "vertex-ai", "model": self.settings.model, "region": self.settings.endpoint["region"]}

    def generate(self, question: str, context: List[Hit]) -> str:
        response = self.client.models.generate_content(
            model=self.settings.model, contents=f"{PROMPT_SYSTEM}\n\n{prompt(question, context)}"
        )
        return response.text.strip()


def generator_from_settings(settings: LlmSettings) -> Generator:
    if settings.provider == "offline":
        return ExtractiveGenerator()
    check_residency(settings)
    if settings.provider in ("self-hosted", "azure-openai"):
        return OpenAICompatibleGenerator(settings)
    if settings.provider == "aws-bedrock":
        return BedrockGenerator(settings)
    if settings.provider == "vertex-ai":
        return VertexGenerator(settings)
    raise ResidencyError(f"provider: unknown provider {settings.provider!r}")
