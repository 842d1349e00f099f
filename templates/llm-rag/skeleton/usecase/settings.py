"""Data residency, model provider and GPU budget, read from config/llm.yaml. The guardrails
approved these values when the project was created; changing them goes through review."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "config" / "llm.yaml"


@dataclass(frozen=True)
class LlmSettings:
    provider: str
    model: str
    residency: str
    gpu_budget_hours: float
    max_context_documents: int


def load_settings(path: Path = DEFAULT_PATH) -> LlmSettings:
    raw = yaml.safe_load(Path(path).read_text())
    settings = LlmSettings(
        provider=str(raw["provider"]),
        model=str(raw["model"]),
        residency=str(raw["residency"]),
        gpu_budget_hours=float(raw["gpuBudgetHoursPerMonth"]),
        max_context_documents=int(raw.get("maxContextDocuments", 3)),
    )
    if settings.gpu_budget_hours < 0:
        raise ValueError("gpuBudgetHoursPerMonth must be 0 or more")
    return settings
