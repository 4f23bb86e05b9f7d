"""The HTML report: each article as a reader sees it, every sentence marked with its verdict.

One self-contained page, with no script and no external asset: it opens from disk, offline. A
sentence with claims is a `<details>` element, so a click, or Tab and Enter, shows the stated
words, the interval they allow, the recomputed value, the arithmetic, and every figure used
with its source. A verdict is always a colour *and* an icon *and* a word, so it reads without
colour. Everything the claims file says is escaped, and the page's Content-Security-Policy
forbids scripts outright, so a `<script>` in a sentence is shown as text and never runs. Control
characters, bidirectional-text controls (U+202E and the like, which could make text read other
than it is) and the stand-ins for bytes of a file name that is not UTF-8 are shown as `\\uXXXX`.

A draft claim (inputs still "?") fails `factcheck check`, so it is marked as failing ("✎ draft"),
never as merely unchecked.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from collections.abc import Iterable, Sequence
from typing import Final
from urllib.parse import urlsplit

import attrs

from factcheck import __version__
from factcheck.load.coverage import article_body, fold, fold_whitespace, quote_start
from factcheck.model.claims import Claim, ClaimsFile, Figure, Gap, Sentence, SourceKind
from factcheck.model.results import FileResult, Outcome, totals_of
from factcheck.model.verdicts import Verdict
from factcheck.numbers.display import show, show_amount, show_interval
from factcheck.report.summary import counted, verdict_count, verdict_word
from factcheck.report.summary import notes as summary_notes
from factcheck.words.table import TYPOGRAPHIC

__all__ = ["is_report", "paragraphs", "render"]


@attrs.frozen
class _Look:
    """How a verdict looks: a CSS class (its colour), an icon and a word."""

    css: str
    icon: str
    label: str


_LOOKS: Final = {
    Verdict.SUPPORTED: _Look("supported", "✓", "supported"),
    Verdict.LOOSE: _Look("loose", "≈", "loose"),
    Verdict.CONTRADICTED: _Look("contradicted", "✗", "contradicted"),
    Verdict.UNCHECKED: _Look("unchecked", "○", "unchecked"),
    Verdict.ERROR: _Look("error", "!", "error"),
}
_GAP: Final = _Look("gap", "?", "not covered")
#: A draft claim: unchecked, but failing like a contradicted one (and coloured like one).
_DRAFT: Final = _Look("contradicted", "✎", "draft")
#: Worst first: a sentence is marked with the worst verdict among its claims.
_SEVERITY: Final = (Verdict.ERROR, Verdict.CONTRADICTED, Verdict.LOOSE, Verdict.UNCHECKED, Verdict.SUPPORTED)
#: The same order for how claims look, with drafts among what fails.
_ORDER: Final = (
    _LOOKS[Verdict.ERROR],
    _LOOKS[Verdict.CONTRADICTED],
    _DRAFT,
    _LOOKS[Verdict.LOOSE],
    _LOOKS[Verdict.UNCHECKED],
    _LOOKS[Verdict.SUPPORTED],
)
_MEANING: Final = {
    Verdict.SUPPORTED: "the recomputed value lies in the interval the words allow",
    Verdict.LOOSE: "true as worded, but looser than the words imply",
    Verdict.CONTRADICTED: "the recomputed value is outside what the words allow",
    Verdict.UNCHECKED: "nothing to recompute, or its inputs are missing",
    Verdict.ERROR: "the claim cannot be evaluated as written",
}
#: Shown as `\xNN` or `\uXXXX`: control characters, bidirectional-text controls (marks, embeddings,
#: overrides, isolates) and lone surrogates (the stand-ins for a file name's undecodable bytes).
_CONTROL: Final = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)
_PARAGRAPH_BREAK: Final = re.compile(r"\n[^\S\n]*\n")


def _e(text: object) -> str:
    """User text made safe for HTML text and attribute values; control characters made visible."""
    shown = _CONTROL.sub(_visible, str(text))
    return html.escape(shown, quote=True)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _look_of(outcome: Outcome) -> _Look:
    return _DRAFT if outcome.draft else _LOOKS[outcome.verdict]


def _label(outcome: Outcome) -> str:
    return _look_of(outcome).label + (" (gross)" if outcome.gross else "")


def _rank(outcome: Outcome) -> tuple[int, bool]:
    """Worst first: by how the claim looks, gross before not."""
    return _ORDER.index(_look_of(outcome)), not outcome.gross


def _link(url: str | None, text: str) -> str:
    """A link for an http(s) URL; any other scheme (javascript:, data:, file:) is shown as text only."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return f'<a href="{_e(url.strip())}" rel="noopener noreferrer">{_e(text)}</a>'
    return _e(text)


def _badge(look: _Look, text: str | None = None, *, extra: str = "") -> str:
    words = look.label if text is None else text
    return (
        f'<span class="badge v-{look.css}{extra}"><span class="icon" aria-hidden="true">{look.icon}</span> '
        f"{_e(words)}</span>"
    )


