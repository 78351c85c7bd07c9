"""The app's secret key: made once, on first run, in Chronotope's data folder (never in the repo)."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def secret_key(home: Path) -> bytes:
    """The key kept at `<home>/secret_key`, created (readable by its owner only) when missing."""
    path = Path(home) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".secret_key.{os.getpid()}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(secrets.token_bytes(32))
        try:
            os.link(tmp, path)   # the first process to get here wins; the others read its key
        except FileExistsError:
            pass
        finally:
            tmp.unlink(missing_ok=True)
    return path.read_bytes()
