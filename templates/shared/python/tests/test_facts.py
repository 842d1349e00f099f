"""Facts reach the portal with the token, in the contract's shape, and a retry changes nothing."""
import re

import pytest

from usecase import facts
from usecase.facts import FactReportError, report

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def test_without_a_portal_url_nothing_is_sent_and_nothing_fails(monkeypatch):
    monkeypatch.delenv("LANDING_ZONE_URL", raising=False)
    assert report([facts.retraining("manual", "r1")]) is None


def test_facts_carry_the_entity_and_are_idempotent(portal):
    batch = [facts.deployment("production", "3", "ci-42"), facts.drift_check("m/3/w1", {"a": 0.3}, 0.25, True)]
    assert report(batch) == {"accepted": 2, "updated": 0, "unchanged": 0}
    assert report(batch) == {"accepted": 0, "updated": 0, "unchanged": 2}
    for fact in portal.facts():
        assert fact["entityRef"] == "component:default/${{ values.name }}"
        assert ISO.match(fact["observedAt"]), fact["observedAt"]


def test_a_refusal_is_an_error_naming_the_status(portal):
    with pytest.raises(FactReportError, match="HTTP 401"):
        report([facts.retraining("manual", "r1")], token="wrong")


def test_an_unknown_trigger_is_refused():
    with pytest.raises(ValueError, match="trigger"):
        facts.retraining("cron", "r1")


def test_the_ci_run_command_sends_the_pushed_image_digest(portal):
    from usecase.report_facts import main

    digest = "sha256:" + "ab" * 32
    assert main(["ci-run", "--status", "success", "--commit", "c0ffee", "--workflow", "ci", "--id", "7-1", "--image-digest", digest]) == 0
    [sent] = portal.facts()
    assert sent["type"] == "ci-run"
    assert sent["data"] == {"status": "success", "commit": "c0ffee", "workflow": "ci", "imageDigest": digest}
