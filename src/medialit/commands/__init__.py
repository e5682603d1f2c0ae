"""The sub-commands of the ``medialit`` command line."""
