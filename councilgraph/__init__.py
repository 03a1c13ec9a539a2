"""councilgraph: UK council committee minutes in, a knowledge graph of who asked what out."""

__version__ = "0.1.0"
