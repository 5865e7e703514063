"""Guidance: advice rules as data files, and the engine that applies them."""

from .engine import Advice, Deadline, Guidance, advise, load_guidance, shipped_guidance

__all__ = ["Advice", "Deadline", "Guidance", "advise", "load_guidance",
           "shipped_guidance"]
