"""Batch scoring: adds a probability column to a frame of features."""
from __future__ import annotations

import pandas as pd

from .data import FEATURES, validate


def score(model, frame: pd.DataFrame) -> pd.DataFrame:
    validate(frame, require_target=False)
    scored = frame.copy()
    scored["score"] = model.predict_proba(frame[FEATURES])[:, 1]
    return scored
