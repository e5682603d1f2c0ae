"""Reflection: a first reaction, recorded and answered with feedback on every view, never scored.

Built on choice (the same options, one answer); the rule is in :mod:`.scoring`; the front-end in ``view.js`` and
``score.js``; the file fields in ``schema.json``; the other modules as :mod:`medialit.kinds.base` names them. Below:
the kind's settings.
"""

FRONT_END = ("choice/score.js", "choice/view.js", "reflection/score.js", "reflection/view.js")
ASSESSABLE = False
