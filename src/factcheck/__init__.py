"""factcheck: recompute every number in a news article from its base figures.

    >>> import factcheck
    >>> result = factcheck.check_file("claims/west-mercia-mappa-2020.claims.toml")
    >>> [o.verdict.value for o in result.outcomes][:3]
    ['supported', 'unchecked', 'supported']

Names are imported on first use, so `import factcheck` (and `factcheck --version`) stay cheap.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "Article": "factcheck.model.claims",
    "ChangeClaim": "factcheck.model.claims",
    "Check": "factcheck.model.claims",
    "ClaimsFile": "factcheck.model.claims",
    "ComparisonClaim": "factcheck.model.claims",
    "DifferenceClaim": "factcheck.model.claims",
    "Figure": "factcheck.model.claims",
    "FormulaClaim": "factcheck.model.claims",
    "Location": "factcheck.model.claims",
    "OneInClaim": "factcheck.model.claims",
    "PointChangeClaim": "factcheck.model.claims",
    "RateClaim": "factcheck.model.claims",
    "RatioClaim": "factcheck.model.claims",
    "Sentence": "factcheck.model.claims",
    "ShareClaim": "factcheck.model.claims",
    "Source": "factcheck.model.claims",
    "SourceKind": "factcheck.model.claims",
    "ValueClaim": "factcheck.model.claims",
    "load_claims_file": "factcheck.load.claimsfile",
    "loads_claims_file": "factcheck.load.claimsfile",
    "ClaimsFileError": "factcheck.errors",
    "CycleError": "factcheck.errors",
    "FactcheckError": "factcheck.errors",
    "FormulaError": "factcheck.errors",
    "PhraseError": "factcheck.errors",
    "UnitMismatchError": "factcheck.errors",
    "UnknownNameError": "factcheck.errors",
    "ZeroDenominatorError": "factcheck.errors",
    "Interval": "factcheck.numbers.interval",
    "Stated": "factcheck.words.stated",
    "parse_stated": "factcheck.words.stated",
    "FileResult": "factcheck.model.results",
    "Outcome": "factcheck.model.results",
    "Verdict": "factcheck.model.verdicts",
    "check_file": "factcheck.check.pipeline",
    "verify_claim": "factcheck.check.pipeline",
    "verify_file": "factcheck.check.pipeline",
}

__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.model.claims import (
        Article,
        ChangeClaim,
        Check,
        ClaimsFile,
        ComparisonClaim,
        DifferenceClaim,
        Figure,
        FormulaClaim,
        Location,
        OneInClaim,
        PointChangeClaim,
        RateClaim,
        RatioClaim,
        Sentence,
        ShareClaim,
        Source,
        SourceKind,
        ValueClaim,
    )  # fmt: skip
    from factcheck.load.claimsfile import load_claims_file, loads_claims_file
    from factcheck.errors import (
        ClaimsFileError,
        CycleError,
        FactcheckError,
        FormulaError,
        PhraseError,
        UnitMismatchError,
        UnknownNameError,
        ZeroDenominatorError,
    )  # fmt: skip
    from factcheck.numbers.interval import Interval
    from factcheck.words.stated import Stated, parse_stated
    from factcheck.model.results import FileResult, Outcome
    from factcheck.model.verdicts import Verdict
    from factcheck.check.pipeline import check_file, verify_claim, verify_file


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        msg = f"module 'factcheck' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
