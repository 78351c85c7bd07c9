"""Errors for gazetteer data that cannot be used."""
from __future__ import annotations


class GazetteerError(Exception):
    """A data file or record that cannot be used, naming the file, the record and the problem."""

    def __init__(self, message: str, source: str | None = None, record: str | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.record = record

    def __str__(self) -> str:
        where = self.source or "<data>"
        if self.record is not None:
            where = f"{where}: record {self.record}"
        return f"{where}: {self.message}"
