"""The analysis pauses the cyclic garbage collector (it only walked the loaded gazetteer and the
analysis's own records again and again) and leaves it as it found it, even when reading fails."""
from __future__ import annotations

import gc

import pytest

from gazetteer.cycles import paused_cycle_collection
from mapapp.analysis.pipeline import analyse_text


@pytest.fixture
def collector():
    before = gc.isenabled()
    yield
    gc.enable() if before else gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_the_collector_is_as_it_was_after_an_analysis(enabled, collector, full_gazetteer):
    gc.enable() if enabled else gc.disable()
    analysis = analyse_text("On 6 August 1920 our units moved from Geryusy to Nakhichevan.", gazetteer=full_gazetteer)
    assert analysis.movements and gc.isenabled() == enabled


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_while_the_block_runs_and_restored_after_an_error(enabled, collector):
    gc.enable() if enabled else gc.disable()
    with pytest.raises(ValueError), paused_cycle_collection():
        assert not gc.isenabled()
        raise ValueError("bad input")
    assert gc.isenabled() == enabled
