from usecase.data import synthetic_dataset
from usecase.score import score
from usecase.train import train


def test_batch_scoring_adds_probabilities():
    model = train(synthetic_dataset()).model
    scored = score(model, synthetic_dataset(20).drop(columns=["label"]))
    assert scored["score"].between(0, 1).all()
    assert len(scored) == 20
