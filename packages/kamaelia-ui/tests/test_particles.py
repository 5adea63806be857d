"""Kamaelia.Support.Particles: spatial index, bonds, forces and laws."""

import pytest

from Kamaelia.Support.Particles import (
    MultipleLaws,
    Particle,
    ParticleSystem,
    SimpleLaws,
    SpatialIndexer,
)


def test_spatial_indexer_finds_entities_within_the_radius_only():
    """withinRadius returns (entity, squared distance) for entities inside the circle."""
    index = SpatialIndexer(proxDist=10)
    near, far = Particle((3, 4)), Particle((30, 40))
    index.add(near, far)
    assert index.withinRadius((0, 0), 5) == [(near, 25)]
    assert {e for e, _ in index.withinRadius((0, 0), 50)} == {near, far}
    index.remove(near)
    assert index.withinRadius((0, 0), 5) == []


def test_spatial_indexer_follows_moved_entities_and_rejects_bad_cell_size():
    """updateLoc re-files a moved entity; a cell size of 0 is refused."""
    index = SpatialIndexer(proxDist=10)
    p = Particle((0, 0))
    index.add(p)
    p.pos = (100, 100)
    index.updateLoc(p)
    assert index.withinRadius((0, 0), 5) == []
    assert index.withinRadius((100, 100), 1) == [(p, 0)]
    with pytest.raises(ValueError, match="proxDist must be > 0"):
        SpatialIndexer(0)


def test_a_bond_settles_near_its_length():
    """Two bonded particles end up about bondLength apart."""
    system = ParticleSystem(SimpleLaws(bondLength=100))
    a, b = Particle((0, 0), ID="a"), Particle((30, 0), ID="b")
    system.add(a, b)
    a.makeBond(system.particleDict, "b")
    system.run(300)
    assert 90 < (a.distSquared(b.pos)) ** 0.5 < 130
    assert a.getBondedTo() == [b]
    assert b.getBondedFrom() == [a]


def test_unbonded_particles_repel_and_frozen_ones_stay():
    """Unbonded neighbours push apart; a frozen particle does not move."""
    system = ParticleSystem(SimpleLaws())
    a, b = Particle((0, 0), ID="a"), Particle((10, 0), ID="b")
    system.add(a, b)
    a.freeze()
    system.run(20)
    assert a.pos == (0, 0)
    assert b.pos[0] > 10


def test_breaking_bonds():
    """breakBond and breakAllBonds undo makeBond on both ends."""
    particles = {n: Particle((0, 0), ID=n) for n in "abc"}
    particles["a"].makeBond(particles, "b")
    particles["a"].makeBond(particles, "b")  # only once
    particles["c"].makeBond(particles, "a")
    assert particles["a"].bondedTo == [particles["b"]]
    particles["a"].breakBond(particles, "b")
    assert particles["b"].bondedFrom == []
    particles["a"].breakAllBonds()
    assert particles["c"].bondedTo == []


def test_multiple_laws_pick_by_type_pair_both_ways_round():
    """A law given for (x, y) serves (y, x) too; unlisted pairs use the default."""
    strong, weak, default = SimpleLaws(maxBondForce=50), SimpleLaws(maxBondForce=1), SimpleLaws()
    laws = MultipleLaws({("x", "y"): strong, ("x", "x"): weak}, defaultLaw=default)
    assert laws.bonded("y", "x", 1000, 1e6) == 50
    assert laws.bonded("x", "x", 1000, 1e6) == 1
    assert laws.laws[("y", "y")] is default
    with pytest.raises(ValueError, match="no law for the type pairs"):
        MultipleLaws({("x", "y"): strong})
