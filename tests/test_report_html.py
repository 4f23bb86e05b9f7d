"""The HTML report without a browser: its structure, its escaping, its paragraphs, and how it is written."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import os
import re
import subprocess
import sys
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.check.pipeline import check_file, verify_file
from factcheck.cli.main import main
from factcheck.errors import ClaimsFileError, OutputError
from factcheck.load.claimsfile import loads_claims_file
from factcheck.model.claims import Article, ClaimsFile, Figure, Sentence, Source, SourceKind, ValueClaim
from factcheck.model.results import FileResult
from factcheck.model.verdicts import Verdict
from factcheck.report.formats import FORMATS, render
from factcheck.report.html import paragraphs
from factcheck.report.html import render as render_html
from factcheck.report.summary import verdict_word
from factcheck.runner.output import write_new_file

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "claims" / "west-mercia-mappa-2020.claims.toml"
#: Every element the report may contain; anything else in the output came from the data.
OUR_TAGS = {
    "html",
    "mark",
    "head",
    "meta",
    "title",
    "style",
    "body",
    "header",
    "h1",
    "h2",
    "h4",
    "h5",
    "p",
    "section",
    "main",
    "footer",
    "ul",
    "ol",
    "li",
    "span",
    "a",
    "details",
    "summary",
    "div",
    "dl",
    "dt",
    "dd",
    "strong",
    "small",
    "code",
    "br",
    "em",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


class _Tree(HTMLParser):
    """Just enough of a DOM: the tags seen, and the text inside elements of a given class."""

    VOID: ClassVar[set[str]] = {"meta", "br", "img", "input", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.parents: list[str] = []  # the class of each tag's parent
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.texts: dict[str, list[str]] = {}
        self.style = ""

    def handle_starttag(self, tag: str, attributes: list[tuple[str, str | None]]) -> None:
        attrs_ = dict(attributes)
        self.tags.append((tag, attrs_))
        self.parents.append((self.stack[-1][1].get("class") or "") if self.stack else "")
        if tag not in self.VOID:
            self.stack.append((tag, attrs_))
            for cls in (attrs_.get("class") or "").split():
                self.texts.setdefault(cls, []).append("")

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            open_tag, _ = self.stack.pop()
            if open_tag == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.stack and self.stack[-1][0] == "style":
            self.style += data
        for _, attrs_ in self.stack:
            for cls in (attrs_.get("class") or "").split():
                self.texts[cls][-1] += data


def parse(document: str) -> _Tree:
    tree = _Tree()
    tree.feed(document)
    tree.close()
    return tree


def one_sentence_file(
    text: str,
    *,
    title: str = "A title",
    note: str | None = None,
    url: str | None = None,
    stated: str = "40",
    claim_id: str = "c1",
) -> ClaimsFile:
    source = Source("src", "Council figures", "Council", url, None, None, SourceKind.OFFICIAL)
    figure = Figure("staff", Fraction(40), "person", "2023", "Ashby", "src", None, note)
    claim = ValueClaim(id=claim_id, stated=stated, figure="staff", sentence=0)
    return ClaimsFile(
        "<test>",
        Article(title, dt.date(2024, 1, 2)),
        {"src": source},
        {"staff": figure},
        sentences=(Sentence(text, (claim,), index=0),),
    )


HOSTILE = '<script>window.__pwned = 1</script> & "quotes" \'single\' <img src=x onerror="alert(1)"> </details>'


def test_html_is_a_registered_format() -> None:
    result = check_file(EXAMPLE)
    assert "html" in FORMATS and FORMATS["html"].render([result]) == render_html([result])
    assert render([result], "html").startswith("<!DOCTYPE html>")


def test_user_text_everywhere_is_escaped() -> None:
    claims_file = one_sentence_file(HOSTILE, title=HOSTILE, note=HOSTILE, stated="40", claim_id=HOSTILE)
    document = render_html([verify_file(claims_file)])
    assert "<script" not in document.lower()
    assert "<img" not in document.lower()
    assert "&lt;script&gt;window.__pwned = 1&lt;/script&gt;" in document
    tree = parse(document)
    assert {tag for tag, _ in tree.tags} <= OUR_TAGS
    assert tree.texts["s-text"] == [HOSTILE]
    assert any(HOSTILE in text for text in tree.texts["claim"])


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=80))
def test_any_sentence_is_shown_as_exactly_its_text(text: str) -> None:
    document = render_html([verify_file(one_sentence_file(text, title=text))])
    tree = parse(document)
    assert {tag for tag, _ in tree.tags} <= OUR_TAGS
    assert tree.texts["s-text"] == [text]
    assert [(tag, a) for tag, a in tree.tags if any(name.startswith("on") for name in a)] == []


def test_control_characters_are_made_visible() -> None:
    document = render_html([verify_file(one_sentence_file("a\x1b[31mred\x00 40"))])
    assert "\x1b" not in document and "\x00" not in document
    assert parse(document).texts["s-text"] == ["a\\x1b[31mred\\x00 40"]


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "vbscript:x"],
)
def test_only_http_links_are_links(url: str) -> None:
    document = render_html([verify_file(one_sentence_file("There are 40 staff.", url=url))])
    hrefs = [a.get("href") for tag, a in parse(document).tags if tag == "a"]
    assert all(href is not None and href.startswith("#") for href in hrefs)


def test_an_http_source_is_a_link() -> None:
    document = render_html([verify_file(one_sentence_file("There are 40 staff.", url="https://example.org/a?b=1&c=2"))])
    assert '<a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">Council figures</a>' in document


def test_the_policy_forbids_scripts_and_allows_exactly_our_style() -> None:
    document = render_html([check_file(EXAMPLE)])
    tree = parse(document)
    policy = next(
        a["content"] for tag, a in tree.tags if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"
    )
    assert policy is not None
    assert "default-src 'none'" in policy and "script-src 'none'" in policy
    digest = base64.b64encode(hashlib.sha256(tree.style.encode("utf-8")).digest()).decode("ascii")
    assert f"style-src 'sha256-{digest}'" in policy
    assert "<script" not in document and "http://" not in tree.style and "url(" not in tree.style


def test_every_sentence_of_the_example_is_marked_with_its_worst_verdict() -> None:
    result = check_file(EXAMPLE)
    tree = parse(render_html([result]))
    assert result.claims_file is not None
    marked = [a for tag, a in tree.tags if "s" in (a.get("class") or "").split()]
    assert len(marked) == len(result.claims_file.sentences)
    severity = ["error", "contradicted", "loose", "unchecked", "supported"]
    for sentence, element in zip(result.claims_file.sentences, marked, strict=True):
        classes = (element.get("class") or "").split()
        verdicts = [o.verdict.value for o in result.outcomes if o.sentence == sentence.index and o.kind != "sentence"]
        if verdicts:
            worst = min(verdicts, key=severity.index)
            assert f"v-{worst}" in classes, (sentence.text, classes)
        else:
            assert "quiet" in classes
    assert len([t for t, a in tree.tags if t == "details" and "s" in (a.get("class") or "").split()]) == len(
        {o.sentence for o in result.outcomes if o.kind != "sentence"}
    )


def test_the_example_keeps_its_paragraphs() -> None:
    result = check_file(EXAMPLE)
    text = (EXAMPLE.parent / "west-mercia-mappa-2020.txt").read_text(encoding="utf-8")
    blocks = [block for block in re.split(r"\n\s*\n", text) if block.strip()]
    tree = parse(render_html([result]))
    shown = [tag for (tag, _), parent in zip(tree.tags, tree.parents, strict=True) if parent == "text"]
    assert len(blocks) > 5
    assert shown == ["p"] * len(blocks)


def _file_with_text(tmp_path: Path, article: str, sentences: list[str]) -> ClaimsFile:
    (tmp_path / "a.txt").write_text(article, encoding="utf-8")
    body = "".join(f'\n[[sentences]]\ntext = {s!r}\ncheck = "context"\n' for s in sentences)
    toml = f'format = 1\n[article]\ntitle = "t"\npublished = 2024-01-01\ntext = "a.txt"\n{body}'
    return loads_claims_file(toml.replace("'", '"'), str(tmp_path / "a.claims.toml"), base_dir=tmp_path)


def test_paragraphs_follow_blank_lines_and_skip_a_date_line(tmp_path: Path) -> None:
    article = "date 2024-01-01 One. Two.\n\n  \nThree.\nFour.\n\nFive."
    claims_file = _file_with_text(tmp_path, article, ["One.", "Two.", "Three.", "Four.", "Five."])
    assert claims_file.problems == ()
    assert [[s.text for s in group] for group in paragraphs(claims_file)] == [
        ["One.", "Two."],
        ["Three.", "Four."],
        ["Five."],
    ]


def test_a_sentence_across_a_paragraph_break_is_not_split(tmp_path: Path) -> None:
    claims_file = _file_with_text(tmp_path, "One. Two\n\nstill two. Three.", ["One.", "Two still two.", "Three."])
    assert [[s.text for s in group] for group in paragraphs(claims_file)] == [["One.", "Two still two.", "Three."]]


def test_without_a_matching_text_everything_is_one_block(tmp_path: Path) -> None:
    claims_file = _file_with_text(tmp_path, "One.\n\nSomething else.", ["One.", "Two."])
    assert claims_file.problems  # the coverage check complains; the report still shows the sentences
    assert [[s.text for s in group] for group in paragraphs(claims_file)] == [["One.", "Two."]]
    no_text = attrs.evolve(claims_file, article_text=None)
    assert [[s.text for s in group] for group in paragraphs(no_text)] == [["One.", "Two."]]


def test_several_files_give_a_section_each_and_an_unreadable_one_says_so(tmp_path: Path) -> None:
    broken = FileResult(str(tmp_path / "x.claims.toml"), errors=(ClaimsFileError("not valid TOML: <b>", line=3),))
    document = render_html([check_file(EXAMPLE), broken])
    tree = parse(document)
    sections = [a for t, a in tree.tags if t == "section" and "article" in (a.get("class") or "").split()]
    assert [a["id"] for a in sections] == ["a1", "a2"]
    assert "could not be read" in tree.texts["article"][1]
    assert "not valid TOML: &lt;b&gt;" in document


def test_summary_counts_match_the_results() -> None:
    result = check_file(EXAMPLE)
    tree = parse(render_html([result]))
    matches = [re.match(r"(\d+) \S+ (\w+)", t) for t in tree.texts["tile"]]
    tiles = {match.group(2): match.group(1) for match in matches if match is not None}
    for verdict, count in result.counts().items():
        assert tiles[verdict_word(count, verdict)] == str(count)  # "1 error", "0 errors"


def test_a_contradicted_claim_shows_its_numbers(tmp_path: Path) -> None:
    claims_file = one_sentence_file("There are 45 staff.", stated="45")
    result = verify_file(claims_file)
    assert [o.verdict for o in result.outcomes] == [Verdict.CONTRADICTED]
    tree = parse(render_html([result]))
    card = tree.texts["claim"][0]
    assert "contradicted" in card and "“45”" in card and "[44.5, 45.5]" in card
    assert tree.texts["value"] == ["40"]
    assert "Council figures" in card and "2023, Ashby" in card.replace(" · ", ", ")
    assert any("contradicted" in t for t in tree.texts["attention"])


def _marks(document: str) -> list[tuple[str, str]]:
    """The stated words marked in the sentences, each with its verdict's class."""
    found = re.finditer(r'<mark class="stated v-([a-z]+)" title="[^"]*">([^<]*)</mark>', document)
    return [(m.group(1), html.unescape(m.group(2))) for m in found]


