"""The pipeline against MLflow: log → register → gate → promote → load → predict."""
import mlflow
import pytest
from mlflow.tracking import MlflowClient

from usecase import pipeline
from usecase.data import FEATURES, synthetic_dataset
from usecase.registry import ModelRegistry
from usecase.train import train


def test_training_learns_better_than_chance():
    assert train(synthetic_dataset()).metrics["auc"] > 0.7


def test_one_run_holds_model_params_metrics_fingerprint_and_reference(model_name):
    result = pipeline.run(model_name=model_name)
    run = MlflowClient().get_run(result["runId"])
    assert run.info.status == "FINISHED"
    assert {"max_depth", "n_estimators"} <= set(run.data.params)
    assert {"auc", "accuracy", "candidate_holdout_auc"} <= set(run.data.metrics)
    assert len(run.data.tags["dataset_fingerprint"]) == 64
    assert [i.dataset.digest for i in run.inputs.dataset_inputs]
    artifacts = {a.path for a in MlflowClient().list_artifacts(result["runId"])}
    assert {"reference_stats.json", "holdout.csv"} <= artifacts
    version = MlflowClient().get_model_version(model_name, result["version"])
    assert version.run_id == result["runId"]


def test_the_champion_is_replaced_only_by_a_candidate_as_good_on_the_same_holdout(model_name, tmp_path):
    first = pipeline.run(model_name=model_name)
    assert first == {**first, "version": "1", "promoted": True, "champion": "1"}
    # One stump: above MIN_AUC, but worse than the champion on the same holdout; registered, not promoted.
    second = pipeline.run(model_name=model_name, params={"n_estimators": 1, "max_depth": 1})
    assert second["promoted"] is False and second["champion"] == "1"
    run = MlflowClient().get_run(second["runId"])
    assert run.data.tags["gate.passed"] == "false"
    assert float(run.data.tags["gate.threshold"]) == pytest.approx(run.data.metrics["champion_holdout_auc"])
    model = ModelRegistry(model_name).load()
    rows = synthetic_dataset(20, seed=99)[FEATURES]
    assert model.predict_proba(rows).shape == (20, 2)


def test_the_steps_run_one_by_one_as_the_argo_workflow_runs_them(model_name, tmp_path):
    valid = tmp_path / "valid.csv"
    assert pipeline.main(["validate", "--output", str(valid)]) == 0
    train = ["train", "--input", str(valid), "--trigger", "schedule", "--run-id-file", str(tmp_path / "run-id"), "--model-name", model_name]
    assert pipeline.main(train) == 0
    run_id = (tmp_path / "run-id").read_text()
    assert pipeline.main(["evaluate", "--run-id", run_id, "--passed-file", str(tmp_path / "passed")]) == 0
    assert (tmp_path / "passed").read_text() == "true"
    assert pipeline.main(["register", "--run-id", run_id]) == 0
    assert ModelRegistry(model_name).champion_version() == "1"
    assert MlflowClient().get_run(run_id).data.tags["trigger"] == "schedule"


def test_the_pipeline_reports_its_facts_once_per_run(model_name, portal):
    result = pipeline.run(model_name=model_name)
    by_type = {f["type"]: f for f in portal.facts()}
    assert set(by_type) == {"training-run", "evaluation", "model-version", "retraining"}
    assert by_type["training-run"]["id"] == result["runId"]
    assert by_type["training-run"]["data"]["datasetFingerprint"]
    assert by_type["model-version"]["data"] == {**by_type["model-version"]["data"], "model": model_name, "version": "1", "aliases": ["champion"]}
    assert by_type["evaluation"]["data"]["passed"] is True
    from usecase.report_facts import main

    assert main(["run", result["runId"]]) == 0
    # Re-reporting the same run sends the same ids: nothing new for the portal.
    assert len(portal.facts()) == 8 and len(portal.seen) == 4


def test_bad_data_stops_the_pipeline_before_anything_is_logged(model_name, tmp_path):
    synthetic_dataset(50).assign(support_tickets=-1).to_csv(tmp_path / "bad.csv", index=False)
    with pytest.raises(ValueError, match="negative"):
        pipeline.run(str(tmp_path / "bad.csv"), model_name=model_name)
    assert mlflow.search_registered_models(filter_string=f"name = '{model_name}'") == []
