from usecase.config import platform_config, tracking_config


def test_the_environment_overrides_the_configured_tracking_uri(monkeypatch):
    monkeypatch.setenv("MLFLOW_TRACKING_URI", "http://mlflow.example:5000")
    assert tracking_config().uri == "http://mlflow.example:5000"
    monkeypatch.delenv("MLFLOW_TRACKING_URI")
    assert tracking_config().uri == "sqlite:///mlflow.db"


def test_the_form_values_reach_the_platform_config():
    config = platform_config()
    assert config.entity_ref == "component:default/${{ values.name }}"
    assert config.data_residency == "${{ values.dataResidency }}"
    assert config.region == "${{ values.region }}"
    assert config.compute_tier == "${{ values.computeTier }}"
