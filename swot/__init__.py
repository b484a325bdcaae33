"""swot — SWOT workshops on gender equality and accessibility across a network of units."""

__version__ = "0.1.0"
