import numpy as np
import pytest

from usecase.drift import drifted_features, population_stability_index


def test_the_same_distribution_is_stable():
    rng = np.random.default_rng(1)
    assert population_stability_index(rng.normal(0, 1, 5000), rng.normal(0, 1, 5000)) < 0.1


def test_a_shifted_distribution_is_drift():
    rng = np.random.default_rng(2)
    reference = {"a": rng.normal(0, 1, 5000), "b": rng.normal(0, 1, 5000)}
    current = {"a": rng.normal(1.5, 1, 5000), "b": rng.normal(0, 1, 5000)}
    assert list(drifted_features(reference, current)) == ["a"]


def test_empty_samples_are_refused():
    with pytest.raises(ValueError):
        population_stability_index([], [1.0])
