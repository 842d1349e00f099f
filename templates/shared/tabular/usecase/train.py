"""Training and evaluation of the tabular model."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Tuple

import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import accuracy_score, roc_auc_score
from sklearn.model_selection import train_test_split

from .data import FEATURES, TARGET


@dataclass
class TrainingResult:
    model: GradientBoostingClassifier
    metrics: Dict[str, float]
    params: Dict[str, object]


def split(frame: pd.DataFrame, seed: int = 7) -> Tuple[pd.DataFrame, pd.DataFrame]:
    """Training rows and the holdout both the candidate and the champion are judged on."""
    return train_test_split(frame, test_size=0.25, random_state=seed, stratify=frame[TARGET])


def evaluate(model, holdout: pd.DataFrame) -> Dict[str, float]:
    probabilities = model.predict_proba(holdout[FEATURES])[:, 1]
    return {
        "auc": float(roc_auc_score(holdout[TARGET], probabilities)),
        "accuracy": float(accuracy_score(holdout[TARGET], model.predict(holdout[FEATURES]))),
    }


def train(frame: pd.DataFrame, max_depth: int = 3, n_estimators: int = 100, seed: int = 7) -> TrainingResult:
    training, holdout = split(frame, seed)
    params = {"max_depth": max_depth, "n_estimators": n_estimators, "random_state": seed}
    model = GradientBoostingClassifier(**params).fit(training[FEATURES], training[TARGET])
    return TrainingResult(model=model, metrics=evaluate(model, holdout), params=params)
