"""The HTML report in a real browser: headless Chromium (Debian's package), driven by Playwright.

The page is opened from a file:// URL in an offline browser context. A missing Chromium is a
failure, not a skip: .ci/run installs it. Screenshots go to test-artifacts/ for a person to look at.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.check.pipeline import check_file, check_path
from factcheck.cli.main import main
from tests.conftest import EVAL_DIR, LABELLED_DIR

REPO = Path(__file__).resolve().parent.parent
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

ARTICLE = """\
date 2024-03-01 Some 1,100 people used the Ashby Vale food bank in 2023, up 20 per cent on 2022.

<script>window.__pwned = 1; document.title = "pwned"</script> The council hired 40 staff <img src=x onerror="window.__pwned = 2">.

The mayor said it had been a good year.
"""

CLAIMS = """\
format = 1

[article]
title = "Food bank busier than ever <script>window.__pwned = 3</script>"
published = 2024-03-01
text = "planted.txt"

[sources.council]
title = "Ashby Vale food bank annual return"
publisher = "Ashby Vale Council"
url = "https://example.org/ashby-vale/food-bank"

[figures]
users_2022 = { value = 1000, unit = "person", period = "2022", area = "Ashby Vale", source = "council" }
users_2023 = { value = 1100, unit = "person", period = "2023", area = "Ashby Vale", source = "council" }
staff_2023 = { value = 40, unit = "person", period = "2023", source = "council" }

[[sentences]]
text = "Some 1,100 people used the Ashby Vale food bank in 2023, up 20 per cent on 2022."

  [[sentences.claims]]
  id = "users"
  kind = "value"
  stated = "Some 1,100"
  figure = "users_2023"

  [[sentences.claims]]
  id = "users-change"
  kind = "change"
  stated = "up 20 per cent"
  from = "users_2022"
  to = "users_2023"

[[sentences]]
text = '<script>window.__pwned = 1; document.title = "pwned"</script> The council hired 40 staff <img src=x onerror="window.__pwned = 2">.'

  [[sentences.claims]]
  id = "staff"
  kind = "value"
  stated = "40"
  figure = "staff_2023"

