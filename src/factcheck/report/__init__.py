"""One renderer per output format, and the format registry (`formats.FORMATS`) that says how each is written.

Renderers return text; they never print, and they escape everything a user wrote. Nothing here is
imported when the package is: each renderer is loaded when its format is first asked for.
"""

__all__: list[str] = []
