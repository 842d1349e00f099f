"""The batch-scoring job: the champion model × an input table → a scored output table.

    python -m usecase.batch_job --input /data/in/customers.csv --output /data/out/scores.csv

Input and output are CSV or Parquet paths (the Argo CronWorkflow maps them to the artifact store).
A registered challenger (a candidate the gate did not promote) is shadowed: its scores go to a
`challenger_score` column, never into `score`. `--input synthetic` scores freshly generated rows (not the training rows), for a first run. With
the Level-2 drift module the job also measures drift against the champion's reference statistics,
writes it next to the scores and reports it.
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from . import data
from .registry import ModelRegistry
from .score import score
from .tracking import configure

try:  # Level 2 adds usecase/drift.py.
    from .drift import DriftMonitor
except ImportError:  # pragma: no cover - depends on the chosen maturity level
    DriftMonitor = None

log = logging.getLogger(__name__)
# A seed the training data never uses: scoring the training rows would hide every problem.
SYNTHETIC_SCORING_SEED = 2024


def run(input_path: str, output_path: str, model_name: str | None = None) -> dict:
    configure()
    registry = ModelRegistry(model_name)
    version = registry.champion_version()
    model = registry.load(version)  # NoChampion (a LookupError) when nothing was promoted yet
    rows = data.synthetic_dataset(seed=SYNTHETIC_SCORING_SEED).drop(columns=[data.TARGET]) if input_path == "synthetic" else data.load(input_path)
    scored = score(model, rows)
    scored["model_version"] = version
    # Shadow rollout: a registered challenger (not promoted by the gate) scores the same rows in
    # its own column, so its answers can be compared before anyone relies on them.
    challenger = registry.version_with_alias("challenger")
    if challenger is not None and challenger != version:
        scored["challenger_score"] = registry.load(challenger).predict_proba(rows[data.FEATURES])[:, 1]
        scored["challenger_version"] = challenger
    out = data.save(scored, output_path)
    summary = {"rows": len(scored), "modelVersion": version, "output": str(out)}
    if DriftMonitor is not None:
        monitor = DriftMonitor.for_version(registry, version)
        monitor.observe(rows)
        summary["drift"] = monitor.check(window_id=f"batch/{Path(output_path).name}")
        Path(out).with_suffix(".drift.json").write_text(json.dumps(summary["drift"], indent=2))
    return summary


def main(argv=None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    parser = argparse.ArgumentParser(prog="python -m usecase.batch_job")
    parser.add_argument("--input", required=True, help="CSV/Parquet path, or 'synthetic'")
    parser.add_argument("--output", required=True, help="CSV/Parquet path for the scores")
    parser.add_argument("--model-name", help="registered model (default: config/tracking.yaml)")
    args = parser.parse_args(argv)
    try:
        print(json.dumps(run(args.input, args.output, args.model_name)))
    except LookupError as error:
        print(f"batch scoring skipped: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
