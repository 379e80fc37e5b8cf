"""The lifecycle drawn: Mermaid and Graphviz diagrams, generated from the machine.

The machine (:class:`PartnershipMachine`, python-statemachine) is generated from
:data:`kemitraan.lifecycle.TRANSITIONS`, and so are its diagrams; this module loads it.

>>> print(mermaid_diagram().splitlines()[0])
stateDiagram-v2
"""

from kemitraan._machine import PartnershipMachine, graphviz_diagram, mermaid_diagram

__all__ = ["PartnershipMachine", "graphviz_diagram", "mermaid_diagram"]
