"""The MLflow model registry: versions of one registered model, promoted by alias.

The `champion` alias is what serving and batch scoring load; promoting moves it (the previous
champion keeps the `previous` alias, so rollback is one call). Models are loaded with the
scikit-learn flavor so `predict_proba` stays available (the pyfunc flavor only has `predict`).
"""
from __future__ import annotations

from typing import Any, Optional

import mlflow
from mlflow.exceptions import MlflowException
from mlflow.tracking import MlflowClient

from .config import tracking_config

PREVIOUS_ALIAS = "previous"


class NoChampion(LookupError):
    """The registered model has no champion yet (nothing promoted): a state, not a crash."""


class ModelRegistry:
    def __init__(self, model_name: Optional[str] = None, client: Optional[MlflowClient] = None) -> None:
        config = tracking_config()
        self.model_name = model_name or config.model_name
        self.champion_alias = config.champion_alias
        self.client = client or MlflowClient()

    def register(self, model_uri: str) -> str:
        """Registers a logged model (e.g. `runs:/<run id>/model`); returns the new version."""
        return str(mlflow.register_model(model_uri, self.model_name).version)

    def version_with_alias(self, alias: str) -> Optional[str]:
        try:
            return str(self.client.get_model_version_by_alias(self.model_name, alias).version)
        except MlflowException as error:
            # Unknown model or unset alias; anything else (server down, auth) must surface.
            if error.error_code in ("RESOURCE_DOES_NOT_EXIST", "INVALID_PARAMETER_VALUE", "NOT_FOUND"):
                return None
            raise

    def champion_version(self) -> Optional[str]:
        return self.version_with_alias(self.champion_alias)

    def load(self, version: Optional[str] = None) -> Any:
        """The scikit-learn model of a version, or of the champion; NoChampion if none is set."""
        if version is None:
            version = self.champion_version()
            if version is None:
                raise NoChampion(f"model {self.model_name!r} has no {self.champion_alias!r} alias yet")
        return mlflow.sklearn.load_model(f"models:/{self.model_name}/{version}")

    def run_id(self, version: str) -> str:
        return self.client.get_model_version(self.model_name, version).run_id

    def promote(self, version: str) -> None:
        current = self.champion_version()
        if current == str(version):
            return
        if current is not None:
            self.client.set_registered_model_alias(self.model_name, PREVIOUS_ALIAS, current)
        self.client.set_registered_model_alias(self.model_name, self.champion_alias, str(version))

    def rollback(self) -> str:
        previous = self.version_with_alias(PREVIOUS_ALIAS)
        if previous is None:
            raise LookupError(f"model {self.model_name!r} has no previous champion to roll back to")
        self.promote(previous)
        return previous

    def aliases(self, version: str) -> list:
        return list(self.client.get_model_version(self.model_name, version).aliases)
