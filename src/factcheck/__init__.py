"""factcheck: recompute every number in a news article from its base figures.

    >>> import factcheck
    >>> result = factcheck.check_file("claims/west-mercia-mappa-2020.claims.toml")
    >>> [o.verdict.value for o in result.outcomes][:3]
    ['supported', 'unchecked', 'supported']

The names below are the public API. Each is imported on first use, and `__version__` is read from
the installed package's metadata only when asked for (its METADATA file, without importing
`importlib.metadata`), so `import factcheck` and `factcheck --version` stay cheap. Where a name is defined inside the package is not part of the API.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING, Any, Final

__all__ = [
    "Article",
    "CacheError",
    "ChangeClaim",
    "Check",
    "ClaimFailedError",
    "ClaimInputError",
    "ClaimsFile",
    "ClaimsFileError",
    "ComparisonClaim",
    "ComputedBoundError",
    "CycleError",
    "DifferenceClaim",
    "DraftExistsError",
    "DraftInputError",
    "FactcheckError",
    "Figure",
    "FileResult",
    "FormulaClaim",
    "FormulaError",
    "ImpossibleValueError",
    "InputOverwriteError",
    "InputsMissingError",
    "Interval",
    "IntervalError",
    "Kind",
    "Location",
    "OneInClaim",
    "Outcome",
    "OutputError",
    "PhraseError",
    "PointChangeClaim",
    "Quantity",
    "RateClaim",
    "RatioClaim",
    "ReadRefusedError",
    "Sentence",
    "ShareClaim",
    "Source",
    "SourceKind",
    "Stated",
    "TOMLLimitError",
    "ToleranceError",
    "Totals",
    "UnitError",
    "UnitMismatchError",
    "UnknownNameError",
    "UnusableNameError",
    "ValueClaim",
    "Verdict",
    "Verifier",
    "ZeroDenominatorError",
    "__version__",
    "check_file",
    "check_path",
    "load_claims_file",
    "loads_claims_file",
    "parse_stated",
    "totals_of",
    "verify_claim",
    "verify_file",
]

#: Where each public name is defined, imported from there on first use.
_EXPORTS: Final = {
    **dict.fromkeys(
        [
            "Article",
            "ChangeClaim",
            "Check",
            "ClaimsFile",
            "ComparisonClaim",
            "DifferenceClaim",
            "Figure",
            "FormulaClaim",
            "Location",
            "OneInClaim",
            "PointChangeClaim",
            "RateClaim",
            "RatioClaim",
            "Sentence",
            "ShareClaim",
            "Source",
            "SourceKind",
            "ValueClaim",
        ],
        "factcheck.model.claims",
    ),
    **dict.fromkeys(
        [
            "CacheError",
            "ClaimFailedError",
            "ClaimInputError",
            "ClaimsFileError",
            "ComputedBoundError",
            "CycleError",
            "DraftExistsError",
            "DraftInputError",
            "FactcheckError",
            "FormulaError",
            "ImpossibleValueError",
            "InputOverwriteError",
            "InputsMissingError",
            "IntervalError",
            "OutputError",
            "PhraseError",
            "ReadRefusedError",
            "TOMLLimitError",
            "ToleranceError",
            "UnitError",
            "UnitMismatchError",
            "UnknownNameError",
            "UnusableNameError",
            "ZeroDenominatorError",
        ],
        "factcheck.errors",
    ),
    "Kind": "factcheck.model.kinds",
    "FileResult": "factcheck.model.results",
    "Outcome": "factcheck.model.results",
    "totals_of": "factcheck.model.results",
    "Totals": "factcheck.model.verdicts",
    "Verdict": "factcheck.model.verdicts",
    "Interval": "factcheck.numbers.interval",
    "Stated": "factcheck.words.stated",
    "load_claims_file": "factcheck.load.claimsfile",
    "loads_claims_file": "factcheck.load.claimsfile",
    "Quantity": "factcheck.check.quantity",
    # the engine's results with Fraction numbers, whichever exact type it computed in (check/public.py)
    "Verifier": "factcheck.check.public",
    "check_file": "factcheck.check.public",
    "check_path": "factcheck.check.public",
    "parse_stated": "factcheck.check.public",
    "verify_claim": "factcheck.check.public",
    "verify_file": "factcheck.check.public",
}

if TYPE_CHECKING:  # pragma: no cover
    from factcheck.check.public import Verifier, check_file, check_path, parse_stated, verify_claim, verify_file
    from factcheck.check.quantity import Quantity
    from factcheck.errors import (
        CacheError,
        ClaimFailedError,
        ClaimInputError,
        ClaimsFileError,
        ComputedBoundError,
        CycleError,
        DraftExistsError,
        DraftInputError,
        FactcheckError,
        FormulaError,
        ImpossibleValueError,
        InputOverwriteError,
        InputsMissingError,
        IntervalError,
        OutputError,
        PhraseError,
        ReadRefusedError,
        ToleranceError,
        TOMLLimitError,
        UnitError,
        UnitMismatchError,
        UnknownNameError,
        UnusableNameError,
        ZeroDenominatorError,
    )
    from factcheck.load.claimsfile import load_claims_file, loads_claims_file
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
    )
    from factcheck.model.kinds import Kind
    from factcheck.model.results import FileResult, Outcome, totals_of
    from factcheck.model.verdicts import Totals, Verdict
    from factcheck.numbers.interval import Interval
    from factcheck.words.stated import Stated

    __version__: str


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (and `__version__` read from the metadata)."""
    if name == "__version__":
        value: Any = _installed_version()
    else:
        module = _EXPORTS.get(name)
        if module is None:
            msg = f"module 'factcheck' has no attribute {name!r}"
            raise AttributeError(msg)
        value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def _installed_version() -> str:
    """The installed version, from the package's metadata.

    The `Version:` of the first `factcheck-*.dist-info/METADATA` along `sys.path`, the one
    `importlib.metadata` finds, read directly: importing `importlib.metadata` costs some 50 ms (it
    brings in the email package), more than all the rest of `factcheck --version`. Any other layout
    of an installation is left to `importlib.metadata` itself.
    """
    for entry in sys.path:
        try:
            with os.scandir(entry or ".") as found:
                names = sorted(
                    e.name for e in found if e.name.startswith("factcheck-") and e.name.endswith(".dist-info")
                )
        except OSError:  # not a folder (a zip file, a path that does not exist)
            continue
        for name in names:
            version = _metadata_version(os.path.join(entry or ".", name, "METADATA"))
            if version is not None:
                return version
    from importlib.metadata import version as metadata_version  # the general way, for any other layout

    return metadata_version("factcheck")


def _metadata_version(path: str) -> str | None:
    """The `Version:` header of a METADATA file (the headers end at the first empty line)."""
    try:
        with open(path, encoding="utf-8") as metadata:
            for line in metadata:
                if line.startswith("Version:"):
                    return line.partition(":")[2].strip()
                if not line.strip():
                    return None
    except OSError:
        return None
    return None


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
