"""AxonLaws: physics tuned for components and their boxes."""

from __future__ import annotations

from Kamaelia.Support.Particles import MultipleLaws, SimpleLaws

__all__ = ["AxonLaws"]

_COMPONENT_RADIUS = 32


class AxonLaws(MultipleLaws):
    """AxonLaws(postboxBondLength=100) -> components push each other well apart; boxes
    sit close to their component and are pulled towards the boxes they are linked to."""

    def __init__(self, postboxBondLength: float = 100) -> None:
        common = {"damp": 0.2, "dampcutoff": 0.4, "maxVelocity": 32}
        between_components = SimpleLaws(
            bondLength=postboxBondLength,
            maxRepelRadius=2.3 * postboxBondLength,
            repulsionStrength=10.0,
            maxBondForce=0.0,
            **common,
        )
        between_boxes = SimpleLaws(
            bondLength=postboxBondLength,
            maxRepelRadius=_COMPONENT_RADIUS,
            repulsionStrength=0.05,
            maxBondForce=5.0,
            **common,
        )
        box_to_component = SimpleLaws(
            bondLength=_COMPONENT_RADIUS * 1.5,
            maxRepelRadius=_COMPONENT_RADIUS,
            repulsionStrength=0.0,
            maxBondForce=10.0,
            **common,
        )
        super().__init__(
            {
                ("component", "component"): between_components,
                ("postbox", "postbox"): between_boxes,
                ("component", "postbox"): box_to_component,
            }
        )
