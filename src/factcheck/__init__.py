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
    "Article": "factcheck.claims",
    "ChangeClaim": "factcheck.claims",
    "Check": "factcheck.claims",
    "ClaimsFile": "factcheck.claims",
    "ComparisonClaim": "factcheck.claims",
    "DifferenceClaim": "factcheck.claims",
    "Figure": "factcheck.claims",
    "FormulaClaim": "factcheck.claims",
    "Location": "factcheck.claims",
    "OneInClaim": "factcheck.claims",
    "PointChangeClaim": "factcheck.claims",
    "RateClaim": "factcheck.claims",
    "RatioClaim": "factcheck.claims",
    "Sentence": "factcheck.claims",
    "ShareClaim": "factcheck.claims",
    "Source": "factcheck.claims",
    "SourceKind": "factcheck.claims",
    "ValueClaim": "factcheck.claims",
    "load_claims_file": "factcheck.claimsfile",
    "loads_claims_file": "factcheck.claimsfile",
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
    "FileResult": "factcheck.verify",
    "Outcome": "factcheck.verify",
    "Verdict": "factcheck.verdict",
    "check_file": "factcheck.verify",
    "verify_claim": "factcheck.verify",
    "verify_file": "factcheck.verify",
}

__all__ = sorted([*_EXPORTS, "__version__"])

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.claims import (
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
    from factcheck.claimsfile import load_claims_file, loads_claims_file
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
    from factcheck.verify import FileResult, Outcome, Verdict, check_file, verify_claim, verify_file


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
