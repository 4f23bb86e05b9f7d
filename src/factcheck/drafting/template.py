"""Drafting a template claims file from several versions of one story (`factcheck extract A.txt B.txt …`).

The versions are read as `extract` reads one article (`drafting.sentences.read_article`) and lined
up sentence by sentence: the versions of one story have the same sentences, in the same order.
Within a sentence, the words every version shares are the template's own; the words that differ
become slots, `{name}`:

- a sentence's words are tokens (a word or number with its inner commas and points, a mark, a run
  of white space); the tokens common to every version, in order, are found by aligning each
  version with what is common so far (`difflib.SequenceMatcher`) until nothing more drops out;
- each run of differing tokens is a slot; a slot that some version leaves empty takes in its
  neighbours until every version has words there (a slot matches 1 to 200 characters), and two
  slots with only white space between them are made one (they could not be told apart);
- slots whose words are the same in every version are one slot, used again: the area's name,
  say. A slot without digits whose words differ in every version and that is used most often is
  taken for the area: `{area}`, and its words are the versions' rows (`row = "?"` otherwise).

Claims are drafted from the first version's sentences (`drafting.extract.draft_sentence`, as for
one article), their `stated` words widened to whole slots and written with them; a `value`
claim whose words lie in a slot is to read its figure from a table by the version's row: its
`figure` is a guess, "?NAME", and the figure is drafted as a comment to fill in and uncomment
(`[figures.NAME] table = "?", row = "{row}", column = "?"`). Every other input stays "?".
The draft is checked as it is written: each version's text must match the drafted sentences
(`load.slots.match_pattern`), so `factcheck check` reads every version back.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from factcheck.drafting.extract import Draft, DraftClaim, DraftSentence, draft_sentence
from factcheck.drafting.sentences import read_article
from factcheck.drafting.toml_writer import draft_toml, toml_string
from factcheck.errors import TemplateDraftError
from factcheck.load.slots import MAX_SLOT, Miss, Pattern, Slot, match_pattern, parse_slots
from factcheck.model.claims import PLACEHOLDER
from factcheck.model.kinds import Kind

__all__ = ["AREA", "TemplateDraft", "draft_template", "template_toml"]

#: A word or number (with its inner commas, points and apostrophes), one mark, or a run of white space.
_TOKEN: Final = re.compile(r"\w+(?:[.,'’]\w+)*|\s+|[^\w\s]")
#: The slot taken for the versions' area.
AREA: Final = "area"


@attrs.frozen
class TemplateDraft:
    """A drafted template: its sentences (with slots), the versions (row, text path) and the table figures."""

    draft: Draft
    versions: tuple[tuple[str, str], ...]
    figures: tuple[str, ...]  # the value claims' figures, each read from a table by the version's row


def draft_template(versions: Sequence[tuple[str, str]], *, today: dt.date | None = None) -> TemplateDraft:
    """The template drafted from (text path, text) of two or more versions of one story.

    Raises TemplateDraftError when the versions do not have the same sentences.
    """
    if len(versions) < 2:
        msg = "a template is drafted from two or more versions of a story"
        raise TemplateDraftError(msg)
    articles = [read_article(text) for _, text in versions]
    counts = [len(article.sentences) for article in articles]
    if len(set(counts)) > 1:
        first = versions[0][0]
        other = next(index for index, count in enumerate(counts) if count != counts[0])
        msg = (
            f"the versions do not have the same sentences: {first} has {counts[0]}, {versions[other][0]} has "
            f"{counts[other]} (a template's versions are one story, sentence for sentence)"
        )
        raise TemplateDraftError(msg)
    if not counts[0]:
        msg = "the versions have no sentences"
        raise TemplateDraftError(msg)
    per_sentence = [[article.sentences[index].text for article in articles] for index in range(counts[0])]
    gaps = [_gaps(texts) for texts in per_sentence]
    names = _names(gaps)
    area = names.get(AREA)
    rows = tuple(area[number] if area is not None else PLACEHOLDER for number in range(len(versions)))
    sentences: list[DraftSentence] = []
    figures: list[str] = []
    used: set[str] = set()
    for index, (texts, sentence_gaps) in enumerate(zip(per_sentence, gaps, strict=True), start=1):
        slots = [(start, end, _name_of(names, values)) for start, end, values in sentence_gaps]
        drafted = draft_sentence(texts[0], index, used)
        claims = []
        for claim in drafted.claims:
            written, figure = _claim(claim, texts[0], slots)
            claims.append(written)
            if figure is not None:
                figures.append(figure)
        sentences.append(DraftSentence(_written(texts[0], slots, 0, len(texts[0])), tuple(claims), drafted.check))
    title = sentences[0].text.rstrip(".")
    published = articles[0].date or today or dt.date.today()
    draft = Draft(title, published, tuple(sentences), None, f"{len(versions)} versions")
    drafted_template = TemplateDraft(
        draft, tuple(zip(rows, (path for path, _ in versions), strict=True)), tuple(figures)
    )
    _verify(drafted_template, articles)
    return drafted_template


# -- the words that differ ---------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _align(skeleton: list[str], tokens: list[str]) -> list[int | None]:
    """For each skeleton token, its place among `tokens` (None: this version has no such token there)."""
    places: list[int | None] = [None] * len(skeleton)
    matcher = difflib.SequenceMatcher(None, skeleton, tokens, autojunk=False)
    for block in matcher.get_matching_blocks():
        for offset in range(block.size):
            places[block.a + offset] = block.b + offset
    return places


def _gaps(texts: list[str]) -> list[tuple[int, int, tuple[str, ...]]]:
    """The runs of a sentence that differ between versions: (start, end) in the first version's text, and
    each version's words there."""
    tokens = [_tokens(text) for text in texts]
    keep = list(range(len(tokens[0])))  # the first version's tokens that every version has, in order (the skeleton)
    while True:
        skeleton = [tokens[0][index] for index in keep]
        placed = [_align(skeleton, other) for other in tokens]
        common = [all(places[k] is not None for places in placed) for k in range(len(keep))]
        if all(common):
            runs = _runs(texts, tokens, keep, placed)
            shrunk = _widen(runs, keep, tokens)
            if shrunk is None:
                return [(start, end, values) for start, end, values, _, _ in runs]
            keep = shrunk
            continue
        keep = [index for index, kept in zip(keep, common, strict=True) if kept]


