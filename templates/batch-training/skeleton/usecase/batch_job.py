"""Entry point of the nightly batch-scoring job: production model × today's rows → scores.csv."""
from __future__ import annotations

import os

from .data import synthetic_dataset
from .pipeline import MODEL_NAME
from .registry import registry_from_env
from .score import score


def main() -> None:
    model = registry_from_env().load(MODEL_NAME)
    rows = synthetic_dataset().drop(columns=["label"])
    score(model, rows).to_csv(os.environ.get("SCORES_PATH", "scores.csv"), index=False)
