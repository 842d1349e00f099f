"""Drift detection with the population stability index (PSI), numpy only.

PSI < 0.1: stable; 0.1-0.25: watch; > 0.25: drift, which triggers retraining
(.github/workflows/retrain.yaml listens for the `drift-detected` event)."""
from __future__ import annotations

from typing import Dict, Iterable

import numpy as np

DRIFT_THRESHOLD = 0.25


def population_stability_index(reference: Iterable[float], current: Iterable[float], bins: int = 10) -> float:
    reference = np.asarray(list(reference), dtype=float)
    current = np.asarray(list(current), dtype=float)
    if reference.size == 0 or current.size == 0:
        raise ValueError("both samples need values")
    edges = np.unique(np.quantile(reference, np.linspace(0, 1, bins + 1)))
    edges[0], edges[-1] = -np.inf, np.inf
    expected = np.histogram(reference, edges)[0] / reference.size
    actual = np.histogram(current, edges)[0] / current.size
    expected = np.clip(expected, 1e-6, None)
    actual = np.clip(actual, 1e-6, None)
    return float(np.sum((actual - expected) * np.log(actual / expected)))


def drifted_features(reference: Dict[str, Iterable[float]], current: Dict[str, Iterable[float]]) -> Dict[str, float]:
    """Features whose PSI exceeds the threshold, with their PSI."""
    scores = {name: population_stability_index(reference[name], current[name]) for name in reference}
    return {name: psi for name, psi in scores.items() if psi > DRIFT_THRESHOLD}
