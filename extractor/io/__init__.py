"""Reading articles in (readers) and writing tables out: the one table writer (writers) and the
committed chunks with the resume manifest on top of it (store). Nothing here uses spaCy: rows
come in as plain dicts, shaped by the schemas of rows.COLUMNS."""
