"""Pairs: link two sentences that contradict each other.

The rule is in :mod:`.scoring`; the front-end in ``view.js`` and ``score.js``; the file fields in ``schema.json``;
the other modules as :mod:`medialit.kinds.base` names them. Below: the kind's settings.
"""

FRONT_END = ("sentences.js", "pairs/score.js", "pairs/view.js")
ANCHOR_FIELDS = ("first", "second")
PRINTS_DOCUMENTS = True
ITEM_JOINER = "  ↔  "
