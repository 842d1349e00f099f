import pytest

from usecase.corpus import DOCUMENTS
from usecase.evaluation import evaluate, load_cases
from usecase.generation import ExtractiveGenerator
from usecase.pipeline import MODEL_NAME, run
from usecase.rag import RagApp
from usecase.retrieval import Index
from usecase.settings import load_settings
from usecase.tracking import LocalFileTracker


class WrongGenerator:
    def generate(self, question, context):
        return "bananas are an excellent source of potassium"


def test_the_golden_set_passes_with_the_reference_generator():
    metrics = evaluate(RagApp(Index(DOCUMENTS), ExtractiveGenerator()), load_cases())
    assert metrics["retrieval_hit_rate"] == 1.0
    assert metrics["answer_accuracy"] == 1.0
    assert metrics["faithfulness"] > 0.9


def test_the_gate_blocks_an_unfaithful_generator(tmp_path):
    with pytest.raises(RuntimeError, match="quality gate"):
        run(LocalFileTracker(tmp_path, MODEL_NAME), WrongGenerator())


def test_the_pipeline_tracks_the_evaluation(tmp_path):
    metrics = run(LocalFileTracker(tmp_path, MODEL_NAME))
    assert metrics["retrieval_hit_rate"] == 1.0
    assert len(list((tmp_path / MODEL_NAME).glob("*.json"))) == 1


def test_settings_carry_residency_provider_and_budget():
    settings = load_settings()
    assert settings.residency == "${{ values.dataResidency }}"
    assert settings.provider == "${{ values.modelProvider }}"
    assert settings.gpu_budget_hours == float("${{ values.gpuBudget }}")
