"""The evaluation harness: a golden question set scored on retrieval hit rate and answer
faithfulness (share of answer words found in the retrieved sources). Runs in CI and as the
validation gate before a new prompt, model or index is promoted."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List

import yaml

from .rag import RagApp

GOLDEN_SET = Path(__file__).resolve().parent.parent / "eval" / "golden.yaml"


@dataclass(frozen=True)
class Case:
    question: str
    expected_source: str
    expected_phrase: str


def load_cases(path: Path = GOLDEN_SET) -> List[Case]:
    return [Case(**case) for case in yaml.safe_load(Path(path).read_text())["cases"]]


def evaluate(app: RagApp, cases: List[Case]) -> Dict[str, float]:
    texts = {document.id: document.text for document in app.index.documents}
    hits = correct = 0
    faithfulness = []
    for case in cases:
        answer = app.ask(case.question)
        hits += case.expected_source in answer.sources
        correct += case.expected_phrase.lower() in answer.text.lower()
        source_words = set(re.findall(r"\w+", " ".join(texts[s] for s in answer.sources).lower()))
        answer_words = re.findall(r"\w+", answer.text.lower())
        faithfulness.append(sum(w in source_words for w in answer_words) / max(len(answer_words), 1))
    return {
        "retrieval_hit_rate": hits / len(cases),
        "answer_accuracy": correct / len(cases),
        "faithfulness": sum(faithfulness) / len(cases),
    }
