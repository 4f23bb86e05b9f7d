"""From an article to a claims file: sentences, a draft claim per number phrase, the draft as TOML, and
the figures that would fill in a draft's inputs.

Beside `report` on one level: neither imports the other.
"""

__all__: list[str] = []
