"""Writes a draft claims file (format 1) as TOML text.

The TOML is written by hand (no dependency): strings are TOML basic strings with every character
that needs it escaped, so any sentence survives the round trip through `tomllib` unchanged.
The first lines say why `factcheck check` fails on the draft as it stands (`Draft.unfinished`); an
article that gives no date gets a `published` the loader refuses, quoting the words that ask for it.
Saving it is the runner's (`factcheck.runner.output.write_draft`), as for reports: atomic, and an
existing file is kept unless `force` is given.
"""

from __future__ import annotations

from fractions import Fraction

from factcheck.drafting.extract import Draft
from factcheck.numbers.exact import as_float, is_exact, parts

__all__ = ["PUBLISHED_PLACEHOLDER", "draft_toml", "toml_string"]


_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}


def toml_string(text: str) -> str:
    """`text` as a TOML basic string: quotes, backslashes and control characters escaped."""
    out = []
    for ch in text:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _value(value: object) -> str:
    if isinstance(value, Fraction) or is_exact(value):  # the engine's exact type too (numbers.exact)
        numerator, denominator = parts(value)
        if denominator == 1:
            return str(numerator)
        return str(as_float(value))
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, tuple):  # a rank's `among`: a list of names
        return "[" + ", ".join(map(_value, value)) + "]"
    return toml_string(str(value))


#: What `published` is set to when the article says nowhere when it was published: a string, which the
#: loader refuses (it wants a TOML date) with a message that quotes it, so the file fails to load until
#: the date is filled in.
PUBLISHED_PLACEHOLDER = "FILL IN: the date the article was published, as a TOML date such as 2024-03-14"


def draft_toml(draft: Draft, path: str | None = None) -> str:
    """The draft as the text of a claims file; `path`, the file's name, for the commands its comments suggest."""
    lines = [
        f"# Drafted by `factcheck extract`{' from ' + draft.source if draft.source else ''}.",
        '# Every input set to "?" (or "?name", a guess) is a placeholder: name a figure or a claim id',
        "# there, add the figures under [figures], and check each drafted kind and `check`.",
    ]
    unfinished = draft.unfinished(path)
    if unfinished:  # a claim with a placeholder is unchecked (a draft), and the file fails until none is left
        lines.append("# `factcheck check` fails (exit 1) on this draft until it is finished:")
        lines += [f"#   - {reason}" for reason in unfinished]
    else:
        lines.append("# Nothing is left to fill in: `factcheck check` reads every claim.")
    lines += [
        "format = 1",
        "",
        "[article]",
        f"title = {toml_string(draft.title)}",
    ]
    if draft.published is None:
        lines.append(f"published = {toml_string(PUBLISHED_PLACEHOLDER)}  # the article gives no date: fill it in")
    else:
        lines.append(f"published = {draft.published.isoformat()}")
    if draft.text is not None:
        lines.append(f"text = {toml_string(draft.text)}")
    for sentence in draft.sentences:
        lines += ["", "[[sentences]]", f"text = {toml_string(sentence.text)}"]
        if sentence.check is not None:
            lines.append(f"check = {toml_string(sentence.check)}")
        for claim in sentence.claims:
            lines += [
                "",
                "  [[sentences.claims]]",
                f"  id = {toml_string(claim.id)}",
                f"  kind = {toml_string(claim.kind)}",
                f"  stated = {toml_string(claim.stated)}",
            ]
            lines += [f"  {key} = {_value(value)}" for key, value in claim.fields]
    return "\n".join(lines) + "\n"