PUPILS = """format = 1
[article]
title = "t"
published = 2024-01-01
[figures]
p23 = { value = 1000, unit = "pupil", period = "2023" }
p24 = { value = 1100, unit = "pupil", period = "2024" }
[[sentences]]
text = "SCHOOLS  now have 1,100 pupils – Up 12 per cent on 2023, and 1,100 of them…"
  [[sentences.claims]]
  id = "now"
  kind = "value"
  stated = "1,100"
  figure = "p24"
  [[sentences.claims]]
  id = "up"
  kind = "change"
  stated = "up 12 per cent"
  from = "p23"
  to = "p24"
"""


def test_the_stated_words_are_marked_inside_their_sentence_by_verdict() -> None:
    """Found as the loader finds them: case, white space and typographic marks aside, first place only."""
    document = render_html([verify_file(loads_claims_file(PUPILS, "<test>"))])
    assert _marks(document) == [("supported", "1,100"), ("contradicted", "Up 12 per cent")]
    tree = parse(document)
    assert tree.texts["s-text"] == ["SCHOOLS  now have 1,100 pupils – Up 12 per cent on 2023, and 1,100 of them…"]
    assert 'title="contradicted: claim up"' in document


def test_overlapping_stated_words_share_one_mark_of_the_worst_verdict() -> None:
    text = PUPILS.replace('stated = "1,100"', 'stated = "1,100 pupils"').replace(
        'stated = "up 12 per cent"', 'stated = "pupils – up 12 per cent"'
    )
    document = render_html([verify_file(loads_claims_file(text, "<test>"))])
    assert _marks(document) == [("contradicted", "1,100 pupils – Up 12 per cent")]
    assert 'title="supported: claim now; contradicted: claim up"' in document


