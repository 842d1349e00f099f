"""Retrieval-augmented generation: retrieve, then generate from what was retrieved."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List

from .generation import Generator
from .retrieval import Index


@dataclass
class Answer:
    text: str
    sources: List[str]


class RagApp:
    def __init__(self, index: Index, generator: Generator, max_context_documents: int = 3) -> None:
        self.index = index
        self.generator = generator
        self.k = max_context_documents

    def ask(self, question: str) -> Answer:
        if not question.strip():
            raise ValueError("question must not be empty")
        hits = self.index.search(question, self.k)
        if not hits:
            return Answer("I don't know.", [])
        return Answer(self.generator.generate(question, hits), [hit.document.id for hit in hits])
