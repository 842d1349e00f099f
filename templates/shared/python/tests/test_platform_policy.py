"""What the data classification forbids, checked on the files that would break it."""
from pathlib import Path

import yaml

from usecase.config import ROOT, platform_config

HOSTED = {"ubuntu-latest", "ubuntu-24.04", "ubuntu-22.04", "windows-latest", "macos-latest"}


def workflow_runners():
    for path in sorted((ROOT / ".github" / "workflows").glob("*.yaml")):
        for name, job in yaml.safe_load(path.read_text())["jobs"].items():
            labels = job["runs-on"]
            yield f"{path.name}:{name}", [labels] if isinstance(labels, str) else labels


def test_jobs_run_where_the_classification_allows():
    config = platform_config()
    runners = list(workflow_runners())
    assert runners, "no workflow jobs found"
    for job, labels in runners:
        if config.hosted_runners_allowed:
            continue
        assert not HOSTED & set(labels), f"{job} runs on a hosted runner with {config.data_classification} data"
        assert f"lz-{config.data_residency}" in labels, f"{job} is not pinned to the {config.data_residency} runners"
