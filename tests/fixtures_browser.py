"""Fixtures for browser tests: the real app on loopback, driven by headless chromium."""
