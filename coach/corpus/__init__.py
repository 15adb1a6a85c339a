"""Documents, guidance cards and chunking: the corpus as the coach reads it."""
