"""A new user's first ten minutes, scripted: an article of their own to a checked claims file and an HTML page.

The walk uses only what the README shows a newcomer (`extract`, adding figures at the end of the draft,
`suggest`, filling in the inputs by hand, `check`, `report`), in a temporary folder with an
article that is not in this repository, through the installed `factcheck` script, as a shell would
run it. A step that stops working for a newcomer fails here, whatever the unit tests say.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from typing import Final

from tests.conftest import REPO

BIN: Final = Path(sys.executable).parent

#: An invented article, with a date line, a change, a value and a share.
ARTICLE: Final = """\
date 2025-03-14
Ferry crossings fall at Tarrow harbour

Ferry crossings from Tarrow fell by 8 per cent last year, to 11,040.

Freight lorries made up 35 per cent of the crossings.
"""

#: The figures the reporter wrote the story from, as a user adds them at the end of the draft.
FIGURES: Final = """
[sources.tarrow-port]
title = "Tarrow Port Authority, annual traffic return 2024 (invented figures)"

[figures]
crossings_2023 = { value = 12000, unit = "crossing", period = "2023", source = "tarrow-port" }
crossings_2024 = { value = 11040, unit = "crossing", period = "2024", source = "tarrow-port" }
freight_2024 = { value = 3864, unit = "crossing", period = "2024", source = "tarrow-port" }
"""

#: "  s2-change, line 20 (change): 'fell by 8 per cent'", then "    1. from = 'a', to = 'b': …".
_CLAIM: Final = re.compile(r"^  (?P<id>\S+), line \d+ \((?P<kind>\w+)\): ")
_FIRST: Final = re.compile(r"^    1\. (?P<inputs>.*?): ")
_INPUT: Final = re.compile(r"(\w+) = '([^']*)'")


def factcheck(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The installed command, in the user's folder, with the environment a shell gives it."""
    return subprocess.run(
        [str(BIN / "factcheck"), *args],
        cwd=folder,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )


def first_suggestions(out: str) -> dict[str, dict[str, str]]:
    """Each claim's first suggestion, read from `factcheck suggest` as a user reads it."""
    chosen: dict[str, dict[str, str]] = {}
    claim = None
    for line in out.splitlines():
        if heading := _CLAIM.match(line):
            claim = heading["id"]
        elif (first := _FIRST.match(line)) and claim is not None:
            chosen[claim] = dict(_INPUT.findall(first["inputs"]))
    return chosen


def fill_in(draft: str, claim_id: str, inputs: dict[str, str]) -> str:
    """The user's edit: in the claim's block, each `"?"` replaced with the figure suggested for it."""
    start = draft.index(f'id = "{claim_id}"')
    end = draft.find("\n\n", start)
    end = len(draft) if end == -1 else end
    block = draft[start:end]
    for name, figure in inputs.items():
        block = block.replace(f'{name} = "?"', f'{name} = "{figure}"', 1)
    return draft[:start] + block + draft[end:]


def test_the_walk_uses_only_commands_the_readme_shows() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for command in ("factcheck extract story.txt", "factcheck suggest story.claims.toml", "factcheck check story"):
        assert command in readme
    assert re.search(r"factcheck report \S+\.claims\.toml\nwrote report\.html", readme)
    assert "```toml {append=story.claims.toml}" in readme  # figures go at the end of the draft


def test_a_new_user_reaches_a_checked_claims_file_and_a_page(tmp_path: Path) -> None:
    (tmp_path / "harbour.txt").write_text(ARTICLE, encoding="utf-8")

    done = factcheck(tmp_path, "extract", "harbour.txt")
    assert done.returncode == 0, done.stderr
    claims = tmp_path / "harbour.claims.toml"
    assert "wrote harbour.claims.toml: 3 sentences, 3 draft claims" in done.stderr

    done = factcheck(tmp_path, "check", "harbour.claims.toml")
    assert done.returncode == 1, done.stdout  # a draft never passes
    assert "draft: fill in" in done.stdout

    with claims.open("a", encoding="utf-8") as draft:
        draft.write(FIGURES)
    done = factcheck(tmp_path, "suggest", "harbour.claims.toml")
    assert done.returncode == 0, done.stderr
    chosen = first_suggestions(done.stdout)
    assert chosen == {
        "s2-change": {"from": "crossings_2023", "to": "crossings_2024"},
        "s2-value": {"figure": "crossings_2024"},
        "s3-share": {"part": "freight_2024", "whole": "crossings_2024"},
    }, done.stdout

    text = claims.read_text(encoding="utf-8")
    for claim_id, inputs in chosen.items():
        text = fill_in(text, claim_id, inputs)
    claims.write_text(text, encoding="utf-8")
    filled = tomllib.loads(text)  # still TOML, as the user's editor would keep it
    values = [v for s in filled["sentences"] for c in s.get("claims", []) for k, v in c.items() if k != "stated"]
    assert "?" not in values

    done = factcheck(tmp_path, "check", "harbour.claims.toml")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 file: 3 supported, 0 loose, 0 contradicted, 1 unchecked, 0 errors" in done.stdout

    done = factcheck(tmp_path, "report", "harbour.claims.toml")
    assert done.returncode == 0, done.stderr
    assert done.stdout == "wrote report.html\n"
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Ferry crossings fall at Tarrow harbour" in page
    assert "fell by 8 per cent" in page