def _runs(
    texts: list[str], tokens: list[list[str]], keep: list[int], placed: list[list[int | None]]
) -> list[tuple[int, int, tuple[str, ...], int, int]]:
    """Each gap between kept tokens where some version has words: (start, end in the first text, each
    version's words, the kept token before it (-1: none), the kept token after it (len(keep): none))."""
    offsets = [_offsets(version) for version in tokens]
    found = []
    for k in range(len(keep) + 1):
        spans = []
        for version, places in enumerate(placed):
            after = (places[k - 1] + 1) if k > 0 else 0  # type: ignore[operator]  # every place is known here
            before = places[k] if k < len(keep) else len(tokens[version])
            assert before is not None
            spans.append((offsets[version][after], offsets[version][before]))
        values = tuple(text[start:end] for text, (start, end) in zip(texts, spans, strict=True))
        if any(values):
            found.append((*spans[0], values, k - 1, k))  # where it is in the first version's text
    return found


def _offsets(tokens: list[str]) -> list[int]:
    """Where each token starts in the text (and, last, where the text ends)."""
    found = [0]
    for token in tokens:
        found.append(found[-1] + len(token))
    return found


def _widen(
    runs: list[tuple[int, int, tuple[str, ...], int, int]], keep: list[int], tokens: list[list[str]]
) -> list[int] | None:
    """The kept tokens less those a slot must take in (None: every slot is fine as it is).

    A slot some version leaves empty, or that starts or ends with white space in some version, takes in
    its neighbouring kept tokens; two slots with only white space between them are made one.
    """
    drop: set[int] = set()
    for _, _, values, before, after in runs:
        if any(not value.strip() for value in values) or any(value != value.strip() for value in values):
            drop.update(k for k in (before, after) if 0 <= k < len(keep))
    for (_, _, _, _, after), (_, _, _, before, _) in itertools.pairwise(runs):
        between = [tokens[0][keep[k]] for k in range(after, before + 1)]
        if not "".join(between).strip():
            drop.update(range(after, before + 1))
    if not drop:
        return None
    return [index for k, index in enumerate(keep) if k not in drop]


# -- the slots' names --------------------------------------------------------------------------------


