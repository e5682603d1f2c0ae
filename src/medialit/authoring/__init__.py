"""Adding a case study without writing Python: register the text, scaffold its exercises and page, preview it."""
