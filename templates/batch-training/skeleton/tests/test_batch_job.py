"""The batch job against MLflow: champion × new rows → output table with the served version."""
import pandas as pd

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