# -- the article's shape ---------------------------------------------------------------------


def paragraphs(claims_file: ClaimsFile) -> list[list[Sentence]]:
    """The file's sentences in order, grouped into the article text's paragraphs.

    Paragraphs are the text file's blank-line breaks. With no text file, or one that the
    sentences do not match, every sentence goes into one block. A break inside a sentence entry
    is ignored: a sentence is never split.
    """
    sentences = list(claims_file.sentences)
    breaks = _breaks(claims_file.article_text) if claims_file.article_text is not None else None
    pieces = [fold_whitespace(s.text) for s in sentences]
    if not breaks or " ".join(p for p in pieces if p) != breaks[1]:
        return [sentences] if sentences else []
    ends = breaks[0]
    groups: list[list[Sentence]] = [[]]
    position = 0
    for sentence, piece in zip(sentences, pieces, strict=True):
        groups[-1].append(sentence)
        if piece:
            position += (1 if position else 0) + len(piece)
        if position in ends and groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def _breaks(article_text: str) -> tuple[set[int], str] | None:
    """Where the text's paragraphs end in its folded body, and that body; None if they disagree."""
    folded: list[str] = []
    first = True
    for raw in _PARAGRAPH_BREAK.split(article_text):
        if not raw.strip():
            continue
        piece = article_body(raw) if first else fold_whitespace(raw)
        first = False
        if piece:
            folded.append(piece)
    body = " ".join(folded)
    if body != article_body(article_text):
        return None
    ends: set[int] = set()
    position = 0
    for piece in folded:
        position += (1 if position else 0) + len(piece)
        ends.add(position)
    return ends, body


@attrs.frozen
class _SentenceView:
    """One sentence with what the report says about it."""

    sentence: Sentence
    anchor: str
    outcomes: tuple[Outcome, ...] = ()  # its claims' outcomes
    check: str | None = None  # why it has nothing to recompute
    gap: Gap | None = None

    @property
    def worst(self) -> _Look | None:
        """How its worst claim looks (None for a gap or a sentence with only a `check`)."""
        found = {_look_of(o) for o in self.outcomes}
        return next((look for look in _ORDER if look in found), None)

    @property
    def look(self) -> _Look:
        worst = self.worst
        if worst is not None:
            return worst
        return _GAP if self.gap is not None else _LOOKS[Verdict.UNCHECKED]

    def badge_text(self) -> str:
        look = self.worst
        if look is None:
            return _GAP.label if self.gap is not None else self.check or "unchecked"
        worst = [o for o in self.outcomes if _look_of(o) is look]
        gross = " (gross)" if any(o.gross for o in worst) else ""
        if len(self.outcomes) == 1:
            return look.label + gross
        # "2 errors", and "1 of 3 errors": the noun agrees with the number just before it
        label = verdict_word(len(self.outcomes), look.label) + gross
        if len(worst) == len(self.outcomes):
            return f"{len(worst)} {label}"
        return f"{len(worst)} of {len(self.outcomes)} {label}"


def _views(result: FileResult, number: int) -> list[list[_SentenceView]]:
    claims_file = result.claims_file
    assert claims_file is not None
    by_sentence: dict[int, list[Outcome]] = {}
    checks: dict[int, str] = {}
    for outcome in result.outcomes:
        if not outcome.is_claim:
            checks[outcome.sentence] = outcome.check or "unchecked"
        else:
            by_sentence.setdefault(outcome.sentence, []).append(outcome)
    gaps = {gap.location.line: gap for gap in result.gaps if gap.location.line is not None}
    views = []
    for group in paragraphs(claims_file):
        row = []
        for sentence in group:
            gap = gaps.get(sentence.location.line) if sentence.location.line is not None else None
            row.append(
                _SentenceView(
                    sentence,
                    f"a{number}-s{sentence.index + 1}",
                    tuple(by_sentence.get(sentence.index, ())),
                    checks.get(sentence.index),
                    gap,
                )
            )
        views.append(row)
    return views


# -- the stated words inside their sentence ---------------------------------------------------------


def _marked(text: str, outcomes: Sequence[Outcome]) -> str:
    """The sentence as HTML with each claim's stated words marked by its verdict: "up 12 per cent" in a
    contradicted claim's colour inside the sentence's own mark. Words found twice are marked where they
    are first found (as the loader finds them); claims whose words overlap share one mark, the worst look."""
    claims = [o for o in outcomes if o.stated and o.is_claim]
    folded, where = _folded_with_positions(text) if claims else ("", [])
    found = (_stated_span(folded, where, o) for o in claims)
    spans = sorted((span for span in found if span is not None), key=lambda span: span[:2])
    merged: list[tuple[int, int, list[Outcome]]] = []
    for start, end, outcome in spans:
        if merged and start < merged[-1][1]:
            last = merged[-1]
            merged[-1] = (last[0], max(last[1], end), [*last[2], outcome])
        else:
            merged.append((start, end, [outcome]))
    parts = []
    at = 0
    for start, end, marked in merged:
        look = min((_look_of(o) for o in marked), key=_ORDER.index)
        what = "; ".join(f"{_label(o)}: claim {o.id}" for o in marked)
        parts.append(_e(text[at:start]))
        parts.append(f'<mark class="stated v-{look.css}" title="{_e(what)}">{_e(text[start:end])}</mark>')
        at = end
    parts.append(_e(text[at:]))
    return "".join(parts)