@settings(max_examples=60, deadline=None)
@given(
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40),
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=40),
)
def test_marking_never_changes_the_sentence(before: str, after: str) -> None:
    text = f"{before} 40 staff {after}"
    document = render_html([verify_file(one_sentence_file(text, title="t", stated="40 staff"))])
    tree = parse(document)
    assert tree.texts["s-text"] == [text]
    assert {tag for tag, _ in tree.tags} <= OUR_TAGS


def test_figures_are_shown_with_their_units_as_a_reader_says_them() -> None:
    card = parse(render_html([verify_file(one_sentence_file("There are 45 staff.", stated="45"))])).texts["claim"][0]
    assert "staff = 40 people" in card  # the figure's unit is "person"


def test_diagnoses_are_shown_when_an_outcome_has_them() -> None:
    result = verify_file(one_sentence_file("There are 45 staff.", stated="45"))
    plain = result.outcomes[0]
    diagnosed = attrs.evolve(plain, diagnoses=("<b>a typo?</b> 54 for 45",))
    document = render_html([attrs.evolve(result, outcomes=(diagnosed,))])
    assert "Diagnosis" in document and "&lt;b&gt;a typo?&lt;/b&gt; 54 for 45" in document
    assert "Diagnosis" not in render_html([result])


# -- writing the file ---------------------------------------------------------------------------


