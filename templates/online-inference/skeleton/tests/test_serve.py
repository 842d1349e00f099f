import pytest
from fastapi.testclient import TestClient

from usecase.pipeline import MODEL_NAME, run
from usecase.registry import LocalFileRegistry
from usecase.serve import create_app
from usecase.tracking import LocalFileTracker

ROW = {"tenure_months": 12, "monthly_spend": 70, "support_tickets": 4, "late_payments": 2}


@pytest.fixture
def registry(tmp_path):
    return LocalFileRegistry(tmp_path / "registry")


def test_health_answers_before_a_model_exists(registry):
    client = TestClient(create_app(registry))
    assert client.get("/healthz").json() == {"status": "ok"}
    assert client.get("/readyz").status_code == 503
    assert client.post("/predict", json={"instances": [ROW]}).status_code == 503


def test_serves_the_registered_model(tmp_path, registry):
    version = run(LocalFileTracker(tmp_path / "runs", MODEL_NAME), registry)
    registry.promote(MODEL_NAME, version)
    client = TestClient(create_app(registry))
    assert client.get("/readyz").json() == {"status": "ready", "modelVersion": version}
    response = client.post("/predict", json={"instances": [ROW, ROW]})
    assert response.status_code == 200
    predictions = response.json()["predictions"]
    assert len(predictions) == 2 and all(0 <= p <= 1 for p in predictions)
    metrics = client.get("/metrics").text
    assert f'prediction_requests_total{{app="{MODEL_NAME}"}} 1' in metrics


def test_invalid_features_are_rejected(registry):
    client = TestClient(create_app(registry))
    assert client.post("/predict", json={"instances": [{**ROW, "late_payments": -1}]}).status_code == 422
    assert client.post("/predict", json={"instances": []}).status_code == 422
