"""The batch job against MLflow: champion × new rows → output table with the served version."""
import json

import pandas as pd
import pytest

from usecase import batch_job, pipeline
from usecase.data import synthetic_dataset


def test_scores_new_rows_with_the_champion_into_the_output(model_name, tmp_path):
    pipeline.run(model_name=model_name)
    rows = synthetic_dataset(40, seed=123).drop(columns=["label"])
    rows.to_csv(tmp_path / "in.csv", index=False)
    summary = batch_job.run(str(tmp_path / "in.csv"), str(tmp_path / "out" / "scores.csv"), model_name)
    scored = pd.read_csv(tmp_path / "out" / "scores.csv")
    assert summary["rows"] == 40 and summary["modelVersion"] == "1"
    assert scored["score"].between(0, 1).all() and (scored["model_version"] == 1).all()


def test_without_a_champion_the_job_stops_with_a_clear_message(model_name, tmp_path, capsys):
    assert batch_job.main(["--input", "synthetic", "--output", str(tmp_path / "scores.csv"), "--model-name", model_name]) == 2
    assert "no 'champion' alias" in capsys.readouterr().err


def test_the_synthetic_input_is_not_the_training_data():
    assert not synthetic_dataset().drop(columns=["label"]).equals(
        synthetic_dataset(seed=batch_job.SYNTHETIC_SCORING_SEED).drop(columns=["label"])
    )


def test_level_2_measures_drift_next_to_the_scores_and_reports_it(model_name, tmp_path, portal):
    pytest.importorskip("usecase.drift", reason="drift monitoring is a Level-2 file")
    pipeline.run(model_name=model_name)
    synthetic_dataset(300, seed=77, spend_shift=80).drop(columns=["label"]).to_csv(tmp_path / "in.csv", index=False)
    summary = batch_job.run(str(tmp_path / "in.csv"), str(tmp_path / "scores.csv"), model_name)
    drift = json.loads((tmp_path / "scores.drift.json").read_text())
    assert summary["drift"]["breached"] and drift["features"]["monthly_spend"] > 0.25
    assert drift["retraining"] == "not requested: RETRAINING_WEBHOOK_URL is not set"
    [fact] = portal.facts("drift-check")
    assert fact["id"] == f"{model_name}/1/batch/scores.csv" and fact["data"]["breached"] is True


def test_a_challenger_scores_in_its_own_column(model_name, tmp_path):
    pipeline.run(model_name=model_name)
    assert pipeline.run(model_name=model_name, params={"n_estimators": 1, "max_depth": 1})["promoted"] is False
    batch_job.run("synthetic", str(tmp_path / "scores.csv"), model_name)
    scored = pd.read_csv(tmp_path / "scores.csv")
    assert (scored["model_version"] == 1).all() and (scored["challenger_version"] == 2).all()
    assert scored["challenger_score"].between(0, 1).all() and not scored["challenger_score"].equals(scored["score"])
