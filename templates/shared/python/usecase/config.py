"""The project's settings, each read in one place.

config/tracking.yaml says where runs and models go (MLFLOW_TRACKING_URI overrides its `uri`);
config/platform.yaml holds what the creation form decided (residency, classification, tier).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import List

import yaml

ROOT = Path(__file__).resolve().parent.parent
CONFIG_DIR = ROOT / "config"


def _read(name: str) -> dict:
    return yaml.safe_load((CONFIG_DIR / name).read_text())


@dataclass(frozen=True)
class TrackingConfig:
    uri: str
    experiment: str
    model_name: str
    champion_alias: str


def tracking_config() -> TrackingConfig:
    raw = _read("tracking.yaml")
    return TrackingConfig(
        uri=os.environ.get("MLFLOW_TRACKING_URI") or str(raw["uri"]),
        experiment=str(raw["experiment"]),
        model_name=str(raw["registeredModel"]),
        champion_alias=str(raw.get("championAlias", "champion")),
    )


@dataclass(frozen=True)
class PlatformConfig:
    entity_ref: str
    data_classification: str
    data_residency: str
    region: str
    compute_tier: str
    hosted_runners_allowed: bool
    runner_labels: List[str]


def platform_config() -> PlatformConfig:
    raw = _read("platform.yaml")
    labels = raw["runnerLabels"]
    return PlatformConfig(
        entity_ref=str(raw["entityRef"]),
        data_classification=str(raw["dataClassification"]),
        data_residency=str(raw["dataResidency"]),
        region=str(raw["region"]),
        compute_tier=str(raw["computeTier"]),
        hosted_runners_allowed=bool(raw["hostedRunnersAllowed"]),
        runner_labels=[labels] if isinstance(labels, str) else [str(label) for label in labels],
    )
