"""The build is atomic (a failure leaves the previous atlas) and incremental (unchanged sources are copied)."""
from __future__ import annotations

import shutil
import sqlite3

import pytest

from documents.errors import DocumentError
from mapapp.atlas import versions
from mapapp.atlas.build import BuildError, plan_build, run_build
from mapapp.atlas.store import open_atlas

from .corpus_edits import add_document, fix_a_typo, unreadable_source


@pytest.fixture
def corpus(small_corpus, tmp_path):
    """A private copy of the seed pages, free to change."""
    folder = tmp_path / "corpus"
    shutil.copytree(small_corpus, folder)
    return folder


def build(corpus, location, **kwargs):
    return run_build(plan_build([corpus], location), **kwargs)


def table_dump(path) -> dict[str, list]:
    """Return every row of the atlas's data tables, in a stable order."""
    with sqlite3.connect(path) as conn:
        return {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}").fetchall()))
                for t in ("documents", "places", "mentions", "movements", "territories", "sources")}


def test_a_second_build_reads_nothing_and_keeps_the_version(corpus, tmp_path):
    first = build(corpus, tmp_path / "atlas")
    plan = plan_build([corpus], tmp_path / "atlas")
    assert first.read == len(plan.sources) and first.reused == 0
    assert plan.up_to_date and plan.version == first.version


def test_changing_one_source_rereads_only_that_source(corpus, tmp_path):
    first = build(corpus, tmp_path / "atlas")
    fix_a_typo(sorted(corpus.iterdir())[0])
    second = build(corpus, tmp_path / "atlas")
    assert (second.read, second.reused) == (1, first.sources - 1)
    assert second.version != first.version
    fresh = build(corpus, tmp_path / "fresh")
    assert fresh.version == second.version
    assert table_dump(second.path) == table_dump(fresh.path)


def test_touching_a_source_without_changing_it_rereads_nothing(corpus, tmp_path):
    first = build(corpus, tmp_path / "atlas")
    for path in corpus.iterdir():
        path.touch()
    plan = plan_build([corpus], tmp_path / "atlas")
    assert plan.up_to_date and plan.version == first.version


def test_a_failing_source_leaves_the_previous_atlas_intact(corpus, tmp_path):
    location = tmp_path / "atlas"
    first = build(corpus, location)
    before = table_dump(first.path)
    unreadable_source(corpus)
    with pytest.raises(DocumentError, match="zz-bad-source.txt:1: no document found"):
        build(corpus, location)
    assert versions.current_version(location) == first.version
    assert table_dump(first.path) == before
    assert open_atlas(location=location).version == first.version
    assert sorted(p.name for p in location.iterdir()) == ["CURRENT", first.path.name]


def test_an_interrupted_build_leaves_the_previous_atlas_intact(corpus, tmp_path):
    location = tmp_path / "atlas"
    first = build(corpus, location)
    fix_a_typo(sorted(corpus.iterdir())[-1])

    def interrupt(path):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build(corpus, location, on_source=interrupt)
    assert open_atlas(location=location).version == first.version
    assert sorted(p.name for p in location.iterdir()) == ["CURRENT", first.path.name]


def test_the_same_document_twice_is_a_clear_error(corpus, tmp_path):
    twin = tmp_path / "twin"
    twin.mkdir()
    seed = sorted(corpus.iterdir())[0]
    shutil.copy(seed, twin / seed.name)
    with pytest.raises(BuildError, match=r"document id '.+' is already used by"):
        run_build(plan_build([corpus, twin], tmp_path / "atlas"))
    assert not (tmp_path / "atlas" / "CURRENT").exists()


def test_a_missing_corpus_path_is_named(tmp_path):
    with pytest.raises(BuildError, match="nowhere.txt: no such file"):
        plan_build([tmp_path / "nowhere.txt"], tmp_path / "atlas")


def test_an_atlas_can_be_one_file(corpus, tmp_path):
    target = tmp_path / "published" / "karabakh.sqlite"
    report = build(corpus, target)
    assert report.path == target and target.is_file()
    assert sorted(p.name for p in target.parent.iterdir()) == ["karabakh.sqlite"]
    assert open_atlas(location=target).counts()["documents"] == report.documents > 0
    assert plan_build([corpus], target).up_to_date


def test_old_versions_beyond_the_kept_number_are_deleted(corpus, tmp_path):
    location = tmp_path / "atlas"
    made = []
    for n in range(4):
        made.append(build(corpus, location, keep=2).version)
        add_document(corpus, n)
    assert versions.current_version(location) == made[-1]
    assert sorted(versions.kept_versions(location)) == sorted(made[-2:])


def test_analysing_in_parallel_makes_the_same_atlas(corpus, tmp_path):
    add_document(corpus, 1)
    serial = build(corpus, tmp_path / "serial")
    parallel = build(corpus, tmp_path / "parallel", jobs=2)
    assert parallel.version == serial.version and parallel.read == 3
    assert table_dump(parallel.path) == table_dump(serial.path)


def test_a_failing_source_in_a_worker_is_named_too(corpus, tmp_path):
    unreadable_source(corpus)
    with pytest.raises(DocumentError, match="zz-bad-source.txt:1: no document found"):
        build(corpus, tmp_path / "atlas", jobs=2)
    assert list((tmp_path / "atlas").iterdir()) == []


def test_paths_with_spaces_and_uri_characters_work(corpus, tmp_path, app_for):
    odd = tmp_path / "my atlas #1?%20"
    first = build(corpus, odd)
    fix_a_typo(sorted(corpus.iterdir())[0])
    second = build(corpus, odd)
    assert second.reused == first.sources - 1
    assert app_for(odd).test_client().get("/api/corpus").get_json()["version"] == second.version
