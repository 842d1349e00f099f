"""Retrieval-augmented generation: retrieve, then generate from what was retrieved."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List

from .generation import Generator
from .retrieval import Index

MIN_RELEVANCE = 0.1


@dataclass
class Answer:
    text: str
    sources: List[str]
    top_score: float = 0.0


class RagApp:
    def __init__(self, index: Index, generator: Generator, max_context_documents: int = 3) -> None:
        self.index = index
        self.generator = generator
        self.k = max_context_documents

    def ask(self, question: str) -> Answer:
        if not question.strip():
            raise ValueError("question must not be empty")
        # Below MIN_RELEVANCE a hit shares only incidental words: answering from it would guess.
        hits = [hit for hit in self.index.search(question, self.k) if hit.score >= MIN_RELEVANCE]
        if not hits:
            return Answer("I don't know.", [], 0.0)
        return Answer(self.generator.generate(question, hits), [hit.document.id for hit in hits], hits[0].score)
