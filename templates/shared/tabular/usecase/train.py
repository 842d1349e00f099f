"""Training and evaluation of the tabular model."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict

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


def train(frame: pd.DataFrame, max_depth: int = 3, n_estimators: int = 100, seed: int = 7) -> TrainingResult:
    x_train, x_test, y_train, y_test = train_test_split(
        frame[FEATURES], frame[TARGET], test_size=0.25, random_state=seed, stratify=frame[TARGET]
    )
    params = {"max_depth": max_depth, "n_estimators": n_estimators, "random_state": seed}
    model = GradientBoostingClassifier(**params).fit(x_train, y_train)
    probabilities = model.predict_proba(x_test)[:, 1]
    metrics = {
        "auc": float(roc_auc_score(y_test, probabilities)),
        "accuracy": float(accuracy_score(y_test, model.predict(x_test))),
    }
    return TrainingResult(model=model, metrics=metrics, params=params)
