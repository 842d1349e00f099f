from usecase.tracking import LocalFileTracker, tracker_from_env


def test_a_run_keeps_its_params_and_metrics(tmp_path):
    tracker = LocalFileTracker(tmp_path, "exp")
    run_id = tracker.start_run("train")
    tracker.log_params(run_id, {"max_depth": 3})
    tracker.log_metrics(run_id, {"auc": 0.91})
    tracker.end_run(run_id)
    run = tracker.get_run(run_id)
    assert run["params"] == {"max_depth": "3"}
    assert run["metrics"] == {"auc": 0.91}
    assert run["status"] == "FINISHED"


def test_the_local_tracker_is_the_default(tmp_path, monkeypatch):
    monkeypatch.setenv("TRACKING_DIR", str(tmp_path))
    monkeypatch.delenv("TRACKING_BACKEND", raising=False)
    assert isinstance(tracker_from_env("exp"), LocalFileTracker)
