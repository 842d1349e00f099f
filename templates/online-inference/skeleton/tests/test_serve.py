"""The server against MLflow: it serves the champion, follows a promotion, and runs without one."""
import pytest
from fastapi.testclient import TestClient

from usecase import pipeline
from usecase.data import FEATURES, synthetic_dataset
from usecase.registry import ModelRegistry
from usecase.serve import create_app

ROW = {"tenure_months": 12, "monthly_spend": 70, "support_tickets": 4, "late_payments": 2}


def test_without_a_champion_the_server_runs_and_says_why(model_name):
    client = TestClient(create_app(ModelRegistry(model_name), reload_interval=0))
    assert client.get("/healthz").json() == {"status": "ok"}
    ready = client.get("/readyz")
    assert ready.status_code == 503 and "no champion" in ready.json()["detail"]
    assert client.post("/predict", json={"instances": [ROW]}).status_code == 503


def test_serves_the_champion_and_picks_up_a_new_one_without_restart(model_name):
    pipeline.run(model_name=model_name)
    client = TestClient(create_app(ModelRegistry(model_name), reload_interval=0))
    assert client.get("/readyz").json() == {"status": "ready", "modelVersion": "1"}
    response = client.post("/predict", json={"instances": [ROW, ROW]})
    assert response.status_code == 200
    body = response.json()
    assert body["modelVersion"] == "1" and len(body["predictions"]) == 2
    assert all(0 <= p <= 1 for p in body["predictions"])

    second = pipeline.run(model_name=model_name)
    assert second["promoted"] and second["version"] == "2"
    assert client.post("/predict", json={"instances": [ROW]}).json()["modelVersion"] == "2"
    assert 'model_version{app="' in client.get("/metrics").text


def test_invalid_features_are_rejected_with_the_field_named(model_name):
    client = TestClient(create_app(ModelRegistry(model_name), reload_interval=0))
    bad = client.post("/predict", json={"instances": [{**ROW, "late_payments": -1}]})
    assert bad.status_code == 422 and "late_payments" in bad.text
    assert client.post("/predict", json={"instances": []}).status_code == 422


def test_level_2_measures_drift_on_the_rows_it_serves(model_name):
    pytest.importorskip("usecase.drift", reason="drift monitoring is a Level-2 file")
    pipeline.run(model_name=model_name)
    client = TestClient(create_app(ModelRegistry(model_name), reload_interval=0))
    shifted = synthetic_dataset(120, seed=5, spend_shift=80).drop(columns=["label"]).to_dict("records")
    assert client.post("/predict", json={"instances": shifted}).status_code == 200
    psi = {
        line.split('feature="')[1].split('"')[0]: float(line.rsplit(" ", 1)[1])
        for line in client.get("/metrics").text.splitlines()
        if line.startswith("model_feature_psi{")
    }
    assert set(psi) == set(FEATURES)
    assert psi["monthly_spend"] > 0.25 > psi["tenure_months"]


def test_a_challenger_is_shadowed_measured_and_never_returned(model_name):
    pipeline.run(model_name=model_name)
    weaker = pipeline.run(model_name=model_name, params={"n_estimators": 1, "max_depth": 1})
    assert weaker["promoted"] is False
    client = TestClient(create_app(ModelRegistry(model_name), reload_interval=0))
    assert client.post("/predict", json={"instances": [ROW, ROW]}).json()["modelVersion"] == "1"
    metrics = client.get("/metrics").text
    assert f'shadow_predictions_total{{app="' in metrics and 'model_version="2"} 2' in metrics
