"""axe-core (the npm package pinned in tests/a11y/package.json) injected into pages under test.

`npm ci` installs it into tests/a11y/node_modules the first time a test asks for it, so the
README's test command needs nothing more than node and npm; afterwards the tests use no network.
"""
from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
AXE_JS = HERE / "node_modules" / "axe-core" / "axe.min.js"
FAILING = ("serious", "critical")

# Moderate findings we accept, by rule id, each with its reason. Anything serious or critical fails.
ACCEPTED_MODERATE = {
    "region": "Leaflet's own panes and attribution control sit outside landmarks by Leaflet's design; "
              "the map container itself is inside <main> with a label",
}


def install_axe() -> Path:
    """Return the path of axe.min.js, running `npm ci` in tests/a11y first when it is missing."""
    if not AXE_JS.exists():
        npm = shutil.which("npm")
        if npm is None:
            raise RuntimeError("the accessibility tests need node and npm (Debian: apt-get install npm)")
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True)
    return AXE_JS


@dataclass(frozen=True)
class Violation:
    """One axe rule a page breaks: its id, impact, help text and the first offending nodes."""

    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def line(self) -> str:
        return f"{self.impact} {self.rule}: {self.help} at {', '.join(self.targets[:4])}"


def audit(page, axe_source: str) -> list[Violation]:
    """Return every axe violation on the page as it is now (WCAG 2.x A and AA, best practices)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Run as a function through the driver, not as an inline <script>: the page's
        # Content-Security-Policy refuses inline scripts (and eval), as it should.
        page.evaluate("() => {\n" + axe_source + "\n;return typeof window.axe;}")
    found = page.evaluate("""async () => {
        const result = await axe.run(document, {resultTypes: ['violations']});
        return result.violations.map(v => ({rule: v.id, impact: v.impact || 'minor', help: v.help,
            targets: v.nodes.map(n => n.target.join(' '))}));
    }""")
    return [Violation(v["rule"], v["impact"], v["help"], tuple(v["targets"])) for v in found]


def refused(violations: list[Violation]) -> list[str]:
    """Return a line per violation we do not accept: serious or critical, or an unlisted moderate."""
    return [v.line() for v in violations
            if v.impact in FAILING or (v.impact == "moderate" and v.rule not in ACCEPTED_MODERATE)]
