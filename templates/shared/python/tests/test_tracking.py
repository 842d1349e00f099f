import pandas as pd

from usecase.tracking import configure, dataset_fingerprint


def test_the_fingerprint_changes_with_any_value_and_only_then():
    frame = pd.DataFrame({"a": [1, 2, 3], "b": [0.5, 0.25, 0.125]})
    assert dataset_fingerprint(frame) == dataset_fingerprint(frame.copy())
    changed = frame.copy()
    changed.loc[2, "b"] = 0.126
    assert dataset_fingerprint(changed) != dataset_fingerprint(frame)


def test_configure_uses_the_tracking_uri_from_the_environment(tracking_uri):
    assert configure() == tracking_uri