def test_write_new_file_never_replaces_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "report.html"
    write_new_file(target, "first")
    assert target.read_text(encoding="utf-8") == "first"
    with pytest.raises(OutputError, match="already exists; give --force"):
        write_new_file(target, "second")
    assert target.read_text(encoding="utf-8") == "first"
    write_new_file(target, "third", force=True)
    assert target.read_text(encoding="utf-8") == "third"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]  # no temporary file left behind


def test_write_new_file_refuses_a_folder_or_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a folder"):
        write_new_file(tmp_path, "x", force=True)
    with pytest.raises(OutputError, match="cannot write here"):
        write_new_file(tmp_path / "missing" / "r.html", "x")


def test_write_new_file_does_not_follow_a_dangling_link(tmp_path: Path) -> None:
    link = tmp_path / "r.html"
    link.symlink_to(tmp_path / "elsewhere.html")
    with pytest.raises(OutputError, match="already exists"):
        write_new_file(link, "x")
    assert not (tmp_path / "elsewhere.html").exists()


def test_cli_report_writes_once_and_replaces_only_with_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.html"
    assert main(["report", str(REPO / "claims"), "-o", str(target)]) == 0
    first = target.read_text(encoding="utf-8")
    assert "Nearly 1,500 sex offenders" in first
    target.write_text("my notes", encoding="utf-8")
    assert main(["report", str(REPO / "claims"), "-o", str(target)]) == 2
    assert "already exists and is not a page of factcheck's; give --force" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "my notes"
    assert main(["report", str(REPO / "claims"), "-o", str(target), "--force"]) == 0
    assert target.read_text(encoding="utf-8") == first


