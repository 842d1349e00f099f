"""Generation behind a small interface. The real providers are in usecase/providers.py;
`ExtractiveGenerator` answers from the retrieved text (deterministic, no model: tests, laptops
and LLM_PROVIDER=offline)."""
from __future__ import annotations

import re
from typing import List, Protocol

from .retrieval import Hit

PROMPT_SYSTEM = "Answer only from the sources, in one sentence. If they do not contain the answer, say: I don't know."


def prompt(question: str, context: List[Hit]) -> str:
    sources = "\n\n".join(f"[{hit.document.id}] {hit.document.text}" for hit in context)
    return f"Sources:\n{sources}\n\nQuestion: {question}"


class Generator(Protocol):
    def generate(self, question: str, context: List[Hit]) -> str: ...

    def describe(self) -> dict: ...


class ExtractiveGenerator:
    """Returns the context sentence sharing the most words with the question."""

    def describe(self) -> dict:
        return {"provider": "offline", "model": "extractive"}

    def generate(self, question: str, context: List[Hit]) -> str:
        words = set(re.findall(r"\w+", question.lower()))
        sentences = [s.strip() for hit in context for s in re.split(r"(?<=[.!?])\s+", hit.document.text) if s.strip()]
        if not sentences:
            return "I don't know."
        return max(sentences, key=lambda s: len(words & set(re.findall(r"\w+", s.lower()))))
