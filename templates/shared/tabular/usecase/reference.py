"""Reference statistics: the training distribution of each feature (quantile bin edges and the
share of rows per bin), saved as an artifact of every training run, so drift is measured against
the data the served version actually learned from."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Dict, List

import numpy as np
import pandas as pd

from .data import FEATURES

BINS = 10
ARTIFACT = "reference_stats.json"


def reference_statistics(frame: pd.DataFrame, bins: int = BINS) -> Dict[str, dict]:
    stats = {}
    for feature in FEATURES:
        values = frame[feature].to_numpy(dtype=float)
        edges = np.unique(np.quantile(values, np.linspace(0, 1, bins + 1)))
        inner = edges[1:-1].tolist()  # the outer bins are open-ended
        counts = np.histogram(values, [-np.inf, *inner, np.inf])[0]
        stats[feature] = {"edges": inner, "shares": (counts / values.size).tolist(), "rows": int(values.size)}
    return stats


def write(stats: Dict[str, dict], directory: Path) -> Path:
    path = Path(directory) / ARTIFACT
    path.write_text(json.dumps(stats, indent=2, sort_keys=True))
    return path


def read(path: Path) -> Dict[str, dict]:
    return json.loads(Path(path).read_text())


def shares(values: List[float], edges: List[float]) -> np.ndarray:
    counts = np.histogram(np.asarray(values, dtype=float), [-np.inf, *edges, np.inf])[0]
    return counts / max(len(values), 1)
