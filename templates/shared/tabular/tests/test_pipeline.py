import pytest

from usecase.data import synthetic_dataset
from usecase.pipeline import MODEL_NAME, run
from usecase.registry import LocalFileRegistry
from usecase.tracking import LocalFileTracker
from usecase.train import train


def test_training_learns_better_than_chance():
    result = train(synthetic_dataset())
    assert result.metrics["auc"] > 0.7


def test_the_pipeline_tracks_the_run_and_registers_a_version(tmp_path):
    tracker = LocalFileTracker(tmp_path / "runs", MODEL_NAME)
    registry = LocalFileRegistry(tmp_path / "registry")
    assert run(tracker, registry) == 1
    assert run(tracker, registry) == 2
    runs = list((tmp_path / "runs" / MODEL_NAME).glob("*.json"))
    assert len(runs) == 2


def test_the_validation_gate_blocks_a_weak_model(tmp_path):
    registry = LocalFileRegistry(tmp_path / "registry")
    with pytest.raises(RuntimeError, match="below the gate"):
        run(LocalFileTracker(tmp_path / "runs", "x"), registry, min_auc=1.01)
    with pytest.raises(LookupError):
        registry.load(MODEL_NAME)

