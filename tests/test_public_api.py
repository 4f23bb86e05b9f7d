"""The public names: `factcheck.__all__` is the API, every public module lists its own public names in a
literal `__all__`, and `import factcheck` stays light."""

from __future__ import annotations

import ast
import importlib
import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck

PACKAGE = Path(factcheck.__file__).resolve().parent
MODULES = sorted(PACKAGE.rglob("*.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _defined_names(tree: ast.Module) -> set[str]:
    """The public names a module defines itself at its top level (not those it imports)."""
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names.add(node.target.id)
    return {name for name in names if not name.startswith("_")}


def _literal_all(tree: ast.Module) -> list[str]:
    """`__all__`, which must be a literal list of strings (so that tools and readers see it as it is)."""
    (node,) = [
        node
        for node in tree.body
        if isinstance(node, (ast.Assign, ast.AnnAssign))
        and any(
            isinstance(t, ast.Name) and t.id == "__all__"
            for t in (node.targets if isinstance(node, ast.Assign) else [node.target])
        )
    ]
    assert isinstance(node.value, ast.List)
    assert all(isinstance(item, ast.Constant) and isinstance(item.value, str) for item in node.value.elts)
    return [item.value for item in node.value.elts]  # type: ignore[attr-defined]


@pytest.mark.parametrize("path", MODULES, ids=_module_name)
def test_all_is_a_literal_list_of_the_modules_public_names(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    declared = _literal_all(tree)
    assert len(declared) == len(set(declared))
    if path == PACKAGE / "__init__.py":  # the API: lazy re-exports, each from the module it is defined in
        assert set(declared) == set(factcheck._EXPORTS) | {"__version__"}
        return
    assert set(declared) == _defined_names(tree)
    module = importlib.import_module(_module_name(path))
    assert all(hasattr(module, name) for name in declared)


def test_every_exported_name_resolves_to_its_module() -> None:
    for name in factcheck.__all__:
        value = getattr(factcheck, name)
        assert value is not None
        if name != "__version__":
            assert value is getattr(importlib.import_module(factcheck._EXPORTS[name]), name)


def test_the_version_is_the_installed_package_s_read_without_importlib_metadata() -> None:
    code = (
        "import sys, factcheck; before = 'importlib.metadata' in sys.modules; v = factcheck.__version__; "
        "print(before, 'importlib.metadata' in sys.modules, v)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", importlib.metadata.version("factcheck")]


def test_any_other_installation_asks_importlib_metadata(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    def no_folders(path: object) -> object:
        raise OSError(path)

    monkeypatch.setattr(os, "scandir", no_folders)
    assert factcheck._installed_version() == importlib.metadata.version("factcheck")
    headers = tmp_path / "METADATA"
    headers.write_text("Metadata-Version: 2.1\nName: factcheck\n\nVersion: 9 (in the body, not a header)\n")
    assert factcheck._metadata_version(str(headers)) is None
    headers.write_text("Metadata-Version: 2.1\nName: factcheck\nVersion: 1.2.3\n\nbody\n")
    assert factcheck._metadata_version(str(headers)) == "1.2.3"
    assert factcheck._metadata_version(str(tmp_path / "missing")) is None


def test_import_is_light() -> None:
    code = (
        "import sys, factcheck; print(' '.join(m for m in ('pint', 'pytest', 'attrs', 'hypothesis', "
        "'importlib.metadata') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert loaded == []


def test_checking_common_units_does_not_import_pint() -> None:
    code = (
        "import sys, factcheck; factcheck.check_file('claims/west-mercia-mappa-2020.claims.toml'); "
        "print('pint' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=str(__import__("tests.conftest", fromlist=["REPO"]).REPO),
    ).stdout.strip()
    assert out == "False"
