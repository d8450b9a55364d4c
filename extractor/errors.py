"""The errors the extractor reports to its user as one line (not a traceback): every module raises
these, the command line catches them."""
from __future__ import annotations


class InputError(Exception):
    """A usage mistake about the inputs or options (a missing path, an occupied output folder, an
    unknown format): reported in one line, exit status 2, before any article is read."""


class ReportError(Exception):
    """`extractor report` cannot draw a page: the folder holds no run's tables."""
