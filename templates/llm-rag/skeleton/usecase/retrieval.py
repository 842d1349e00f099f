"""Retrieval: a small TF-IDF index over the document corpus (scikit-learn), replaceable by a
vector store. Documents never leave the configured residency region."""
from __future__ import annotations

from dataclasses import dataclass
from typing import List, Sequence

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics.pairwise import cosine_similarity


@dataclass(frozen=True)
class Document:
    id: str
    text: str


@dataclass(frozen=True)
class Hit:
    document: Document
    score: float


class Index:
    def __init__(self, documents: Sequence[Document]) -> None:
        if not documents:
            raise ValueError("the index needs at least one document")
        self.documents = list(documents)
        self.vectorizer = TfidfVectorizer(stop_words="english")
        self.matrix = self.vectorizer.fit_transform(d.text for d in self.documents)

    def search(self, query: str, k: int = 3) -> List[Hit]:
        scores = cosine_similarity(self.vectorizer.transform([query]), self.matrix)[0]
        ranked = sorted(range(len(scores)), key=lambda i: scores[i], reverse=True)[:k]
        return [Hit(self.documents[i], float(scores[i])) for i in ranked if scores[i] > 0]
