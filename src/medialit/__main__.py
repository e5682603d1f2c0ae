"""``python -m medialit``: the same command line as ``medialit``."""

from __future__ import annotations

import sys

from medialit.cli import main

if __name__ == "__main__":
    sys.exit(main())
