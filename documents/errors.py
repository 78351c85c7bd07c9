"""Errors raised for input that cannot be read."""
from __future__ import annotations


class DocumentError(Exception):
    """Input that cannot be read, with the file and line it comes from."""

    def __init__(self, message: str, source: str | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.source = source
        self.line = line

    def __str__(self) -> str:
        where = self.source or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return f"{where}: {self.message}"


class DateError(ValueError):
    """A date expression that cannot be read."""
