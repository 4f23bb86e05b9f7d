"""The kinds of claim (model/kinds.py): one definition of the kinds, the signed ones and each kind's inputs."""

from __future__ import annotations

from factcheck.model.claims import CLAIM_TYPES
from factcheck.model.kinds import COUNT_KINDS, INPUTS, SENTENCE, SIGNED_KINDS, Kind


def test_a_kind_is_its_name_in_the_claims_file() -> None:
    """A name read from a file finds its kind, and a kind is written (and compared) as its name."""
    for kind in Kind:
        assert Kind(kind.value) is kind
        assert kind == kind.value and hash(kind) == hash(kind.value) and f"{kind}" == kind.value
    assert [kind.value for kind in Kind] == [
        "value",
        "rate",
        "one_in",
        "change",
        "point_change",
        "difference",
        "ratio",
        "share",
        "comparison",
        "rank",
        "formula",
    ]


def test_every_claim_class_takes_its_kinds_inputs() -> None:
    assert set(INPUTS) == set(Kind) == set(CLAIM_TYPES)
    for kind, cls in CLAIM_TYPES.items():
        assert cls.KIND is kind
        assert INPUTS[Kind(kind)] == cls.INPUTS


def test_the_signed_and_the_count_kinds() -> None:
    assert {Kind.CHANGE, Kind.POINT_CHANGE, Kind.DIFFERENCE} == SIGNED_KINDS
    assert {Kind.VALUE, Kind.DIFFERENCE, Kind.FORMULA} == COUNT_KINDS
    assert "change" in SIGNED_KINDS and "rate" not in SIGNED_KINDS  # a kind's name finds it, as a file gives it


def test_a_sentence_is_no_kind_of_claim() -> None:
    assert SENTENCE not in set(Kind)
