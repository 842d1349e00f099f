import numpy as np

from usecase.data import FEATURES, synthetic_dataset
from usecase.reference import reference_statistics, shares


def test_reference_shares_describe_the_training_distribution():
    frame = synthetic_dataset(1000)
    stats = reference_statistics(frame)
    assert set(stats) == set(FEATURES)
    for feature, entry in stats.items():
        assert np.isclose(sum(entry["shares"]), 1.0)
        assert np.allclose(shares(frame[feature].tolist(), entry["edges"]), entry["shares"])
