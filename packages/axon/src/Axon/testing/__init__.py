"""Testing tools for components: run one with inputs, step a scheduler by hand, check conformance.

Also a pytest plugin (installed with kamaelia-axon): the ``axon_scheduler``
fixture gives each test a fresh default scheduler and an empty CAT.
"""

from __future__ import annotations

from ._conformance import check_component_conformance
from ._run import StepScheduler, run_component, run_system

__all__ = ["StepScheduler", "check_component_conformance", "run_component", "run_system"]
