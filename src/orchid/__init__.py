"""Orchid: an ORCID-compatible researcher-identifier registry."""

__version__ = "0.1.0"
