"""Fixtures for tests that use the real app and a real atlas (app, client, runner, ...)."""
