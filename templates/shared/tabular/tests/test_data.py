import pytest

from usecase.data import DataValidationError, synthetic_dataset, validate


def test_the_synthetic_dataset_is_valid():
    frame = synthetic_dataset(200)
    assert validate(frame) is frame
    assert set(frame.label.unique()) == {0, 1}


@pytest.mark.parametrize(
    "breakage, message",
    [
        (lambda f: f.drop(columns=["tenure_months"]), "missing columns"),
        (lambda f: f.assign(monthly_spend=None), "null values"),
        (lambda f: f.assign(support_tickets=-1), "negative"),
        (lambda f: f.assign(label=3), "label"),
        (lambda f: f.iloc[0:0], "no rows"),
    ],
)
def test_bad_data_is_refused(breakage, message):
    with pytest.raises(DataValidationError, match=message):
        validate(breakage(synthetic_dataset(50)))
