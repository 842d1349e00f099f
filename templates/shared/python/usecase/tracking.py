"""Experiment tracking with MLflow: every runtime points the client at the same store
(usecase/config.py), so a run logged by the Argo step is the run the server's model came from."""
from __future__ import annotations

import hashlib

import mlflow
import pandas as pd

from .config import tracking_config


def configure() -> str:
    """Points the MLflow client at the tracking URI and selects the experiment; returns the URI."""
    config = tracking_config()
    mlflow.set_tracking_uri(config.uri)
    mlflow.set_registry_uri(config.uri)
    mlflow.set_experiment(config.experiment)
    return config.uri


def dataset_fingerprint(frame: pd.DataFrame) -> str:
    """A content hash of the rows and columns (order-sensitive), logged with each training run so
    a model version can be traced to the exact data it saw."""
    hashed = pd.util.hash_pandas_object(frame, index=False).values.tobytes()
    return hashlib.sha256(",".join(frame.columns).encode() + hashed).hexdigest()
