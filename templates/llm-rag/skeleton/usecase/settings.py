"""Provider, model, residency, endpoints and GPU budget, read from config/llm.yaml. The guardrails
approved these values when the project was created; changing them goes through review."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Optional

import yaml

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "config" / "llm.yaml"


@dataclass(frozen=True)
class LlmSettings:
    provider: str
    model: str
    residency: str
    gpu_budget_hours: float
    max_context_documents: int
    endpoints: Dict[str, dict] = field(default_factory=dict)
    shadow_model: Optional[str] = None

    @property
    def endpoint(self) -> dict:
        return self.endpoints.get(self.provider, {})


def load_settings(path: Path = DEFAULT_PATH) -> LlmSettings:
    raw = yaml.safe_load(Path(path).read_text())
    settings = LlmSettings(
        provider=os.environ.get("LLM_PROVIDER") or str(raw["provider"]),
        model=str(raw["model"]),
        residency=str(raw["residency"]),
        gpu_budget_hours=float(raw["gpuBudgetHoursPerMonth"]),
        max_context_documents=int(raw.get("maxContextDocuments", 3)),
        endpoints=dict(raw.get("endpoints") or {}),
        shadow_model=(raw.get("shadow") or {}).get("model"),
    )
    if settings.gpu_budget_hours < 0:
        raise ValueError("gpuBudgetHoursPerMonth must be 0 or more")
    return settings
