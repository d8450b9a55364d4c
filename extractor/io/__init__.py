"""Reading articles in and writing tables out; nothing here knows about spaCy."""
