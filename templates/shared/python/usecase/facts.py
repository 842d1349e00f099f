"""Reports what this project did to the Landing Zone portal (POST /api/mlops/facts), so its
maturity is observed rather than declared.

The portal URL and token come from LANDING_ZONE_URL and LANDING_ZONE_TOKEN (CI secrets and the
cluster's secret); without a URL nothing is sent and the pipeline still runs. Every fact has a
stable id (MLflow run id, `<model>/<version>`, ...), so re-sending after a retry changes nothing.
"""
from __future__ import annotations

import json
import logging
import os
import urllib.error
import urllib.request
from datetime import datetime, timezone
from typing import Dict, Iterable, List, Optional

from .config import platform_config, tracking_config

log = logging.getLogger(__name__)
MAX_FACTS_PER_REQUEST = 500


class FactReportError(RuntimeError):
    pass


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def from_millis(millis: Optional[int]) -> str:
    if not millis:
        return now()
    return datetime.fromtimestamp(millis / 1000, timezone.utc).replace(microsecond=0).isoformat()


def fact(type_: str, source: str, id_: str, data: dict, observed_at: Optional[str] = None) -> dict:
    return {
        "entityRef": platform_config().entity_ref,
        "type": type_,
        "source": source,
        "id": id_,
        "observedAt": observed_at or now(),
        "data": data,
    }


def training_run(run) -> dict:
    """From an mlflow.entities.Run."""
    tags = run.data.tags
    data = {
        "runId": run.info.run_id,
        "experiment": tracking_config().experiment,
        "metrics": {k: float(v) for k, v in run.data.metrics.items()},
        "params": {k: str(v) for k, v in run.data.params.items()},
    }
    if tags.get("dataset_fingerprint"):
        data["datasetFingerprint"] = tags["dataset_fingerprint"]
    return fact("training-run", "mlflow", run.info.run_id, data, from_millis(run.info.end_time or run.info.start_time))


def model_version(registry_uri: str, model: str, version: str, aliases: List[str], run_id: str, metrics: Dict[str, float]) -> dict:
    return fact(
        "model-version",
        "mlflow",
        f"{model}/{version}",
        {"registry": registry_uri, "model": model, "version": str(version), "aliases": sorted(aliases), "runId": run_id, "metrics": metrics},
    )


def evaluation(run_id: str, suite: str, score: float, threshold: float, passed: bool, model_version: Optional[str] = None) -> dict:
    data = {"suite": suite, "score": float(score), "threshold": float(threshold), "passed": bool(passed)}
    if model_version:
        data["modelVersion"] = str(model_version)
    return fact("evaluation", "pipeline", f"{run_id}/{suite}", data)


def deployment(environment: str, version: str, id_: str, image_digest: Optional[str] = None, source: str = "github-actions") -> dict:
    data = {"environment": environment, "version": version}
    if image_digest:
        data["imageDigest"] = image_digest
    return fact("deployment", source, id_, data)


def drift_check(id_: str, features: Dict[str, float], threshold: float, breached: bool) -> dict:
    return fact(
        "drift-check",
        "pipeline",
        id_,
        {"features": {k: float(v) for k, v in features.items()}, "statistic": "psi", "threshold": float(threshold), "breached": bool(breached)},
    )


def retraining(trigger: str, run_id: str) -> dict:
    if trigger not in ("schedule", "drift", "manual"):
        raise ValueError(f"trigger: expected schedule, drift or manual, got {trigger!r}")
    return fact("retraining", "pipeline", run_id, {"trigger": trigger, "runId": run_id})


def ci_run(id_: str, status: str, commit: str, workflow: Optional[str] = None, image_digest: Optional[str] = None) -> dict:
    data = {"status": status, "commit": commit}
    if workflow:
        data["workflow"] = workflow
    # The digest of the image this run pushed: the portal's evidence that the project ships as one.
    if image_digest:
        data["imageDigest"] = image_digest
    return fact("ci-run", "github-actions", id_, data)


def report(facts: Iterable[dict], url: Optional[str] = None, token: Optional[str] = None, timeout: float = 15) -> Optional[dict]:
    """Posts the facts; returns the portal's counts summed, or None when no portal is configured."""
    url = url if url is not None else os.environ.get("LANDING_ZONE_URL", "")
    token = token if token is not None else os.environ.get("LANDING_ZONE_TOKEN", "")
    facts = list(facts)
    if not url:
        log.info("LANDING_ZONE_URL is not set: %d fact(s) not reported", len(facts))
        return None
    totals = {"accepted": 0, "updated": 0, "unchanged": 0}
    for start in range(0, len(facts), MAX_FACTS_PER_REQUEST):
        body = json.dumps({"facts": facts[start : start + MAX_FACTS_PER_REQUEST]}).encode()
        request = urllib.request.Request(
            url.rstrip("/") + "/api/mlops/facts",
            data=body,
            method="POST",
            headers={"Content-Type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})},
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                counts = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            # The portal names the offending field in a 400; the token is never echoed.
            raise FactReportError(f"the portal refused the facts: HTTP {error.code} {error.read()[:500].decode(errors='replace')}") from None
        except (urllib.error.URLError, OSError) as error:
            raise FactReportError(f"the portal at {url} is unreachable: {error}") from None
        for key in totals:
            totals[key] += int(counts.get(key, 0))
    return totals


def report_quietly(facts: Iterable[dict]) -> Optional[dict]:
    """For pipeline steps: evidence that cannot be sent is logged, and never fails training."""
    try:
        return report(facts)
    except FactReportError as error:
        log.warning("%s", error)
        return None
