"""The marker of message ids: strings the catalogues list, translated where they are shown."""
from __future__ import annotations


def N_(message: str) -> str:
    """Mark `message` as a message id for the catalogues; it is translated where it is shown."""
    return message
