"""The site the corrections benchmarks time: the bundled corpus built into a folder, with one editor."""
from __future__ import annotations

from pathlib import Path

EDITOR, PASSWORD = "bench", "a long enough password"


def editor_site(folder: Path):
    """Build the bundled corpus's atlas in `folder`, add an editor, and return the app on it."""
    from mapapp.accounts import store as accounts
    from mapapp.app import create_app
    from mapapp.atlas.build import corpus_paths, plan_build, run_build

    home, atlas = Path(folder) / "home", Path(folder) / "atlas"
    run_build(plan_build(corpus_paths(), atlas))
    accounts.add_user(home, EDITOR, "editor", PASSWORD, EDITOR)
    return create_app({"HOME": home, "ATLAS_DIR": atlas})
