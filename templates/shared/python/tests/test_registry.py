import pytest

from usecase.registry import LocalFileRegistry


def test_versions_increase_and_promotion_selects_the_served_one(tmp_path):
    registry = LocalFileRegistry(tmp_path)
    assert registry.register("m", {"w": 1}, {"auc": 0.8}) == 1
    assert registry.register("m", {"w": 2}, {"auc": 0.9}) == 2
    registry.promote("m", 1)
    assert registry.load("m") == {"w": 1}
    assert registry.load("m", 2) == {"w": 2}
    assert registry.metrics("m", 2) == {"auc": 0.9}


def test_rollback_is_promoting_the_previous_version(tmp_path):
    registry = LocalFileRegistry(tmp_path)
    registry.register("m", "old", {})
    registry.register("m", "new", {})
    registry.promote("m", 2)
    registry.promote("m", 1)
    assert registry.production_version("m") == 1


def test_unknown_versions_are_refused(tmp_path):
    registry = LocalFileRegistry(tmp_path)
    with pytest.raises(LookupError):
        registry.promote("m", 3)
    with pytest.raises(LookupError):
        registry.load("m")
