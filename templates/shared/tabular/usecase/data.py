"""Data: loading, validation and the synthetic stand-in. Replace `synthetic_dataset` with the real
source; `load`/`save` read and write CSV or Parquet at a local path (the Argo steps mount one)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

FEATURES = ["tenure_months", "monthly_spend", "support_tickets", "late_payments"]
TARGET = "label"


class DataValidationError(ValueError):
    pass


def synthetic_dataset(rows: int = 500, seed: int = 7, spend_shift: float = 0.0) -> pd.DataFrame:
    """Churn-like rows; a different seed gives different customers, `spend_shift` simulates drift."""
    rng = np.random.default_rng(seed)
    frame = pd.DataFrame(
        {
            "tenure_months": rng.integers(1, 72, rows),
            "monthly_spend": (rng.normal(60, 20, rows) + spend_shift).clip(5),
            "support_tickets": rng.poisson(1.5, rows),
            "late_payments": rng.poisson(0.5, rows),
        }
    )
    risk = 0.04 * frame.support_tickets + 0.3 * frame.late_payments - 0.02 * frame.tenure_months
    frame[TARGET] = (risk + rng.normal(0, 0.3, rows) > 0).astype(int)
    return frame


def load(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    if not path.exists():
        raise DataValidationError(f"input not found: {path}")
    return pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path)


def save(frame: pd.DataFrame, path: str | Path) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".parquet":
        frame.to_parquet(path, index=False)
    else:
        frame.to_csv(path, index=False)
    return path


def validate(frame: pd.DataFrame, require_target: bool = True) -> pd.DataFrame:
    """Fails loudly on data that would silently train or score a bad model."""
    expected = FEATURES + ([TARGET] if require_target else [])
    missing = [column for column in expected if column not in frame.columns]
    if missing:
        raise DataValidationError(f"missing columns: {missing}")
    if frame.empty:
        raise DataValidationError("no rows")
    if frame[expected].isna().any().any():
        raise DataValidationError("null values in " + ", ".join(frame[expected].columns[frame[expected].isna().any()]))
    if (frame[FEATURES] < 0).any().any():
        raise DataValidationError("negative feature values")
    if require_target and not set(frame[TARGET].unique()) <= {0, 1}:
        raise DataValidationError("label must be 0 or 1")
    return frame