def _stated_span(folded: str, where: list[int], outcome: Outcome) -> tuple[int, int, Outcome] | None:
    """Where the outcome's stated words are in the sentence (its indices, by `where`), found as the loader
    finds them in the folded sentence."""
    quote = fold(outcome.stated)
    start = quote_start(quote, folded) if folded and quote else -1
    if start == -1:
        return None
    return where[start], where[start + len(quote) - 1] + 1, outcome


def _folded_with_positions(text: str) -> tuple[str, list[int]]:
    """`fold(text)` with the index in `text` of each of its characters (empty when a character's folding
    depends on its neighbours, which Unicode's composed form can: then nothing is marked)."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                where.append(index)
            continue
        folded = char.lower() if char.isascii() else char.casefold().translate(TYPOGRAPHIC)
        chars.extend(folded)
        where.extend([index] * len(folded))
    if chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    joined = "".join(chars)
    return (joined, where) if joined == fold(text) else ("", [])


# -- one claim's details ---------------------------------------------------------------------


def _computed_text(outcome: Outcome) -> str:
    """The recomputed value; for a rank, the place it holds ("3rd of 12 from the high end")."""
    if outcome.place is not None:
        return f"{outcome.place.text} from the {outcome.place.end} end"
    computed = outcome.computed
    if computed is None:
        return "—"
    if computed.is_point and computed.lo is not None:
        return show(computed.lo)
    return show_interval(computed)


def _diagnosis_text(diagnosis: object) -> str:
    """A diagnosis as words: its `message` (or `text`) if it has one, else its fields, else str()."""
    for name in ("message", "text", "explanation"):
        value = getattr(diagnosis, name, None)
        if isinstance(value, str) and value:
            return value
    cls = type(diagnosis)
    if attrs.has(cls):
        fields = ((f.name, getattr(diagnosis, f.name)) for f in attrs.fields(cls))
        return "; ".join(f"{name}: {value}" for name, value in fields if value not in (None, "", ()))
    return str(diagnosis)


def _figure_list(outcome: Outcome, claims_file: ClaimsFile) -> str:
    items = []
    for name in outcome.figures:
        figure = claims_file.figures.get(name) or claims_file.cells.get(name)
        if figure is None:
            items.append(f"<li><code>{_e(name)}</code> not defined</li>")
            continue
        scope = _figure_scope(figure)
        items.append(
            f"<li><code>{_e(name)}</code> = <strong>{_figure_value(figure)}</strong>"
            f"{f' <span class=scope>{scope}</span>' if scope else ''}"
            f"<br>{_figure_source(figure, claims_file)}</li>"
        )
    if not items:
        return ""
    return '<h5>Figures used</h5><ul class="figures">' + "".join(items) + "</ul>"


def _figure_value(figure: Figure) -> str:
    text = _e(show_amount(figure.value, figure.unit))
    if figure.rounded:
        text += f" <small>(published rounded to {_e(show(figure.rounded))})</small>"
    return text


def _figure_scope(figure: Figure) -> str:
    parts = [p for p in (figure.period, figure.area, figure.note) if p]
    if figure.cell is not None:  # where in the table it was read
        cell = figure.cell
        parts.append(f"table {cell.table!r}, row {cell.row_number}, column {cell.column!r}: {cell.text!r}")
    return _e(" · ".join(parts))


def _figure_source(figure: Figure, claims_file: ClaimsFile) -> str:
    source = claims_file.sources.get(figure.source) if figure.source else None
    if source is None:
        kind = _kind_badge(SourceKind.UNSOURCED)
        return f"{kind} no source given" if not figure.source else f"{kind} unknown source {_e(figure.source)}"
    details = [p for p in (source.publisher, source.table) if p]
    if source.retrieved is not None:
        details.append(f"retrieved {source.retrieved.isoformat()}")
    tail = f" <small>({_e(', '.join(details))})</small>" if details else ""
    return f"{_kind_badge(source.kind)} {_link(source.url, source.title)}{tail}"


def _kind_badge(kind: SourceKind) -> str:
    weak = " weak" if kind in (SourceKind.ARTICLE, SourceKind.UNSOURCED, SourceKind.ESTIMATE) else ""
    return f'<span class="kind{weak}">{_e(kind.value)}</span>'


def _claim_card(outcome: Outcome, claims_file: ClaimsFile, claims: dict[str, Claim]) -> str:
    look = _look_of(outcome)
    label = _label(outcome)
    where = f" · line {outcome.location.line}" if outcome.location.line else ""
    rows = [("Stated", f"“{_e(outcome.stated)}”" if outcome.stated else "—")]
    if outcome.place is not None:
        rows.append(("Words need", _e(f"{outcome.place.needs} from the {outcome.place.end} end")))
    elif outcome.interval is not None:
        rows.append(("Words allow", _e(show_interval(outcome.interval))))
    if outcome.computed is not None:
        rows.append(("Recomputed", f'<strong class="value">{_e(_computed_text(outcome))}</strong>'))
    rows.append(("Arithmetic" if outcome.verdict is not Verdict.ERROR else "Problem", _e(outcome.explanation)))
    if outcome.basis is not None:
        rows.append(("Basis", f"{_kind_badge(outcome.basis)} {_e(_BASIS_WORDS[outcome.basis])}"))
    if outcome.near_miss:
        rows.append(("Note", "within one step of the stated number: perhaps a rounding slip"))
    if outcome.period:
        rows.append(("Period", _e(outcome.period)))
    claim = claims.get(outcome.id)
    if claim is not None and claim.note:
        rows.append(("Claim note", _e(claim.note)))
    diagnoses = getattr(outcome, "diagnoses", ()) or ()
    if diagnoses:
        items = "".join(f"<li>{_e(_diagnosis_text(d))}</li>" for d in diagnoses)
        rows.append(("Diagnosis", f"<ul>{items}</ul>"))
    body = "".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in rows)
    return (
        f'<section class="claim v-{look.css}"><h4>{_badge(look, label)} <code>{_e(outcome.id)}</code> '
        f'<span class="meta">{_e(outcome.kind)}{where}</span></h4><dl>{body}</dl>'
        f"{_figure_list(outcome, claims_file)}</section>"
    )


_BASIS_WORDS: Final = {
    SourceKind.OFFICIAL: "checked against the publisher's own table",
    SourceKind.SECONDARY: "checked against another report quoting the figures",
    SourceKind.ESTIMATE: "rests on figures worked out by hand",
    SourceKind.ARTICLE: "rests on the article's own figures: consistent, not confirmed",
    SourceKind.UNSOURCED: "rests on a figure with no source",
}


# -- one sentence, one article ----------------------------------------------------------------


def _sentence(view: _SentenceView, claims_file: ClaimsFile, claims: dict[str, Claim]) -> str:
    text = _marked(view.sentence.text, view.outcomes)
    look = view.look
    if not view.outcomes and view.gap is None:
        reason = view.check or "unchecked"
        return (
            f'<span class="s quiet" id="{view.anchor}"><span class="s-text">{text}</span>'
            f'<span class="tag" title="not checked: {_e(reason)}"><span class="sr">(not checked: </span>'
            f'{_e(reason)}<span class="sr">)</span></span></span>'
        )
    if view.outcomes:
        worst_first = sorted(view.outcomes, key=_rank)
        inner = "".join(_claim_card(o, claims_file, claims) for o in worst_first)
    else:
        assert view.gap is not None
        inner = (
            f'<section class="claim v-gap"><h4>{_badge(_GAP)}</h4><p>{_e(view.gap.message)}. Add a claim for '
            "each number, or a <code>check</code> saying why there is nothing to recompute.</p></section>"
        )
    return (
        f'<details class="s v-{look.css}" id="{view.anchor}"><summary><span class="s-text">{text}</span> '
        f'{_badge(look, view.badge_text())}</summary><div class="card">{inner}</div></details>'
    )


def _article(result: FileResult, number: int) -> str:
    claims_file = result.claims_file
    title = result.path
    meta = [f"<code>{_e(result.shown)}</code>"]
    if claims_file is not None and claims_file.article is not None:
        article = claims_file.article
        title = article.title or result.path
        if article.published.year > 1:
            meta.append(f"published {article.published.isoformat()}")
        if article.url:
            meta.append(_link(article.url, "original article"))
    parts = [
        f'<section class="article" id="a{number}" aria-labelledby="a{number}-title">',
        f'<h2 id="a{number}-title">{_e(title)}</h2>',
        f'<p class="meta">{" · ".join(meta)}</p>',
        _counts(result),
    ]
    if result.errors:
        items = "".join(f"<li>{_badge(_LOOKS[Verdict.ERROR], 'problem')} {_e(error)}</li>" for error in result.errors)
        parts.append(f'<ul class="problems">{items}</ul>')
    if claims_file is None:
        parts.append('<p class="unread">This claims file could not be read, so nothing in it was checked.</p>')
        parts.append("</section>")
        return "".join(parts)
    claims = {claim.id: claim for claim in claims_file.claims()}
    views = _views(result, number)
    placed = {id(v.gap) for row in views for v in row if v.gap is not None}
    body = "".join("<p>" + " ".join(_sentence(v, claims_file, claims) for v in row) + "</p>" for row in views)
    parts.append(f'<div class="text">{body or "<p><em>No sentences.</em></p>"}</div>')
    stray = [gap for gap in result.gaps if id(gap) not in placed]
    if stray:
        items = "".join(f"<li>{_badge(_GAP)} {_e(gap.message)}</li>" for gap in stray)
        parts.append(f'<ul class="problems">{items}</ul>')
    parts.append(_claims_table(views))
    parts.append("</section>")
    return "".join(parts)


def _look_counts(results: Iterable[FileResult]) -> dict[_Look, int]:
    """How many claims look each way, worst first: the verdict counts, with drafts apart from the unchecked."""
    counts = dict.fromkeys(_ORDER, 0)
    for result in results:
        for outcome in result.outcomes:
            counts[_look_of(outcome)] += 1
    return counts


def _counts(result: FileResult) -> str:
    items = [_badge(look, verdict_count(n, look.label)) for look, n in _look_counts([result]).items() if n]
    if result.gaps:
        items.append(_badge(_GAP, counted(len(result.gaps), "coverage gap")))
    return f'<p class="counts">{" ".join(items) or "no claims"}</p>'


def _claims_table(views: list[list[_SentenceView]]) -> str:
    rows = []
    for row in views:
        for view in row:
            for outcome in view.outcomes:
                look = _look_of(outcome)
                label = _label(outcome)
                rows.append(
                    f'<tr class="v-{look.css}"><td>{_badge(look, label)}</td>'
                    f'<td><a href="#{view.anchor}"><code>{_e(outcome.id)}</code></a></td>'
                    f'<td>“{_e(outcome.stated)}”</td><td class="num">{_e(_computed_text(outcome))}</td>'
                    f"<td>{_e(outcome.explanation)}</td></tr>"
                )
    if not rows:
        return ""
    return (
        '<details class="every"><summary>Every claim in this article, as a table</summary>'
        '<table class="claims"><thead><tr><th scope="col">verdict</th><th scope="col">claim</th>'
        '<th scope="col">stated</th><th scope="col">recomputed</th><th scope="col">arithmetic</th></tr></thead>'
        "<tbody>" + "".join(rows) + "</tbody></table></details>"
    )


# -- the page ---------------------------------------------------------------------------------


def _summary(results: Sequence[FileResult], numbered: list[tuple[int, FileResult]]) -> str:
    counts = _look_counts(results)
    gross = sum(1 for r in results for o in r.outcomes if o.gross)
    totals = totals_of(results)
    gaps, unread = totals.gaps, totals.unread
    tiles = []
    for look, count in counts.items():
        if look is _DRAFT and not count:  # a tile of its own only when there are drafts
            continue
        extra = f" <small>({gross} gross)</small>" if look is _LOOKS[Verdict.CONTRADICTED] and gross else ""
        tiles.append(_tile(look, count, verdict_word(count, look.label) + extra))
    tiles.append(_tile(_GAP, gaps, counted(gaps, "coverage gap").split(" ", 1)[1]))
    notes = []
    if unread:
        notes.append(f"{counted(unread, 'claims file')} could not be read.")
    # What else fails the run (the files not read are said just above).
    notes.extend(f"{note[:1].upper()}{note[1:]}." for note in summary_notes(totals)[1 if unread else 0 :])
    weak = totals.article_only
    if weak:
        notes.append(
            f"{counted(weak, 'claim')} {'rests' if weak == 1 else 'rest'} only on the article's own or "
            "unsourced figures: checked for consistency, not against the official tables."
        )
    return (
        '<section class="summary" aria-label="Summary"><ul class="tiles">'
        + "".join(tiles)
        + "</ul>"
        + _overview(numbered)
        + "".join(f'<p class="note">{_e(n)}</p>' for n in notes)
        + '<p class="hint">Click a marked sentence, or Tab to it and press Enter, to see the stated words, what '
        "they allow, the recomputed value, the arithmetic and the sources.</p></section>"
    )


def _tile(look: _Look, count: int, words: str) -> str:
    zero = " zero" if count == 0 else ""
    return (
        f'<li class="tile v-{look.css}{zero}"><span class="n">{count}</span> <span class="icon" '
        f'aria-hidden="true">{look.icon}</span> {words}</li>'
    )


def _overview(numbered: list[tuple[int, FileResult]]) -> str:
    """What needs an editor (contradicted, loose, in error, not covered), linked to its sentence; per article."""
    groups = []
    for number, result in numbered:
        items = []
        if result.claims_file is None:
            items.append(f"<li>{_badge(_LOOKS[Verdict.ERROR], 'could not be read')}</li>")
        else:
            for row in _views(result, number):
                for view in row:
                    worst = view.worst
                    if worst in (_LOOKS[Verdict.SUPPORTED], _LOOKS[Verdict.UNCHECKED]) or (
                        worst is None and view.gap is None
                    ):
                        continue
                    stated = "; ".join(
                        f"“{o.stated}”" for o in view.outcomes if _look_of(o) is worst and o.stated
                    ) or _excerpt(view.sentence.text)
                    items.append(
                        f'<li>{_badge(view.look, view.badge_text())} <a href="#{view.anchor}">{_e(stated)}</a></li>'
                    )
        problems = f'<ul class="attention">{"".join(items)}</ul>' if items else ""
        if len(numbered) == 1:
            groups.append(problems)
        else:
            groups.append(
                f'<li><a class="title" href="#a{number}">{_e(_short_title(result))}</a> '
                f"{_inline_counts(result)}{problems}</li>"
            )
    if len(numbered) > 1:
        return f'<h2 class="overview-title">Articles</h2><ol class="overview">{"".join(groups)}</ol>'
    if not groups[0]:
        return '<p class="all-clear">Nothing contradicted, loose, in error or uncovered.</p>'
    return f'<h2 class="overview-title">Needs a look</h2>{groups[0]}'


def _excerpt(text: str, length: int = 70) -> str:
    text = fold_whitespace(text)
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _short_title(result: FileResult) -> str:
    if result.claims_file is not None and result.claims_file.article is not None and result.claims_file.article.title:
        return _excerpt(result.claims_file.article.title, 60)
    return result.shown


_STYLE: Final = """
:root{--ink:#1d1d1f;--muted:#5f6368;--rule:#d9d9de;--paper:#fff;--focus:#1a56db;
--supported:#00704f;--supported-bg:#e3f4ec;--loose:#8a5300;--loose-bg:#fdf0d5;
--contradicted:#b03a00;--contradicted-bg:#fde3d3;--error:#8e2f6c;--error-bg:#f8e1ef;
--unchecked:#5f6368;--unchecked-bg:#f1f1f3;--gap:#00598f;--gap-bg:#dff0fa}
*{box-sizing:border-box}
html{background:#f6f6f4}
body{margin:0 auto;max-width:50rem;padding:2rem 1.5rem 4rem;color:var(--ink);background:var(--paper);
font:1.0625rem/1.7 Georgia,"DejaVu Serif","Liberation Serif",serif}
header h1,h2,h3,h4,.summary,.badge,.card,.meta,.counts,.tag,table,.hint,.every>summary{
font-family:system-ui,"DejaVu Sans","Liberation Sans",Arial,sans-serif}
header h1{font-size:1.05rem;font-weight:600;color:var(--muted);margin:0;letter-spacing:.02em;text-transform:uppercase}
header p{margin:.2rem 0 0;color:var(--muted);font-size:.85rem;font-family:system-ui,"DejaVu Sans",sans-serif}
h2{font-size:1.6rem;line-height:1.25;margin:2.2rem 0 .3rem;font-family:Georgia,"DejaVu Serif",serif}
.summary{border:1px solid var(--rule);border-radius:.6rem;padding:1rem 1.2rem;margin:1.2rem 0 1.5rem;font-size:.9rem;
line-height:1.5}
.tiles{display:flex;flex-wrap:wrap;gap:.4rem;list-style:none;margin:0;padding:0}
.tile{border-radius:.4rem;padding:.1rem .55rem;background:var(--bg);color:var(--fg);border:1px solid var(--fg);
font-weight:600;font-size:.8rem;white-space:nowrap}
.tile .n{font-size:1.1rem;font-weight:700}
.tile.zero{opacity:.5;background:transparent}
.note,.hint,.all-clear{margin:.6rem 0 0;color:var(--muted);font-size:.85rem}
.overview-title{font:600 .75rem system-ui,"DejaVu Sans",sans-serif;text-transform:uppercase;letter-spacing:.05em;
color:var(--muted);margin:.9rem 0 .3rem}
.overview{margin:0;padding-left:1.3rem}
.overview>li{margin:.35rem 0}
.overview .title{font-weight:600;margin-right:.3rem}
.attention{margin:.15rem 0 0;padding:0;list-style:none}
.attention li{margin:.2rem 0}
.overview .attention li{display:inline-block;margin:.1rem .7rem .1rem 0}
.v-supported{--fg:var(--supported);--bg:var(--supported-bg)}
.v-loose{--fg:var(--loose);--bg:var(--loose-bg)}
.v-contradicted{--fg:var(--contradicted);--bg:var(--contradicted-bg)}
.v-error{--fg:var(--error);--bg:var(--error-bg)}
.v-unchecked{--fg:var(--unchecked);--bg:var(--unchecked-bg)}
.v-gap{--fg:var(--gap);--bg:var(--gap-bg)}
.badge{display:inline-block;font-size:.72rem;font-weight:700;line-height:1.35;padding:.05rem .45rem;border-radius:1rem;
color:var(--fg);background:var(--paper);border:1.5px solid var(--fg);white-space:nowrap;vertical-align:.1em;
text-indent:0}
.badge .icon{font-weight:700}
.meta{color:var(--muted);font-size:.85rem;margin:0}
.counts{margin:.4rem 0 1rem}
.text p{margin:0 0 1.1rem}
details.s{display:inline}
details.s>summary{display:inline;list-style:none;cursor:pointer;border-radius:.2rem}
details.s>summary::-webkit-details-marker{display:none}
details.s>summary::marker{content:""}
.s-text{text-decoration:underline 2px var(--fg);text-underline-offset:.22em;text-decoration-skip-ink:none}
details.s:not(.v-supported) .s-text{background:var(--bg)}
details.v-loose .s-text{text-decoration-style:dashed}
details.v-contradicted .s-text{text-decoration-style:wavy;text-decoration-thickness:1.5px}
details.v-error .s-text{text-decoration-style:double;text-decoration-thickness:3px}
details.v-gap .s-text{text-decoration-style:dotted;text-decoration-thickness:3px}
details.s>summary:hover .s-text{filter:brightness(.96);text-decoration-thickness:3px}
summary:focus-visible,a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
details.s[open]>summary .s-text{background:var(--bg);box-shadow:0 0 0 2px var(--bg)}
mark.stated{color:inherit;background:var(--bg);border-bottom:3px solid var(--fg);border-radius:.15rem;padding:0 .1rem}
details.v-supported mark.stated,mark.stated.v-supported{background:var(--supported-bg)}
.card{display:block;margin:.5rem 0 1rem;font-size:.86rem;line-height:1.45;text-indent:0}
.claim{border:1px solid var(--rule);border-left:5px solid var(--fg);border-radius:.4rem;padding:.6rem .8rem;
margin:0 0 .5rem;background:#fcfcfb}
.claim h4{margin:0 0 .4rem;font-size:.9rem;font-weight:600}
.claim h4 .meta{font-weight:400;font-size:.8rem}
.claim dl{display:grid;grid-template-columns:max-content 1fr;gap:.15rem .9rem;margin:0}
.claim dt{color:var(--muted);font-weight:600}
.claim dd{margin:0;overflow-wrap:anywhere}
.claim dd ul{margin:0;padding-left:1.1rem}
.claim p{margin:.2rem 0}
.claim h5{margin:.5rem 0 .1rem;font-size:.78rem;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.figures{margin:0;padding-left:1.1rem}
.figures li{margin:.2rem 0}
.figures .scope{color:var(--muted)}
code{font-family:"DejaVu Sans Mono","Liberation Mono",monospace;font-size:.92em}
table{border-collapse:collapse;width:100%;font-size:.8rem;margin:.6rem 0 0}
caption{text-align:left;font-weight:600;color:var(--muted);padding-bottom:.2rem}
th,td{text-align:left;vertical-align:top;padding:.25rem .45rem;border-top:1px solid var(--rule)}
thead th{color:var(--muted);font-weight:600;border-top:0}
td.num{white-space:nowrap}
.kind{display:inline-block;font-size:.7rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;
padding:0 .3rem;border-radius:.2rem;background:#e8eef7;color:#1f3f73}
.kind.weak{background:#fff1c9;color:#6b4b00}
.tag{font:600 .62rem system-ui,"DejaVu Sans",sans-serif;color:var(--muted);vertical-align:.35em;margin-left:.15rem;
text-transform:uppercase;letter-spacing:.04em}
.tag{white-space:nowrap}
.tag::before{content:"○ "}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.problems{padding-left:1.1rem;font-size:.88rem;font-family:system-ui,"DejaVu Sans",sans-serif}
.unread{color:var(--error)}
.every{margin:1.5rem 0 0;border-top:1px solid var(--rule);padding-top:.6rem}
.every>summary{cursor:pointer;color:var(--muted);font-size:.9rem;font-weight:600}
.claims td:first-child{white-space:nowrap}
footer{margin-top:3rem;color:var(--muted);font-size:.75rem;font-family:system-ui,"DejaVu Sans",sans-serif}
@media print{
html,body{background:#fff}
body{max-width:none;padding:0;font-size:10.5pt}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.hint,footer,.every>summary{display:none}
summary{cursor:auto}
details.s[open]>.card{display:none}
.every{border:0}
.every::details-content{content-visibility:visible;display:block}
.claim,tr{break-inside:avoid}
a{color:inherit;text-decoration:none}
.article{break-before:page}
.article:first-of-type{break-before:auto}
}
"""


#: The style of a template's table of versions × claims: only a page that has one carries it, so every
#: other page is what it always was.
_MATRIX_STYLE: Final = """
.matrix{overflow-x:auto}
table.matrix{width:auto}
table.matrix thead th{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;vertical-align:bottom}
table.matrix thead th:first-child{writing-mode:horizontal-tb;transform:none}
table.matrix td{text-align:center;font-weight:700;color:var(--fg)}
table.matrix tbody th{white-space:nowrap;font-weight:400}
"""


def _csp(style: str = _STYLE) -> str:
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    return (
        f"default-src 'none'; style-src 'sha256-{digest}'; script-src 'none'; img-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )


#: Says that a page is factcheck's, so that `factcheck report` may write over it again (`is_report`).
_GENERATOR: Final = '<meta name="generator" content="factcheck">'


def is_report(data: bytes) -> bool:
    """Whether a file's bytes are a page this module wrote (the generator line near its start)."""
    return _GENERATOR.encode() in data[:1024]


def render(results: Sequence[FileResult], colour: bool = False) -> str:
    """The whole report as one HTML page (a `Renderer`: `colour` has no meaning here)."""
    numbered = list(enumerate(results, start=1))
    title = _short_title(results[0]) if len(results) == 1 else counted(len(results), "article")
    pieces = []
    for index, (number, result) in enumerate(numbered):
        if _starts_template(results, index):  # a template's versions: their table first
            pieces.append(_matrix(numbered[index : index + _versions_from(results, index)]))
        pieces.append(_article(result, number))
    articles = "".join(pieces)
    style = _STYLE + _MATRIX_STYLE if any(result.version is not None for result in results) else _STYLE
    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_e(_csp(style))}">',
            '<meta name="referrer" content="no-referrer">',
            _GENERATOR,
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>Fact check: {_e(title)}</title>",
            f"<style>{style}</style>",
            "</head>",
            "<body>",
            (
                f"<header><h1>Fact check</h1><p>{_e(counted(len(results), 'claims file'))} · every number recomputed "
                "from its base figures</p></header>"
            ),
            _summary(results, numbered) if results else '<p class="unread">No claims files were given.</p>',
            f"<main>{articles}</main>",
            f"<footer>Made by factcheck {_e(__version__)}. Verdicts: "
            + "; ".join(f"{_LOOKS[v].icon} {_LOOKS[v].label}: {_MEANING[v]}" for v in _SEVERITY)
            + f"; {_GAP.icon} not covered: a sentence states a number but has no claim.</footer>",
            "</body>",
            "</html>",
            "",
        ]
    )


def _starts_template(results: Sequence[FileResult], index: int) -> bool:
    """Whether the result at `index` is the first version of a template (one story, every area)."""
    result = results[index]
    if result.version is None:
        return False
    before = results[index - 1] if index > 0 else None
    return before is None or before.version is None or before.path != result.path


def _versions_from(results: Sequence[FileResult], index: int) -> int:
    """How many versions of one template follow one another from `index`."""
    count = 1
    while (
        index + count < len(results)
        and results[index + count].version is not None
        and results[index + count].path == results[index].path
    ):
        count += 1
    return count


def _matrix(numbered: Sequence[tuple[int, FileResult]]) -> str:
    """A template's versions × claims: a row per version (those that fail on top), a mark per claim, each
    linked to the version's article below; the same table the text report ends a template with."""
    ids: list[str] = []
    for _, result in numbered:
        ids.extend(o.id for o in result.outcomes if o.is_claim and o.id not in ids)
    order = sorted(numbered, key=lambda item: -item[1].exit_status())  # the worst on top
    failing = sum(1 for _, result in numbered if result.exit_status() != 0)
    head = "".join(f'<th scope="col"><code>{_e(claim)}</code></th>' for claim in ids)
    rows = []
    for number, result in order:
        marks = {o.id: o for o in result.outcomes if o.is_claim}
        cells = []
        for claim in ids:
            outcome = marks.get(claim)
            if outcome is None:
                look = _LOOKS[Verdict.ERROR] if result.errors else None
                cells.append(f'<td class="v-{look.css}">{look.icon}</td>' if look else "<td></td>")
                continue
            look = _look_of(outcome)
            cells.append(
                f'<td class="v-{look.css}" title="{_e(claim)}: {_e(_label(outcome))}">'
                f'<span aria-hidden="true">{look.icon}</span><span class="sr">{_e(_label(outcome))}</span></td>'
            )
        problem = f" {_badge(_LOOKS[Verdict.ERROR], 'problem')}" if result.errors else ""
        rows.append(
            f'<tr><th scope="row"><a href="#a{number}">{_e(result.version or result.path)}</a>{problem}</th>'
            + "".join(cells)
            + "</tr>"
        )
    path = numbered[0][1].path
    caption = f"<code>{_e(path)}</code>: {counted(len(numbered), 'version')} × {counted(len(ids), 'claim')}" + (
        f", {failing} failing" if failing else ""
    )
    return (
        f'<section class="matrix" aria-label="Versions of {_e(path)}"><table class="matrix"><caption>{caption}'
        f'</caption><thead><tr><th scope="col">version</th>{head}</tr></thead><tbody>{"".join(rows)}</tbody>'
        "</table></section>"
    )


def _inline_counts(result: FileResult) -> str:
    shown = ((look, n) for look, n in _look_counts([result]).items() if n and look is not _LOOKS[Verdict.UNCHECKED])
    badges = [_badge(look, verdict_count(n, look.label)) for look, n in shown]
    if result.gaps:
        badges.append(_badge(_GAP, counted(len(result.gaps), "gap")))
    return " ".join(badges)
