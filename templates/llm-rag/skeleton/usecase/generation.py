"""Generation behind a small interface. `ExtractiveGenerator` answers from the retrieved text
(deterministic, no model needed: tests and local runs); `ProviderGenerator` calls the approved
provider in production and is imported lazily."""
from __future__ import annotations

import re
from typing import List, Protocol

from .retrieval import Hit
from .settings import LlmSettings


class Generator(Protocol):
    def generate(self, question: str, context: List[Hit]) -> str: ...


class ExtractiveGenerator:
    """Returns the context sentence sharing the most words with the question."""

    def generate(self, question: str, context: List[Hit]) -> str:
        words = set(re.findall(r"\w+", question.lower()))
        sentences = [s.strip() for hit in context for s in re.split(r"(?<=[.!?])\s+", hit.document.text) if s.strip()]
        if not sentences:
            return "I don't know."
        return max(sentences, key=lambda s: len(words & set(re.findall(r"\w+", s.lower()))))


class ProviderGenerator:
    """Calls the configured provider's chat API (e.g. a self-hosted vLLM or Azure OpenAI endpoint
    in the residency region). The client library is imported only here."""

    def __init__(self, settings: LlmSettings) -> None:
        from openai import OpenAI  # noqa: PLC0415 - production dependency only

        self.settings = settings
        self.client = OpenAI()

    def generate(self, question: str, context: List[Hit]) -> str:
        sources = "\n\n".join(hit.document.text for hit in context)
        response = self.client.chat.completions.create(
            model=self.settings.model,
            messages=[
                {"role": "system", "content": "Answer only from the sources. Say you don't know otherwise."},
                {"role": "user", "content": f"Sources:\n{sources}\n\nQuestion: {question}"},
            ],
        )
        return response.choices[0].message.content
