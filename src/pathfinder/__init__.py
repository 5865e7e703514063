"""Pathfinder: find the dispute-resolution path that fits a school disagreement."""

__version__ = "0.1.0"
