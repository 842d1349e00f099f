"""Model registry behind a small interface: versioned models that can be promoted and rolled back.

Production uses the MLflow model registry (REGISTRY_BACKEND=mlflow); the default keeps versions
as files so tests need no server.
"""
from __future__ import annotations

import json
import os
import pickle
from pathlib import Path
from typing import Any, Dict, Optional, Protocol


class ModelRegistry(Protocol):
    def register(self, name: str, model: Any, metrics: Dict[str, float]) -> int: ...
    def load(self, name: str, version: Optional[int] = None) -> Any: ...
    def promote(self, name: str, version: int) -> None: ...
    def production_version(self, name: str) -> Optional[int]: ...


class LocalFileRegistry:
    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def _dir(self, name: str) -> Path:
        path = self.root / name
        path.mkdir(parents=True, exist_ok=True)
        return path

    def _versions(self, name: str) -> list[int]:
        return sorted(int(p.stem.split("-")[1]) for p in self._dir(name).glob("v-*.pkl"))

    def register(self, name: str, model: Any, metrics: Dict[str, float]) -> int:
        versions = self._versions(name)
        version = (versions[-1] if versions else 0) + 1
        directory = self._dir(name)
        (directory / f"v-{version}.pkl").write_bytes(pickle.dumps(model))
        (directory / f"v-{version}.json").write_text(json.dumps({"metrics": metrics}))
        return version

    def load(self, name: str, version: Optional[int] = None) -> Any:
        version = version or self.production_version(name) or max(self._versions(name), default=None)
        if version is None:
            raise LookupError(f"no registered version of model {name!r}")
        return pickle.loads((self._dir(name) / f"v-{version}.pkl").read_bytes())

    def promote(self, name: str, version: int) -> None:
        if version not in self._versions(name):
            raise LookupError(f"model {name!r} has no version {version}")
        (self._dir(name) / "production").write_text(str(version))

    def production_version(self, name: str) -> Optional[int]:
        marker = self._dir(name) / "production"
        return int(marker.read_text()) if marker.exists() else None

    def metrics(self, name: str, version: int) -> Dict[str, float]:
        return json.loads((self._dir(name) / f"v-{version}.json").read_text())["metrics"]


class MlflowRegistry:
    """The production path, imported lazily."""

    def __init__(self) -> None:
        import mlflow  # noqa: PLC0415

        self._mlflow = mlflow
        self._client = mlflow.MlflowClient()

    def register(self, name: str, model: Any, metrics: Dict[str, float]) -> int:
        info = self._mlflow.sklearn.log_model(model, "model", registered_model_name=name)
        return int(info.registered_model_version)

    def load(self, name: str, version: Optional[int] = None) -> Any:
        ref = f"models:/{name}/{version}" if version else f"models:/{name}@production"
        return self._mlflow.pyfunc.load_model(ref)

    def promote(self, name: str, version: int) -> None:
        self._client.set_registered_model_alias(name, "production", str(version))

    def production_version(self, name: str) -> Optional[int]:
        try:
            return int(self._client.get_model_version_by_alias(name, "production").version)
        except Exception:  # noqa: BLE001 - MLflow raises its own error type when unset
            return None


def registry_from_env() -> ModelRegistry:
    if os.environ.get("REGISTRY_BACKEND", "local") == "mlflow":
        return MlflowRegistry()
    return LocalFileRegistry(os.environ.get("REGISTRY_DIR", "model-registry"))
