"""The quality gate judges correctness: a correct paraphrase passes, a copied wrong sentence fails."""
import mlflow
import pytest
from mlflow.tracking import MlflowClient

from usecase import pipeline
from usecase.corpus import DOCUMENTS
from usecase.evaluation import GATE, evaluate, is_correct, load_cases
from usecase.generation import ExtractiveGenerator
from usecase.rag import RagApp
from usecase.retrieval import Index
from usecase.settings import load_settings

REFUNDS = next(case for case in load_cases() if case.expected_source == "refunds")
EXPRESS = next(case for case in load_cases() if "express" in case.question)


class CopyFromTheWrongSentence:
    """Faithful to the sources word for word, and wrong."""

    def describe(self):
        return {"provider": "test", "model": "wrong-sentence"}

    def generate(self, question, context):
        sentences = [s for hit in context for s in hit.document.text.split(". ")]
        return sentences[-1]


def test_a_correct_paraphrase_passes_and_a_copied_wrong_answer_fails():
    assert is_correct(REFUNDS, "You get your money back within two weeks.")
    assert is_correct(EXPRESS, "Express orders are delivered the following business day.")
    assert not is_correct(EXPRESS, "Standard shipping takes 3 to 5 business days.")
    assert not is_correct(REFUNDS, "Store credit is issued immediately.")
    assert not is_correct(REFUNDS, "I don't know.")


def test_unanswerable_questions_must_be_declined():
    unanswerable = [case for case in load_cases() if not case.answerable]
    assert unanswerable and all(is_correct(case, "I don't know.") for case in unanswerable)
    assert not is_correct(unanswerable[0], "France won it.")


def test_the_golden_set_is_large_enough_and_the_reference_generator_passes_the_gate():
    cases = load_cases()
    assert len(cases) >= 15
    metrics = evaluate(RagApp(Index(DOCUMENTS), ExtractiveGenerator()), cases)
    assert metrics["answer_correctness"] >= GATE["answer_correctness"]
    assert metrics["retrieval_hit_rate"] >= GATE["retrieval_hit_rate"]


def test_the_pipeline_tracks_what_answered_and_reports_the_gate(portal):
    result = pipeline.run(ExtractiveGenerator())
    run = MlflowClient().get_run(result["runId"])
    assert run.data.params["provider"] == "offline" and run.data.params["model"] == "extractive"
    assert run.data.tags["gate.passed"] == "true"
    types = {fact["type"]: fact for fact in portal.facts()}
    assert types["training-run"]["id"] == result["runId"]
    assert types["model-version"]["id"] == f"{pipeline.PROMPT_NAME}/{result['promptVersion']}"
    assert types["model-version"]["data"]["aliases"] == ["champion"]
    assert mlflow.genai.load_prompt(f"prompts:/{pipeline.PROMPT_NAME}@champion").version == int(result["promptVersion"])
    assert types["evaluation"]["data"]["suite"] == "golden-answer-correctness" and types["evaluation"]["data"]["passed"] is True


def test_the_gate_blocks_a_wrong_generator_and_records_why(portal):
    with pytest.raises(pipeline.QualityGateFailed, match="answer_correctness"):
        pipeline.run(CopyFromTheWrongSentence())
    [evaluation] = portal.facts("evaluation")
    assert portal.facts("model-version") == []
    assert evaluation["data"]["passed"] is False and evaluation["data"]["score"] < evaluation["data"]["threshold"]


def test_settings_carry_residency_provider_and_budget():
    settings = load_settings()
    assert settings.residency == "${{ values.dataResidency }}"
    assert settings.gpu_budget_hours == float("${{ values.gpuBudget }}")
    assert settings.endpoint["region"]
