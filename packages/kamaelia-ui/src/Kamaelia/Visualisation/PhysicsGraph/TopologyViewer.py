"""TopologyViewer: a graph drawn with particle physics, driven by text commands.

Send it token lists on "inbox" (``lines_to_tokenlists`` makes them from text):

=============================================  ================================================
``ADD NODE <id> <name> <pos> <type>``          add a node; ``pos`` is ``randompos``, ``auto``
                                               or ``x,y``; ``type`` picks its particle class
``DEL NODE <id>``                              remove a node and its links
``ADD LINK <id1> <id2>`` / ``DEL LINK ...``    add / remove a link from id1 to id2
``DEL ALL``                                    remove everything
``FREEZE ALL`` / ``UNFREEZE ALL``              stop / restart every node moving
``GET ALL``                                    send ``("TOPOLOGY", [command, ...])`` on outbox
``UPDATE_NAME NODE <id> <name>``               relabel a node
``GET_NAME NODE <id>``                         send ``("UPDATE_NAME", "NODE", id, name)``
=============================================  ================================================

A command it cannot carry out is answered with ``("ERROR", text)`` on
"outbox"; clicking a node sends ``("SELECT", "NODE", id)`` (``None`` when
the click hits nothing). Nodes can be dragged; the arrow keys scroll, ``f``
toggles full screen, Escape or ``q`` quits (which, as in 1.x, stops the
whole scheduler). A ``shutdownMicroprocess`` or ``producerFinished`` on
"control" closes only the viewer and is passed on out of "signal".

Each particle draws itself with a ``render(surface)`` generator that
yields pass numbers: everything is drawn pass by pass, lowest first, so
for instance all lines (pass 1) go under all nodes (pass 2).
"""

from __future__ import annotations

import heapq
import random
import re
from collections.abc import Callable, Generator, Sequence
from typing import Any

import pygame
from Axon.Ipc import producerFinished, shutdownMicroprocess
from Axon.options import checked_keywords

from Kamaelia.Support.Particles import ParticleSystem, SimpleLaws
from Kamaelia.UI.MH import PyGameApp
from Kamaelia.Visualisation.PhysicsGraph.GridRenderer import GridRenderer
from Kamaelia.Visualisation.PhysicsGraph.ParticleDragger import ParticleDragger
from Kamaelia.Visualisation.PhysicsGraph.RenderingParticle import RenderingParticle

__all__ = ["TopologyViewer"]

_XY = re.compile(r"^([+-]?\d+),([+-]?\d+)$")
_SCROLL_KEYS = {
    pygame.K_UP: (0, -4),
    pygame.K_DOWN: (0, 4),
    pygame.K_LEFT: (-4, 0),
    pygame.K_RIGHT: (4, 0),
}


