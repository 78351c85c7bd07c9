"""`chronotope build`: read the corpus and write the atlas the app serves."""
from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

import click

from mapapp.cli.output import EXIT_BAD_INPUT, EXIT_FAILED, emit_json_line, fail, warn

EXIT_INTERRUPTED = 130


def summary(report) -> str:
    """Return the one-line account of a build."""
    state = "up to date" if report.up_to_date else f"built in {report.seconds:.2f} s"
    return (f"atlas {report.version} {state}: {report.documents} documents, {report.places} places, "
            f"{report.mentions} mentions, {report.movements} movements, {report.territories} territories; "
            f"{report.sources} sources ({report.read} read, {report.reused} reused) -> {report.path}")


def ensure_atlas(corpus: tuple[Path, ...], location: Path | str, keep: int, force: bool = False, jobs: int = 1,
                 dask: str | None = None, progress: bool = True):
    """Build the atlas of `corpus` at `location` unless it is up to date; return the BuildReport.

    Shows the progress of long builds on stderr (unless `progress` is False); exits with a
    one-line error when it fails, leaving the previous atlas as it was.
    """
    from documents.errors import DocumentError
    from gazetteer.errors import GazetteerError
    from mapapp.atlas.build import BuildError, plan_build, run_build

    try:
        plan = plan_build(corpus, location)
        if plan.up_to_date and not force:
            return _up_to_date_report(plan)
        on_source = _progress(plan) if progress else None
        plan = replace(plan, names=_public_names(location))
        return run_build(plan, on_source=on_source, keep=keep, jobs=jobs, dask=dask)
    except (BuildError, DocumentError, GazetteerError) as exc:
        fail(f"{exc} (the previous atlas is unchanged)", EXIT_BAD_INPUT)
    except KeyboardInterrupt:
        fail("build interrupted; the previous atlas is unchanged", EXIT_INTERRUPTED)
    except Exception as exc:  # a one-line message, never a traceback
        fail(f"build failed: {type(exc).__name__}: {exc} (the previous atlas is unchanged)", EXIT_FAILED)


def _public_names(location) -> tuple[tuple[str, str | None], ...]:
    """Editors' names as corrections show them (only those who agreed to be named)."""
    from mapapp.cli.annotations_cmd import public_names

    return tuple(public_names(location).items())


def _progress(plan):
    """Return the progress report of a build: a line redrawn on a terminal, lines in a log."""
    from mapapp.cli.progress import BuildProgress

    sizes = {str(p): p.stat().st_size for p in plan.sources if str(p) not in plan.reusable}
    return BuildProgress(len(plan.sources), sizes, sys.stderr, sys.stderr.isatty())


def _up_to_date_report(plan):
    from mapapp.atlas.build import BuildReport, atlas_contents

    counts, warnings = atlas_contents(plan.previous)
    return BuildReport(plan.version, plan.previous if isinstance(plan.previous, Path) else str(plan.previous), sources=len(plan.sources), read=0,
                       reused=len(plan.sources), seconds=0.0, up_to_date=True, warnings=warnings, **counts)


@click.command("build")
@click.option("--corpus", "corpus", multiple=True, type=click.Path(path_type=Path),
              help="A source file or a folder of them (repeatable). Default: $CHRONOTOPE_CORPUS, "
                   "else the bundled corpus.")
@click.option("--out", "out", type=click.Path(path_type=Path),
              help="Where to write: an atlas FOLDER (each version kept as atlas-<version>.sqlite, "
                   "CURRENT names the one served) or a single FILE ending in .sqlite (one version, "
                   "replaced on each build). Default: $CHRONOTOPE_ATLAS_DIR, else "
                   "~/.local/share/chronotope/atlas.")
@click.option("--database", "database", metavar="URL", default=None,
              help="Write the atlas into this PostgreSQL/PostGIS database (postgresql://user@host/db), one "
                   "schema per version, instead of a folder. Default: $CHRONOTOPE_DATABASE_URL.")
@click.option("--keep", type=click.IntRange(min=1), default=None,
              help="Atlas versions to keep in the folder for pinned links (default: $CHRONOTOPE_KEEP_VERSIONS, 5).")
@click.option("--force", is_flag=True, help="Build even when the atlas is up to date.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Sources analysed at once, in worker processes (0: one per CPU). Default: 1; "
                   "with --dask local, one worker per CPU.")
@click.option("--dask", "dask", metavar="SCHEDULER",
              help="Analyse the sources on a dask.distributed cluster: 'local' starts a LocalCluster of "
                   "--jobs workers for this build, tcp://HOST:8786 joins a running one (its workers "
                   "must see the corpus at the same paths).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON object (and no progress).")
def command(corpus: tuple[Path, ...], out: Path | None, database: str | None, keep: int | None, force: bool,
            jobs: int | None, dask: str | None, as_json: bool) -> None:
    """Read the corpus and write the atlas (one SQLite file, or PostgreSQL schema, per version) that `serve` reads.

    Atomic: a failed or interrupted build leaves the previous atlas intact. Incremental:
    only sources whose content changed are read again. Prints one summary line.
    """
    from mapapp.atlas.build import corpus_paths
    from mapapp.cli.chosen_atlas import chosen_atlas
    from mapapp.settings import SettingsError, from_env, with_overrides

    try:
        settings = with_overrides(from_env(), {"DATABASE_URL": database} if database else None)
    except SettingsError as exc:
        fail(str(exc))
    if jobs is None:
        jobs = 0 if dask else 1
    report = ensure_atlas(corpus_paths(corpus or settings.CORPUS), chosen_atlas(out, database, settings),
                          keep or settings.KEEP_VERSIONS, force, jobs or os.cpu_count() or 1, dask,
                          progress=not as_json)
    if as_json:
        emit_json_line(report.as_dict())
        return
    from mapapp.analysis.markup import UNLINKED

    for line in report.warnings:
        # a markup ref that names no place keeps its document; every other warning is a skip
        warn(line if line.endswith(UNLINKED) else f"skipped: {line}")
    click.echo(summary(report))
