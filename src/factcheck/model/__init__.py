"""The records, with no input or output: claims files and their claims, formulas, verdicts and results.

Every layer above reads these; none of them reads a file, prints or imports the verifier.
"""

__all__: list[str] = []
