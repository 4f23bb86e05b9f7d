from __future__ import annotations

import subprocess
import sys

import factcheck


def test_every_exported_name_resolves() -> None:
    for name in factcheck.__all__:
        assert getattr(factcheck, name) is not None


def test_import_is_light() -> None:
    code = "import sys, factcheck; print(' '.join(m for m in ('pint', 'pytest', 'attrs', 'hypothesis') if m in sys.modules))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_checking_common_units_does_not_import_pint() -> None:
    code = ("import sys, factcheck; factcheck.check_file('claims/west-mercia-mappa-2020.claims.toml'); "
            "print('pint' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         cwd=str(__import__('tests.conftest', fromlist=['REPO']).REPO)).stdout.strip()
    assert out == "False"
