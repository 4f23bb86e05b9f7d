"""Slots: a text with `{name}` in it, and matching another text against it in bounded time.

A template claims file (`load.template`) writes the words that differ from version to version of a
story as slots; this module reads such a text (`parse_slots`) and finds the words each slot has in
a version's text (`match_pattern`). It knows nothing of claims files: drafting a template
(`drafting.template`) uses it too.

Matching:
- A pattern is literal words and slots; a text matches it when each slot is a run of 1 to
  `MAX_SLOT` characters, a slot used twice saying the same both times. Slots are filled shortest
  first, the first slot first (as a lazy regex would): the result is one definite reading.
- The search is bounded: a slot spans at most `MAX_SLOT` characters, and a state already known to
  fail (a slot, a place in the text, and the words of any slot it must repeat) is never tried
  twice, so an ambiguous pattern costs at most slots × text length × `MAX_SLOT` steps, never
  exponential time. `MAX_STEPS` bounds even that. (A template refuses slots with only white space
  between them before it ever matches: they could not be told apart.)
- A text that does not match gives a `Miss`: where it stops matching, in the text and the pattern.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from typing import Final

import attrs

__all__ = [
    "MAX_SLOT",
    "MAX_STEPS",
    "Miss",
    "Pattern",
    "Piece",
    "Slot",
    "cut",
    "fill",
    "match_pattern",
    "parse_slots",
    "slug",
]

#: The most characters one slot matches: a number phrase or an area's name, never a passage. It
#: also bounds the search (see the module's docstring).
MAX_SLOT: Final = 200
#: The most candidate places the matcher tries for one text before it gives up (it never needs
#: more than slots × text length × MAX_SLOT, and an ordinary story takes a few hundred).
MAX_STEPS: Final = 1_000_000
_SLOT: Final = re.compile(r"\{([A-Za-z0-9_]+)\}")
_BRACE: Final = re.compile(r"[{}]")
_NOT_SLUG: Final = re.compile(r"[\W_]+")
#: The longest slot name: a name says what the slot holds, in a word or two.
_MAX_NAME: Final = 60
#: How much of a text a message quotes.
_QUOTED: Final = 60


@attrs.frozen
class Slot:
    """A slot, `{name}`: words that differ from version to version."""

    name: str

    def __str__(self) -> str:
        return "{" + self.name + "}"


#: A piece of a text with slots: literal words, or a slot.
Piece = str | Slot


def parse_slots(text: str) -> tuple[tuple[Piece, ...], str | None]:
    """The pieces of a text with slots (literal words and `Slot`s), and None; or what is wrong with it.

    `{name}` (letters, digits, `_`) is a slot; `{{` and `}}` are literal braces. Any other brace is
    an error: a text with a stray brace cannot be read two ways.
    """
    pieces: list[Piece] = []
    literal: list[str] = []
    position = 0
    while True:
        found = _BRACE.search(text, position)
        if found is None:
            literal.append(text[position:])
            break
        at = found.start()
        literal.append(text[position:at])
        doubled = text.startswith(found.group() * 2, at)
        if doubled:
            literal.append(found.group())
            position = at + 2
            continue
        slot = _SLOT.match(text, at) if found.group() == "{" else None
        if slot is None:
            return (), _brace_problem(text, at)
        if len(slot.group(1)) > _MAX_NAME:
            return (), f"the slot name {cut(slot.group(1))!r} is longer than {_MAX_NAME} characters"
        if literal:
            pieces.append("".join(literal))
            literal = []
        pieces.append(Slot(slot.group(1)))
        position = slot.end()
    if "".join(literal):
        pieces.append("".join(literal))
    return tuple(pieces), None


def _brace_problem(text: str, at: int) -> str:
    """Why the brace at `at` is neither a slot nor a literal brace."""
    if text[at] == "}":
        return f"a '}}' that closes no slot at {_around(text, at)!r} (write '}}}}' for a brace)"
    close = text.find("}", at)
    if close == -1:
        return f"a '{{' that is never closed at {_around(text, at)!r} (write '{{{{' for a brace)"
    return (
        f"{cut(text[at : close + 1])!r} is not a slot: a slot is {{name}}, a name of letters, digits and '_' "
        "(write '{{' and '}}' for braces)"
    )


def _around(text: str, at: int) -> str:
    return cut(text[max(0, at - 20) : at + 20])


def cut(text: str, length: int = _QUOTED) -> str:
    """A text cut to `length` characters for a message (an ellipsis at the end when it was cut)."""
    return text if len(text) <= length else text[: length - 1] + "…"


def fill(pieces: Sequence[Piece], values: Mapping[str, str]) -> str:
    """The text with each slot replaced by its value (a slot without one is left as `{name}`)."""
    return "".join(piece if isinstance(piece, str) else values.get(piece.name, str(piece)) for piece in pieces)


def slug(row: str) -> str:
    """A row key as a file name: lower-cased, each run of anything but letters and digits made "-"."""
    return _NOT_SLUG.sub("-", row.lower()).strip("-")


# -- matching ----------------------------------------------------------------------------------------


@attrs.frozen
class Pattern:
    """A template's sentences as one pattern: `literals[0] slots[0] literals[1] … slots[n-1] literals[n]`.

    `starts` gives where each literal starts in `shown` (the pattern written out, slots as `{name}`),
    and `sentences` where each sentence starts there (for messages).
    """

    literals: tuple[str, ...]
    slots: tuple[str, ...]
    shown: str = ""
    starts: tuple[int, ...] = ()
    slot_starts: tuple[int, ...] = ()
    sentences: tuple[tuple[int, int], ...] = ()  # (where the sentence starts in `shown`, its index in the file)

    @classmethod
    def of(cls, pieces: Sequence[Piece], sentences: Sequence[tuple[int, int]] = ()) -> Pattern:
        """The pattern of a sequence of pieces (`sentences`: (offset in the written-out pattern, index) pairs)."""
        literals: list[str] = [""]
        slots: list[str] = []
        starts = [0]
        slot_starts: list[int] = []
        shown: list[str] = []
        length = 0
        for piece in pieces:
            if isinstance(piece, Slot):
                slots.append(piece.name)
                slot_starts.append(length)
                literals.append("")
                text = str(piece)
                length += len(text)
                starts.append(length)
            else:
                literals[-1] += piece
                text = piece
                length += len(text)
            shown.append(text)
        return cls(tuple(literals), tuple(slots), "".join(shown), tuple(starts), tuple(slot_starts), tuple(sentences))

    def open_slots(self) -> tuple[tuple[str, ...], ...]:
        """For each slot: the slots filled before it that are used again at or after it (a failed state's key)."""
        first: dict[str, int] = {}
        last: dict[str, int] = {}
        for index, name in enumerate(self.slots):
            first.setdefault(name, index)
            last[name] = index
        return tuple(
            tuple(sorted(name for name in first if first[name] < index <= last[name]))
            for index in range(len(self.slots))
        )

    def sentence_at(self, offset: int) -> int:
        """The index (in the file) of the sentence that the written-out pattern's `offset` is in."""
        found = 0
        for start, index in self.sentences:
            if start > offset:
                break
            found = index
        return found

    def sentence_end(self, offset: int) -> int:
        """Where the sentence that `offset` is in ends, in the written-out pattern."""
        later = [start for start, _ in self.sentences if start > offset]
        return later[0] - 1 if later else len(self.shown)


@attrs.frozen
class Miss:
    """Where a text stops matching a pattern: the place in the text and in the written-out pattern.

    `reason` is "differs", "ends" (the text ends before the pattern does), "goes on" (it goes on after),
    or "steps" (MAX_STEPS ran out: the template's slots are too ambiguous to read this text).
    """

    text_at: int
    pattern_at: int
    reason: str = "differs"


def match_pattern(
    pattern: Pattern, text: str, *, longest: int = MAX_SLOT, steps: int = MAX_STEPS
) -> dict[str, str] | Miss:
    """The words each slot has in `text` (white space folded), or where `text` stops matching the pattern.

    Slots are filled shortest first, the first slot first: the reading a lazy regex gives, found by a
    search that remembers the states that failed (see the module's docstring), never in exponential time.
    """
    literals, slots = pattern.literals, pattern.slots
    head = literals[0]
    if not text.startswith(head):
        return _head_miss(pattern, text)
    if not slots:
        return {} if len(text) == len(head) else Miss(len(head), len(head), "goes on")
    search = _Search(pattern, text, longest, steps)
    return search.run(len(head))


def _head_miss(pattern: Pattern, text: str) -> Miss:
    head = pattern.literals[0]
    common = _common(head, text, 0)
    return Miss(common, common, "ends" if common == len(text) else "differs")


def _common(literal: str, text: str, at: int) -> int:
    """How many characters of `literal` the text has from `at`."""
    limit = min(len(literal), len(text) - at)
    count = 0
    while count < limit and literal[count] == text[at + count]:
        count += 1
    return count


class _Search:
    """The depth-first search for a reading of the text, each slot's candidate ends tried shortest first."""

    def __init__(self, pattern: Pattern, text: str, longest: int, steps: int) -> None:
        self.pattern = pattern
        self.text = text
        self.longest = longest
        self.steps = steps
        self.open = pattern.open_slots()
        self.values: dict[str, str] = {}
        self.failed: set[tuple[int, int, tuple[str, ...]]] = set()
        #: where the first reading tried (every slot shortest) fails: (place in the text, slot, the slots' words)
        self.first: tuple[int, int, dict[str, str]] | None = None

    def key(self, slot: int, at: int) -> tuple[int, int, tuple[str, ...]]:
        return slot, at, tuple(self.values[name] for name in self.open[slot])

    def ends(self, slot: int, at: int) -> Iterator[int]:
        """Where slot `slot` may end when it starts at `at`, shortest first (its literal after it must follow)."""
        text, name = self.text, self.pattern.slots[slot]
        after = self.pattern.literals[slot + 1]
        last = slot == len(self.pattern.slots) - 1
        known = self.values.get(name)
        if known is not None:  # said before: the same words again
            end = at + len(known)
            if (
                text.startswith(known, at)
                and text.startswith(after, end)
                and (not last or end + len(after) == len(text))
            ):
                yield end
            return
        if last:  # runs to where the last literal ends the text
            end = len(text) - len(after)
            if 1 <= end - at <= self.longest and text.startswith(after, end):
                yield end
            return
        start, stop = at + 1, min(len(text), at + self.longest + len(after))
        while True:
            end = text.find(after, start, stop)
            if end == -1:
                return
            yield end
            start = end + 1

    def run(self, at: int) -> dict[str, str] | Miss:
        slots, literals = self.pattern.slots, self.pattern.literals
        stack: list[tuple[int, int, Iterator[int], bool]] = [(0, at, self.ends(0, at), slots[0] not in self.values)]
        while stack:
            slot, start, ends, fills = stack[-1]
            end = next(ends, None)
            if end is None:
                stack.pop()
                if self.first is None:
                    self.first = (start, slot, dict(self.values))
                if fills:
                    self.values.pop(slots[slot], None)
                self.failed.add(self.key(slot, start))
                continue
            self.steps -= 1
            if self.steps < 0:
                first = self.first or (start, slot, {})
                return Miss(first[0], self.pattern.slot_starts[first[1]], "steps")
            if fills:
                self.values[slots[slot]] = self.text[start:end]
            if slot + 1 == len(slots):
                return dict(self.values)
            following = end + len(literals[slot + 1])
            if self.key(slot + 1, following) in self.failed:
                continue
            name = slots[slot + 1]
            stack.append((slot + 1, following, self.ends(slot + 1, following), name not in self.values))
        return self.miss()

    def miss(self) -> Miss:
        """Where the first reading tried stops matching: the longest start of what follows its slot there.

        The first reading fills every slot with its shortest words, which is how a reader lines the
        version up with the template; a later reading that gets further does so by swallowing words
        into a slot ("Eastfold. Eastfold police said so"), and would point at the wrong place.
        """
        assert self.first is not None  # the search failed, so some state failed first
        at, slot, values = self.first
        pattern, text = self.pattern, self.text
        after = pattern.literals[slot + 1]
        known = values.get(pattern.slots[slot])
        if known is not None and not text.startswith(known, at):  # a repeated slot with other words here
            return Miss(at, pattern.slot_starts[slot])
        tries = [len(known)] if known is not None else range(1, min(self.longest, len(text) - at) + 1)
        best, best_end = -1, at
        for length in tries:
            common = _common(after, text, at + length)
            if common > best:
                best, best_end = common, at + length
            if best == len(after):
                break
        if best <= 0:
            return Miss(at, pattern.slot_starts[slot], "ends" if at >= len(text) else "differs")
        place = pattern.starts[slot + 1] + best
        if best == len(after):
            return Miss(best_end + best, place, "goes on")
        return Miss(best_end + best, place, "ends" if best_end + best >= len(text) else "differs")
