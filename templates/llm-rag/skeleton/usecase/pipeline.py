"""The pipeline: build the index, run the evaluation harness, track the run, and fail below
the quality gate. Scheduled by pipeline/rag-pipeline.yaml."""
from __future__ import annotations

from typing import Dict, Optional

from .corpus import DOCUMENTS
from .evaluation import evaluate, load_cases
from .generation import ExtractiveGenerator, Generator
from .rag import RagApp
from .retrieval import Index
from .settings import load_settings
from .tracking import Tracker, tracker_from_env

MODEL_NAME = "${{ values.name }}"
GATE = {"retrieval_hit_rate": 0.75, "faithfulness": 0.9}


def run(tracker: Optional[Tracker] = None, generator: Optional[Generator] = None) -> Dict[str, float]:
    settings = load_settings()
    tracker = tracker or tracker_from_env(MODEL_NAME)
    app = RagApp(Index(DOCUMENTS), generator or ExtractiveGenerator(), settings.max_context_documents)
    run_id = tracker.start_run("evaluation")
    tracker.log_params(run_id, {"provider": settings.provider, "model": settings.model, "residency": settings.residency})
    metrics = evaluate(app, load_cases())
    tracker.log_metrics(run_id, metrics)
    tracker.end_run(run_id)
    failing = {k: v for k, v in metrics.items() if k in GATE and v < GATE[k]}
    if failing:
        raise RuntimeError(f"below the quality gate: {failing}")
    return metrics


if __name__ == "__main__":
    print(run())
