"""Search: a simulated search task. The learner searches (suggested or typed queries over the exercise's own result
lists), opens simulated web pages, then gives a verdict and ticks the results that are evidence for it.

The rule is in :mod:`.scoring`; the front-end in ``view.js`` and ``score.js``; the file fields in ``schema.json``;
the simulated pages in :mod:`medialit.kinds.search.pages` and :mod:`medialit.sphinxext.web`; the other modules as
:mod:`medialit.kinds.base` names them. Below: the kind's settings.
"""

FRONT_END = ("search/score.js", "search/view.js")
