"""Rule data of the extractor (patterns, lexicons, generated gazetteer): data files, not code."""
