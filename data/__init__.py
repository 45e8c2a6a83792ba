"""Reference data and sample articles shipped with chipgraph (see README.md in this folder)."""
