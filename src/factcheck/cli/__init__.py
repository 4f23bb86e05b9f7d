"""The `factcheck` command: the only code that prints or chooses an exit status.

`main` parses the arguments and runs one subcommand, each a module of its own (`check`, `report`,
`extract`, `suggest`, `words`, `schema`), imported only when it is the one asked for.
"""

__all__: list[str] = []
