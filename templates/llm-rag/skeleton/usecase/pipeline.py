"""The pipeline: build the index, run the evaluation harness with the configured provider, track
the run in MLflow (with the provider and model that actually answered), report its facts, and
fail below the quality gate. Submitted nightly and on drift by deploy/rag-pipeline.yaml.

    python -m usecase.pipeline        # LLM_PROVIDER=offline for the extractive stand-in
"""
from __future__ import annotations

import json
import logging
import os
import sys
from typing import Optional

import mlflow

from .corpus import DOCUMENTS
from .evaluation import GATE, GOLDEN_SET, evaluate, gate, load_cases
from . import facts
from .facts import report_quietly
from .generation import PROMPT_SYSTEM, Generator
from .providers import generator_from_settings
from .rag import RagApp
from .report_facts import run_facts
from .retrieval import Index
from .settings import load_settings
from .tracking import configure

log = logging.getLogger(__name__)
MODEL_NAME = "${{ values.name }}"
# The registry entry of a RAG app is its prompt (MLflow's prompt registry), versioned with the
# run that evaluated it; a version that passed the gate gets the champion alias.
PROMPT_NAME = f"{MODEL_NAME}-prompt"
GATE_SUITE = "golden-answer-correctness"


class QualityGateFailed(RuntimeError):
    pass


def run(generator: Optional[Generator] = None, trigger: str = "manual") -> dict:
    configure()
    settings = load_settings()
    generator = generator or generator_from_settings(settings)
    cases = load_cases()
    app = RagApp(Index(DOCUMENTS), generator, settings.max_context_documents)
    with mlflow.start_run(run_name="evaluation") as run:
        mlflow.log_params({**generator.describe(), "residency": settings.residency, "documents": len(DOCUMENTS), "golden_cases": len(cases)})
        metrics = evaluate(app, cases)
        failed = metrics.pop("failed")
        mlflow.log_metrics(metrics)
        mlflow.log_dict({"failed": failed}, "evaluation/failed.json")
        mlflow.log_artifact(str(GOLDEN_SET), "evaluation")
        failing = gate(metrics)
        mlflow.set_tags(
            {
                "gate.suite": GATE_SUITE,
                "gate.score": metrics["answer_correctness"],
                "gate.threshold": GATE["answer_correctness"],
                "gate.passed": str(not failing).lower(),
                "trigger": trigger,
            }
        )
    collected = run_facts(run.info.run_id)
    result = {"runId": run.info.run_id, **metrics}
    if not failing:
        result["promptVersion"] = register_prompt(run.info.run_id, generator.describe())
        collected.append(
            facts.model_version(mlflow.get_tracking_uri(), PROMPT_NAME, result["promptVersion"], ["champion"], run.info.run_id, metrics)
        )
    report_quietly(collected)
    if failing:
        raise QualityGateFailed(f"below the quality gate: {failing}; failed questions: {failed}")
    return result


def register_prompt(run_id: str, answered_by: dict) -> str:
    prompt = mlflow.genai.register_prompt(
        name=PROMPT_NAME,
        template=PROMPT_SYSTEM,
        commit_message=f"passed {GATE_SUITE} in run {run_id}",
        tags={"run_id": run_id, **{k: str(v) for k, v in answered_by.items()}},
    )
    mlflow.genai.set_prompt_alias(PROMPT_NAME, alias="champion", version=prompt.version)
    mlflow.MlflowClient().set_tag(run_id, "registered_prompt_version", str(prompt.version))
    return str(prompt.version)


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    try:
        print(json.dumps(run(trigger=os.environ.get("RETRAINING_TRIGGER", "manual"))))
    except QualityGateFailed as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