[[sentences]]
text = "The mayor said it had been a good year."
check = "opinion"
"""


def _chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found is None:
        pytest.fail(
            "Chromium is needed for the browser tests and was not found: install Debian's package "
            "(apt-get install -y chromium); .ci/run does this when it is missing",
            pytrace=False,
        )
    return found


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    executable = _chromium()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the browser tests need Playwright: pip install -e '.[test]'", pytrace=False)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def planted(tmp_path: Path) -> Path:
    """A claims file with a planted wrong number ("up 20 per cent" for a 10% rise) and script in its text."""
    folder = tmp_path / "planted"
    folder.mkdir()
    (folder / "planted.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "planted.claims.toml").write_text(textwrap.dedent(CLAIMS), encoding="utf-8")
    assert check_file(folder / "planted.claims.toml").claims_file.problems == ()  # type: ignore[union-attr]
    return folder


class Page:
    """An offline page on a report opened from disk, which remembers every request it made."""

    def __init__(self, browser: Any, report: Path, width: int = 1100, height: int = 1400) -> None:
        self.context = browser.new_context(offline=True, viewport={"width": width, "height": height})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: self.errors.append(message.text))
        self.page.goto(report.as_uri())

    def close(self) -> None:
        self.context.close()


def _report(tmp_path: Path, *paths: Path, name: str = "report.html") -> Path:
    target = tmp_path / name
    assert main(["report", *map(str, paths), "-o", str(target)]) == 0
    return target


def test_a_planted_wrong_number_is_marked_and_its_details_open(browser: Any, planted: Path, tmp_path: Path) -> None:
    view = Page(browser, _report(tmp_path, REPO / "claims", planted))
    page = view.page
    try:
        sentence = page.locator("details.s", has_text="up 20 per cent on 2022")
        badge = sentence.locator("summary .badge")
        assert "contradicted" in badge.inner_text()
        assert "v-contradicted" in (sentence.get_attribute("class") or "")
        card = sentence.locator(".claim", has_text="users-change")
        assert not card.is_visible()
        sentence.locator("summary").click()
        assert sentence.get_attribute("open") is not None
        assert card.is_visible()
        assert card.locator(".value").inner_text() == "10"
        assert "up 20 per cent" in card.inner_text() and "[19.5, 20.5]" in card.inner_text()
        assert "Ashby Vale food bank annual return" in card.inner_text()
        ARTIFACTS.mkdir(exist_ok=True)
        section = page.locator("section.article", has_text="Food bank busier than ever")
        section.scroll_into_view_if_needed()
        section.screenshot(path=str(ARTIFACTS / "report-planted.png"))
        assert [url for url in view.requests if not url.startswith("file://")] == []
    finally:
        view.close()


def test_script_in_the_data_never_runs_and_shows_as_text(browser: Any, planted: Path, tmp_path: Path) -> None:
    view = Page(browser, _report(tmp_path, planted))
    page = view.page
    try:
        assert page.evaluate("typeof window.__pwned") == "undefined"
        assert page.title() != "pwned" and "Food bank busier than ever <script>" in page.title()
        assert page.locator("script").count() == 0
        assert page.locator("img").count() == 0
        shown = page.locator(".s-text", has_text="The council hired 40 staff")
        assert shown.inner_text().startswith('<script>window.__pwned = 1; document.title = "pwned"</script>')
        assert '<img src=x onerror="window.__pwned = 2">' in shown.inner_text()
        assert page.locator("h2", has_text="<script>window.__pwned = 3</script>").count() == 1
        assert view.errors == []
    finally:
        view.close()


def test_keyboard_tab_focuses_a_claim_and_enter_opens_it(browser: Any, planted: Path, tmp_path: Path) -> None:
    view = Page(browser, _report(tmp_path, planted))
    page = view.page
    try:
        for _ in range(40):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.matches('details.s > summary')"):
                break
        else:
            pytest.fail("Tab never reached a claim")
        focused = page.evaluate_handle("document.activeElement")
        assert page.evaluate("e => getComputedStyle(e).outlineStyle", focused) != "none"  # a visible focus ring
        assert page.evaluate("e => e.parentElement.open", focused) is False
        page.keyboard.press("Enter")
        assert page.evaluate("e => e.parentElement.open", focused) is True
        assert page.evaluate("e => e.parentElement.querySelector('.card').checkVisibility()", focused) is True
        page.keyboard.press("Enter")
        assert page.evaluate("e => e.parentElement.open", focused) is False
    finally:
        view.close()


def test_every_claim_is_marked_with_its_verdict_in_the_browser(browser: Any, planted: Path, tmp_path: Path) -> None:
    folders = [REPO / "claims", planted, LABELLED_DIR] + ([EVAL_DIR] if EVAL_DIR.is_dir() else [])
    results = [
        result for folder in folders for path in sorted(folder.glob("*.claims.toml")) for result in check_path(path)
    ]
    view = Page(browser, _report(tmp_path, *folders))
    page = view.page
    try:
        shown = page.evaluate("""() => [...document.querySelectorAll('section.article')].map(section =>
            [...section.querySelectorAll('.claim')].map(card => [card.querySelector('code').textContent,
                [...card.classList].find(c => c.startsWith('v-')).slice(2)]))""")
        expected = [sorted((o.id, o.verdict.value) for o in r.outcomes if o.kind != "sentence") for r in results]
        assert [sorted(map(tuple, cards)) for cards in shown] == expected
        assert sum(map(len, expected)) > 20
        assert [url for url in view.requests if not url.startswith("file://")] == []
    finally:
        view.close()


def test_screenshot_of_the_example_article(browser: Any, tmp_path: Path) -> None:
    """The page a sub-editor first sees: the summary, then the article with its verdicts."""
    eastmarsh = EVAL_DIR / "eastmarsh-ae-waits-2024.claims.toml"
    shown = eastmarsh if eastmarsh.exists() else LABELLED_DIR / "tarnwick-gp-waits-2024.claims.toml"
    view = Page(browser, _report(tmp_path, shown), height=1500)
    page = view.page
    try:
        problems = page.locator("details.s.v-contradicted")
        (problems if problems.count() else page.locator("details.s")).first.locator("summary").click()
        page.evaluate("window.scrollTo(0, 0)")
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "report.png"))
        page.emulate_media(media="print")
        assert page.locator("table.claims").first.is_visible()  # printed: every claim as a table
        assert not page.locator(".hint").is_visible()
        page.screenshot(path=str(ARTIFACTS / "report-print.png"), full_page=True)
        assert (ARTIFACTS / "report.png").stat().st_size > 10_000
    finally:
        view.close()
