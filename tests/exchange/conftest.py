"""Exports of the session atlas (the bundled corpus), each written once by the real command."""
from __future__ import annotations

import shutil
import subprocess

import pytest


@pytest.fixture(scope="session")
def export(atlas_path, tmp_path_factory):
    """A factory: `export(fmt, *args)` runs `chronotope export` on the session atlas, returns the path."""
    from click.testing import CliRunner

    from mapapp.cli import main

    done = {}

    def run(fmt: str, *args: str):
        key = (fmt, args)
        if key not in done:
            out = tmp_path_factory.mktemp(f"export-{fmt}") / f"atlas.{fmt}"
            result = CliRunner().invoke(main, ["export", "--format", fmt, "--atlas", str(atlas_path),
                                               "--out", str(out), *args], catch_exceptions=False)
            assert result.exit_code == 0, result.output
            done[key] = out
        return done[key]

    return run


@pytest.fixture(scope="session")
def ogrinfo():
    """GDAL's `ogrinfo` (Debian's gdal-bin, which the README's test command installs)."""
    path = shutil.which("ogrinfo")
    if path is None:
        pytest.fail("ogrinfo is missing: install Debian's gdal-bin (the README's test command does)")

    def summary(target) -> str:
        done = subprocess.run([path, "-ro", "-so", "-al", str(target)], capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        return done.stdout

    return summary
