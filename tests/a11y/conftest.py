"""Fixtures of the accessibility tests: axe-core's source, installed once per session."""
from __future__ import annotations

import pytest

from .axe import install_axe


@pytest.fixture(scope="session")
def axe_source() -> str:
    """The text of axe.min.js (from tests/a11y/node_modules, `npm ci` on first use)."""
    return install_axe().read_text(encoding="utf-8")
