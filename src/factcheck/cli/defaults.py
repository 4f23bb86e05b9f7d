"""The project file's defaults, applied to a command's arguments: what the command line leaves unsaid.

An option given on the command line wins; then `$FACTCHECK_CACHE_DIR` for the cache; then the project
file (`factcheck.load.project`); then the built-in default. A command given no PATH checks the
project file's `paths`.
"""

from __future__ import annotations

import argparse
import os
import sys

__all__ = ["apply_project"]


def apply_project(args: argparse.Namespace) -> bool:
    """Fill in what `args` leaves unset from the project file; False (having said why) when it cannot be."""
    from factcheck.errors import ProjectFileError
    from factcheck.load.project import AUTO_JOBS, find_project
    from factcheck.report.text import one_line

    try:
        project = find_project()
    except ProjectFileError as exc:
        sys.stderr.write(f"factcheck: {one_line(str(exc))}\n")
        return False
    if not args.paths:
        if project is None or project.paths is None:
            sys.stderr.write(
                "factcheck: name the claims files or folders to check (PATH), or list them as `paths` in a "
                "factcheck.toml project file\n"
            )
            return False
        args.paths = [project.resolved(path) for path in project.paths]
    if not hasattr(args, "strict"):  # `report` takes only the paths
        return True
    if args.strict is None:
        args.strict = bool(project and project.strict)
    if args.jobs is None:
        args.jobs = project.jobs if project and project.jobs else AUTO_JOBS
    if args.cache_dir is None and "FACTCHECK_CACHE_DIR" not in os.environ and project and project.cache_dir:
        args.cache_dir = project.resolved(project.cache_dir)
    if args.format is None and project and project.format:
        from factcheck.report.formats import FORMATS

        if project.format not in FORMATS:
            sys.stderr.write(
                f"factcheck: {one_line(project.located('format'))}: unknown format {project.format!r} "
                f"(one of: {', '.join(FORMATS)})\n"
            )
            return False
        args.format = project.format
    if args.format is None:
        args.format = "text"
    return True
