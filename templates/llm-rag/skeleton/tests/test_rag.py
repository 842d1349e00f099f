import pytest

from usecase.corpus import DOCUMENTS
from usecase.generation import ExtractiveGenerator
from usecase.rag import RagApp
from usecase.retrieval import Document, Index


def app():
    return RagApp(Index(DOCUMENTS), ExtractiveGenerator())


def test_retrieves_the_relevant_document_first():
    hits = Index(DOCUMENTS).search("warranty for accidental damage")
    assert hits[0].document.id == "warranty"


def test_answers_from_the_sources_and_cites_them():
    answer = app().ask("How long do refunds take?")
    assert "14 days" in answer.text
    assert answer.sources[0] == "refunds"


def test_says_it_does_not_know_without_sources():
    answer = app().ask("quantum chromodynamics")
    assert answer.text == "I don't know."
    assert answer.sources == []


def test_refuses_empty_questions_and_empty_indexes():
    with pytest.raises(ValueError):
        app().ask("   ")
    with pytest.raises(ValueError):
        Index([])


def test_a_custom_corpus_is_searchable():
    index = Index([Document("a", "alpha beta"), Document("b", "gamma delta")])
    assert [h.document.id for h in index.search("gamma")] == ["b"]
