"""Pure normalisation functions (no spaCy): dates, numbers, gazetteer lookups."""
