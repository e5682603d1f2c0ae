"""Choice: single or multiple choice with feedback on every option.

The rule is in :mod:`.scoring`; the front-end in ``view.js`` and ``score.js``; the file fields in ``schema.json``;
the other modules as :mod:`medialit.kinds.base` names them. Below: the kind's settings.
"""

FRONT_END = ("choice/score.js", "choice/view.js")