def test_cli_report_writes_report_html_by_default_and_says_where(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["report", str(REPO / "claims")]) == 0
    assert capsys.readouterr().out == "wrote report.html\n"
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert "Nearly 1,500 sex offenders" in page


def test_cli_report_writes_again_over_its_own_page_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A page of ours is replaced by the next run (the story was edited); anything else needs --force."""
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "report.html"
    target.write_text(render([check_file(REPO / "tests" / "data" / "mixed-verdicts.toml")], "html"), encoding="utf-8")
    target.chmod(0o640)
    assert main(["report", str(REPO / "claims")]) == 0
    assert "Nearly 1,500 sex offenders" in target.read_text(encoding="utf-8")
    assert target.stat().st_mode & 0o777 == 0o640
    page = target.read_text(encoding="utf-8")
    target.write_text(page.replace("factcheck", "somebody else", 1).replace('"generator"', '"author"'), "utf-8")
    assert main(["report", str(REPO / "claims")]) == 2
    assert "is not a page of factcheck's" in capsys.readouterr().err
    assert "somebody else" in target.read_text(encoding="utf-8")


def test_cli_report_open_opens_the_page_in_the_browser(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import webbrowser

    opened: list[str] = []

    def fake_open(url: str, *args: object, **kwargs: object) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    target = tmp_path / "page.html"
    assert main(["report", str(REPO / "claims"), "-o", str(target), "--open"]) == 0
    assert opened == [target.resolve().as_uri()]
    monkeypatch.setattr(webbrowser, "open", lambda url, *args, **kwargs: False)
    assert main(["report", str(REPO / "claims"), "-o", str(target), "--open"]) == 0
    assert f"no web browser could be opened; open {target.resolve().as_uri()} yourself" in capsys.readouterr().err


def test_cli_report_open_uses_the_browser_the_user_chose(tmp_path: Path) -> None:
    """The BROWSER variable names the browser, as webbrowser reads it: here a script that notes the address."""
    noted = tmp_path / "opened.txt"
    browser = tmp_path / "browser.py"
    browser.write_text(f"import sys\nopen({str(noted)!r}, 'w').write(sys.argv[1])\n", encoding="utf-8")
    done = subprocess.run(
        [str(Path(sys.executable).parent / "factcheck"), "report", str(REPO / "claims"), "-o", "out.html", "--open"],
        cwd=tmp_path,
        env={**os.environ, "BROWSER": f"{sys.executable} {browser} %s"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "wrote out.html\n"
    assert noted.read_text(encoding="utf-8") == (tmp_path / "out.html").resolve().as_uri()


def test_cli_report_of_a_missing_path_still_writes_a_page_that_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "r.html"
    # exit 2 (it was 0): a file that could not be read never passes, in `report` as in `check`
    assert main(["report", str(tmp_path / "nope.claims.toml"), "-o", str(target)]) == 2
    assert "no such file or folder" in target.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "nope.claims.toml: could not be checked (no such file or folder); the page says so" in err
