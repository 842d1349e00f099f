"""The evaluation harness and quality gate: a golden question set scored on answer correctness
(every key fact stated, in any of its phrasings, and no contradiction), retrieval hit rate, and
honesty on questions the documents cannot answer. Word overlap with the sources is reported as
`groundedness` but gates nothing: a sentence copied from the wrong document overlaps perfectly,
and a correct paraphrase does not."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

import yaml

from .rag import RagApp

GOLDEN_SET = Path(__file__).resolve().parent.parent / "eval" / "golden.yaml"
GATE = {"answer_correctness": 0.9, "retrieval_hit_rate": 0.8}
NUMBER_WORDS = {
    "one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
    "eight": "8", "nine": "9", "ten": "10", "fourteen": "14", "thirty": "30", "fifty": "50",
}
UNKNOWN = ("i don't know", "i do not know")


@dataclass(frozen=True)
class Case:
    question: str
    expected_source: str = ""
    facts: List[List[str]] = field(default_factory=list)
    contradictions: List[str] = field(default_factory=list)
    answerable: bool = True


def load_cases(path: Path = GOLDEN_SET) -> List[Case]:
    cases = [Case(**case) for case in yaml.safe_load(Path(path).read_text())["cases"]]
    for number, case in enumerate(cases):
        if case.answerable and not (case.facts and case.expected_source):
            raise ValueError(f"cases[{number}]: an answerable case needs expected_source and facts")
    return cases


def normalize(text: str) -> str:
    words = re.findall(r"[\w$']+", text.lower().replace("’", "'"))
    return " " + " ".join(NUMBER_WORDS.get(word, word) for word in words) + " "


def contains(text: str, phrase: str) -> bool:
    return normalize(phrase) in text


def is_correct(case: Case, answer: str) -> bool:
    text = normalize(answer)
    if not case.answerable:
        return any(contains(text, phrase) for phrase in UNKNOWN)
    if any(contains(text, phrase) for phrase in UNKNOWN + tuple(case.contradictions)):
        return False
    return all(any(contains(text, phrase) for phrase in group) for group in case.facts)


def evaluate(app: RagApp, cases: List[Case]) -> Dict[str, float]:
    texts = {document.id: document.text for document in app.index.documents}
    answerable = [case for case in cases if case.answerable]
    hits = correct = 0
    grounded = []
    failures = []
    for case in cases:
        answer = app.ask(case.question)
        if is_correct(case, answer.text):
            correct += 1
        else:
            failures.append(case.question)
        if case.answerable:
            hits += case.expected_source in answer.sources
            source_words = set(normalize(" ".join(texts[s] for s in answer.sources)).split())
            answer_words = normalize(answer.text).split()
            grounded.append(sum(w in source_words for w in answer_words) / max(len(answer_words), 1))
    return {
        "answer_correctness": correct / len(cases),
        "retrieval_hit_rate": hits / max(len(answerable), 1),
        "groundedness": sum(grounded) / max(len(grounded), 1),
        "cases": float(len(cases)),
        "failed": failures,
    }


def gate(metrics: Dict[str, float]) -> Dict[str, float]:
    """The metrics below their threshold (empty: the gate passes)."""
    return {name: metrics[name] for name, threshold in GATE.items() if metrics[name] < threshold}
