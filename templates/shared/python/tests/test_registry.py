"""The registry against MLflow (the real server in scripts/test-generated-project.sh)."""
import os

import mlflow
import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression

from usecase.registry import ModelRegistry, NoChampion
from usecase.tracking import configure


def logged_model(coefficient_sign: float) -> str:
    x = np.array([[0.0], [1.0], [2.0], [3.0]]) * coefficient_sign
    with mlflow.start_run():
        return mlflow.sklearn.log_model(LogisticRegression().fit(x, [0, 0, 1, 1]), name="model", pip_requirements=[]).model_uri


def test_the_script_runs_these_tests_against_a_real_server(tracking_uri):
    if os.environ.get("LZ_REQUIRE_MLFLOW_SERVER") == "1":
        assert tracking_uri.startswith("http://"), tracking_uri


def test_register_promote_load_keeps_predict_proba_and_rolls_back(model_name):
    configure()
    registry = ModelRegistry(model_name)
    first = registry.register(logged_model(1.0))
    second = registry.register(logged_model(-1.0))
    assert (first, second) == ("1", "2")
    registry.promote(first)
    registry.promote(second)
    assert registry.champion_version() == "2"
    assert registry.load().predict_proba([[3.0]])[0][1] < 0.5
    assert registry.rollback() == "1"
    assert registry.load().predict_proba([[3.0]])[0][1] > 0.5
    assert "champion" in registry.aliases("1")


def test_no_champion_is_a_state_not_a_crash(model_name):
    configure()
    registry = ModelRegistry(model_name)
    assert registry.champion_version() is None
    with pytest.raises(NoChampion):
        registry.load()
    registry.register(logged_model(1.0))
    assert registry.champion_version() is None
    with pytest.raises(LookupError):
        registry.rollback()
