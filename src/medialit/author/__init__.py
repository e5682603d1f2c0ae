"""``medialit author``: a local page to key a case study's exercises by clicking, with live validation.

:mod:`.draft` checks a draft with the same functions as ``medialit validate``; :mod:`.yamlout` writes it as exercise
YAML (keeping an edited file's comments); :mod:`.workspace` holds what one run knows about the project and writes
only inside ``exercises/`` and ``book/``; :mod:`.server` serves the page (``page.html``, ``author.js``,
``author.css``) on 127.0.0.1 with a per-run token.
"""