def _names(gaps: list[list[tuple[int, int, tuple[str, ...]]]]) -> dict[str, tuple[str, ...]]:
    """A name for each distinct slot (the same words in every version: the same slot)."""
    counted: dict[tuple[str, ...], int] = {}
    first_at: dict[tuple[str, ...], tuple[int, int]] = {}
    for index, sentence_gaps in enumerate(gaps):
        for number, (_, _, values) in enumerate(sentence_gaps):
            counted[values] = counted.get(values, 0) + 1
            first_at.setdefault(values, (index, number))
    areas = [
        values
        for values in counted
        if len(set(values)) == len(values) and not any(ch.isdigit() for value in values for ch in value)
    ]
    names: dict[str, tuple[str, ...]] = {}
    if areas:
        names[AREA] = max(areas, key=lambda values: (counted[values], -first_at[values][0]))
    taken = {AREA}
    for values in sorted(counted, key=lambda values: first_at[values]):
        if values in names.values():
            continue
        index, number = first_at[values]
        kind = "n" if any(ch.isdigit() for ch in values[0]) else "words"
        name = f"s{index + 1}_{kind}" if number == 0 else f"s{index + 1}_{kind}_{number + 1}"
        while name in taken:
            name += "_"
        taken.add(name)
        names[name] = values
    return names


def _name_of(names: dict[str, tuple[str, ...]], values: tuple[str, ...]) -> str:
    return next(name for name, found in names.items() if found == values)


# -- writing the template's sentences and claims ----------------------------------------------------


def _escaped(text: str) -> str:
    """Literal words of a template: a brace doubled, so it is no slot."""
    return text.replace("{", "{{").replace("}", "}}")


def _written(text: str, slots: list[tuple[int, int, str]], start: int, end: int) -> str:
    """The first version's text from `start` to `end`, each slot in it written as `{name}`."""
    out = []
    at = start
    for slot_start, slot_end, name in slots:
        if slot_end <= start or slot_start >= end:
            continue
        out.append(_escaped(text[at:slot_start]))
        out.append("{" + name + "}")
        at = slot_end
    out.append(_escaped(text[at:end]))
    return "".join(out)


def _claim(claim: DraftClaim, text: str, slots: list[tuple[int, int, str]]) -> tuple[DraftClaim, str | None]:
    """The claim with its stated words widened to whole slots and written with them; and the figure it reads
    from a table by the version's row, for a value whose words differ from version to version."""
    start, end = claim.span
    touched = [(s, e, name) for s, e, name in slots if s < end and e > start]
    if not touched:
        return attrs.evolve(claim, stated=_escaped(claim.stated)), None
    start = min(start, *(s for s, _, _ in touched))
    end = max(end, *(e for _, e, _ in touched))
    stated = _written(text, touched, start, end)
    if claim.kind != Kind.VALUE:
        return attrs.evolve(claim, stated=stated, span=(start, end)), None
    figure = claim.id.replace("-", "_")
    guess = PLACEHOLDER + figure  # a draft's guess at the name: the figure is still to be written
    fields = tuple((key, guess) if key == "figure" else (key, value) for key, value in claim.fields)
    return attrs.evolve(claim, stated=stated, span=(start, end), fields=fields), figure


def _verify(drafted: TemplateDraft, articles: Sequence[object]) -> None:
    """Every version's text must match the drafted sentences (the draft reads every version back)."""
    pieces: list[str | Slot] = []
    for sentence in drafted.draft.sentences:
        found, problem = parse_slots(sentence.text)
        if problem is not None:  # pragma: no cover - the writer doubles every brace
            raise TemplateDraftError(problem)
        if pieces:
            pieces.append(" ")
        pieces.extend(found)
    pattern = Pattern.of(pieces, [(0, 0)])
    for (_, path), article in zip(drafted.versions, articles, strict=True):
        body = " ".join(span.text for span in article.sentences)  # type: ignore[attr-defined]
        if isinstance(match_pattern(pattern, body), Miss):
            msg = (
                f"{path}: its words differ from the other versions' by more than a template can say "
                f"(a slot holds at most {MAX_SLOT} characters)"
            )
            raise TemplateDraftError(msg)


# -- the claims file --------------------------------------------------------------------------------


def template_toml(drafted: TemplateDraft) -> str:
    """The drafted template as the text of a claims file."""
    text = draft_toml(drafted.draft)
    head, _, sentences = text.partition("\n\n[[sentences]]")
    rows_named = all(row != PLACEHOLDER for row, _ in drafted.versions)
    lines = [
        "",
        "# A template: it checks every version listed here, each version's words filled into the slots, {name}."
        + ("" if rows_named else ' Set each `row` ("?") to the version\'s row of the table.'),
        "[template]",
        "versions = [",
        *(f"  {{ row = {toml_string(row)}, text = {toml_string(path)} }}," for row, path in drafted.versions),
        "]",
    ]
    for figure in drafted.figures:  # to uncomment once its table and column are known
        lines += [
            "",
            f"# [figures.{figure}]  # each version's figure: its table and column; the version's row",
            '# table = "?"',
            '# row = "{row}"',
            '# column = "?"',
        ]
    return head + "\n" + "\n".join(lines) + "\n\n[[sentences]]" + sentences