@checked_keywords
class TopologyViewer(PyGameApp):
    """TopologyViewer(screensize=(800, 600), fullscreen=False, caption="Topology Viewer",
    particleTypes=None, initialTopology=None, laws=None, simCyclesPerRedraw=None,
    border=100, extraDrawing=None, showGrid=True, transparency=None, position=None)
    -> draws the graph its topology commands build, nodes laid out by physics and draggable.

    ``particleTypes`` maps a node type to a particle class called as
    ``cls(ID=..., position=..., name=...)`` (default ``{"-": RenderingParticle}``);
    ``initialTopology`` is ``(particles, (id1, id2) bonds)``; ``laws`` default to
    ``SimpleLaws(bondLength=100)``; ``extraDrawing`` is one more thing to render.
    """

    Inboxes = {
        "inbox": "Topology commands as token lists",
        "control": "shutdownMicroprocess or producerFinished closes the viewer",
        "alphacontrol": "Alpha (transparency) of the viewer, 0..255",
        "events": "Event bundles from the PygameDisplay service",
        "displaycontrol": "Replies from the PygameDisplay service",
    }
    Outboxes = {
        "signal": "The shutdown message, passed on",
        "outbox": "Selections, replies to GET commands and command errors",
        "displaysignal": "Requests to the PygameDisplay service",
    }

    def __init__(
        self,
        screensize: tuple[int, int] = (800, 600),
        fullscreen: bool = False,
        caption: str = "Topology Viewer",
        particleTypes: dict[str, Callable[..., Any]] | None = None,
        initialTopology: tuple[Sequence[Any], Sequence[tuple[Any, Any]]] | None = None,
        laws: Any = None,
        simCyclesPerRedraw: int | None = None,
        border: int = 100,
        extraDrawing: Any = None,
        showGrid: bool = True,
        transparency: Any = None,
        position: tuple[int, int] | None = None,
    ) -> None:
        super().__init__(
            screensize, caption, fullscreen, transparency=transparency, position=position
        )
        self.border = border
        self.particleTypes = particleTypes or {"-": RenderingParticle}
        nodes, bonds = initialTopology or ((), ())
        self.initialNodes = list(nodes)
        self.initialBonds = list(bonds)
        self.laws = laws if laws is not None else SimpleLaws(bondLength=100)
        self.simCyclesPerRedraw = simCyclesPerRedraw or 1
        self.graphicalFurniture: list[Any] = []
        if showGrid:
            self.graphicalFurniture.append(GridRenderer(self.laws.maxInteractRadius, (200,) * 3))
        if extraDrawing is not None:
            self.graphicalFurniture.append(extraDrawing)
        self.biggestRadius = 0
        self.left = 0
        self.top = 0
        self.dleft = 0
        self.dtop = 0
        self.selected: Any = None
        self.physics = ParticleSystem(self.laws, [], 0)

    # -- set-up and the frame ---------------------------------------------------------------

    def initialiseComponent(self) -> int:
        self.addHandler(pygame.MOUSEBUTTONDOWN, lambda event: ParticleDragger.handle(event, self))
        self.addHandler(pygame.KEYDOWN, self.keyDownHandler)
        self.addHandler(pygame.KEYUP, self.keyUpHandler)
        self.addParticle(*self.initialNodes)
        for source, dest in self.initialBonds:
            self.makeBond(source, dest)
        return 1

    def mainLoop(self) -> int:
        while self.dataReady("inbox"):
            self.doCommand(self.recv("inbox"))
        while self.dataReady("alphacontrol"):
            self.screen.set_alpha(self.recv("alphacontrol"))  # type: ignore[union-attr]
        while self.dataReady("control"):
            message = self.recv("control")
            if isinstance(message, (producerFinished, shutdownMicroprocess)):
                self.send(message, "signal")
                PyGameApp.quit(self)  # ends the viewer, not the whole system
        self.physics.run(self.simCyclesPerRedraw)
        if self.dleft or self.dtop:
            self.scroll((self.dleft, self.dtop))
        self.screen.fill((255, 255, 255))  # type: ignore[union-attr]
        self.render()
        return 1

    def render(self) -> None:
        """Draw the furniture and the particles, pass by pass (lowest pass number first)."""
        passes: list[tuple[int, int, Generator[int, None, None]]] = []
        order = 0  # ties keep the order things were added in
        for item in (*self.graphicalFurniture, *self.physics.particles):
            steps = item.render(self.screen)
            if steps is not None:
                passes.append((0, order, steps))
                order += 1
        heapq.heapify(passes)
        while passes:
            _, number, steps = heapq.heappop(passes)
            next_pass = next(steps, None)
            if next_pass is not None:
                heapq.heappush(passes, (next_pass, number, steps))

    # -- keys -------------------------------------------------------------------------------

    def keyDownHandler(self, event: Any) -> None:
        if event.key in (pygame.K_ESCAPE, pygame.K_q):
            self.quit()
        elif event.key == pygame.K_f:
            pygame.display.toggle_fullscreen()
        elif event.key in _SCROLL_KEYS:
            self.dleft, self.dtop = _SCROLL_KEYS[event.key]

    def keyUpHandler(self, event: Any) -> None:
        if event.key in _SCROLL_KEYS:
            self.dleft = self.dtop = 0

    # -- commands ---------------------------------------------------------------------------

    def doCommand(self, msg: Sequence[str]) -> None:
        """Carry out one command (a token list); errors go out as ``("ERROR", text)``."""
        try:
            words = tuple(word.upper() for word in msg[:2])
            handler, arity = self._commands().get(words, (None, 0))
            if handler is None or len(msg) != arity:
                raise ValueError(
                    "not a command; the commands are ADD NODE id name pos type, DEL NODE id, "
                    "ADD LINK id1 id2, DEL LINK id1 id2, DEL ALL, FREEZE ALL, UNFREEZE ALL, "
                    "GET ALL, UPDATE_NAME NODE id name, GET_NAME NODE id"
                )
            handler(*msg[2:])
        except Exception as error:
            self.send(("ERROR", f"Error processing message : {msg!r} reason: {error}"), "outbox")

    def _commands(self) -> dict[tuple[str, ...], tuple[Callable[..., None], int]]:
        return {
            ("ADD", "NODE"): (self._add_node, 6),
            ("DEL", "NODE"): (self.removeParticle, 3),
            ("ADD", "LINK"): (self.makeBond, 4),
            ("DEL", "LINK"): (self.breakBond, 4),
            ("DEL", "ALL"): (lambda: self.removeParticle(*self.physics.particleDict), 2),
            ("FREEZE", "ALL"): (self.freezeAll, 2),
            ("UNFREEZE", "ALL"): (self.unFreezeAll, 2),
            ("GET", "ALL"): (self._send_topology, 2),
            ("UPDATE_NAME", "NODE"): (self.updateParticleLabel, 4),
            ("GET_NAME", "NODE"): (self._send_name, 3),
        }

    def _add_node(self, node_id: str, name: str, where: str, kind: str) -> None:
        if kind not in self.particleTypes:
            raise ValueError(
                f"unknown node type {kind!r}; the types are {list(self.particleTypes)}"
            )
        particle = self.particleTypes[kind](position=self._generateXY(where), ID=node_id, name=name)
        particle.originaltype = kind
        self.addParticle(particle)

    def _send_topology(self) -> None:
        self.send(("TOPOLOGY", [("DEL", "ALL"), *self.getTopology()]), "outbox")

    def _send_name(self, node_id: str) -> None:
        self.send(("UPDATE_NAME", "NODE", node_id, self.getParticleLabel(node_id)), "outbox")

    def _generateXY(self, posSpec: str) -> tuple[int, int]:
        if posSpec.lower() in ("randompos", "auto"):
            width, height = self.screensize
            x = random.randrange(self.border, max(self.border + 1, width - self.border))
            y = random.randrange(self.border, max(self.border + 1, height - self.border))
            return self.left + x, self.top + y
        match = _XY.match(posSpec)
        if match is None:
            raise ValueError(f"position {posSpec!r} is not randompos, auto or x,y")
        return int(match.group(1)), int(match.group(2))

    # -- the graph --------------------------------------------------------------------------

    def addParticle(self, *particles: Any) -> None:
        for particle in particles:
            self.biggestRadius = max(self.biggestRadius, particle.radius)
            particle.setOffset((self.left, self.top))
        self.physics.add(*particles)

    def removeParticle(self, *ids: Any) -> None:
        for node_id in ids:
            particle = self.physics.particleDict[node_id]
            particle.breakAllBonds()
            if self.selected is particle:
                self.selectParticle(None)
        self.physics.removeByID(*ids)

    def makeBond(self, source: Any, dest: Any) -> None:
        self.physics.particleDict[source].makeBond(self.physics.particleDict, dest)

    def breakBond(self, source: Any, dest: Any) -> None:
        self.physics.particleDict[source].breakBond(self.physics.particleDict, dest)

    def updateParticleLabel(self, node_id: Any, new_name: str) -> None:
        self.physics.particleDict[node_id].set_label(new_name)

    def getParticleLabel(self, node_id: Any) -> str:
        return str(self.physics.particleDict[node_id].name)

    def freezeAll(self) -> None:
        for particle in self.physics.particles:
            particle.freeze()

    def unFreezeAll(self) -> None:
        for particle in self.physics.particles:
            particle.unFreeze()

    def getTopology(self) -> list[tuple[Any, ...]]:
        """The graph as ADD NODE and ADD LINK commands."""
        particles = self.physics.particles
        nodes = [
            ("ADD", "NODE", p.ID, p.name, "random", getattr(p, "originaltype", "-"))
            for p in particles
        ]
        return nodes + [("ADD", "LINK", p.ID, q.ID) for p in particles for q in p.getBondedTo()]

    def quit(self, event: Any = None) -> None:
        """Close the viewer and, as in 1.x, stop the scheduler running it."""
        super().quit(event)
        self.scheduler.stop()

    def scroll(self, delta: tuple[int, int]) -> None:
        self.left += delta[0]
        self.top += delta[1]
        for item in (*self.graphicalFurniture, *self.physics.particles):
            item.setOffset((self.left, self.top))

    def selectParticle(self, particle: Any) -> None:
        """Select ``particle`` (None: nothing) and announce it on "outbox"."""
        if self.selected is particle:
            return
        if self.selected is not None:
            self.selected.deselect()
        self.selected = particle
        if particle is not None:
            particle.select()
        self.send(("SELECT", "NODE", None if particle is None else particle.ID), "outbox")
