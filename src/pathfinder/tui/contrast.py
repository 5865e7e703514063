"""The high-contrast look: pure white and yellow on black, full-strength text,
and the "-large" class, which pathfinder.tcss uses for bolder text and
heavier frames.

A program cannot make a terminal's font bigger; on a kiosk the operator
sets a large font in the terminal itself (see docs/kiosk.md).
"""

from __future__ import annotations

from textual.theme import Theme

LARGE_CLASS = "-large"

HIGH_CONTRAST = Theme(
    name="pathfinder-high-contrast",
    primary="#ffff00",
    secondary="#00ffff",
    accent="#00ffff",
    warning="#ffff00",
    error="#ff8080",
    success="#00ff00",
    foreground="#ffffff",
    background="#000000",
    surface="#000000",
    panel="#000000",
    dark=True,
    text_alpha=1.0,
    variables={
        # Dimmed text is hard for many to read: every word at full strength,
        # "auto" picking black or white, whichever stands out from the ground.
        "text": "auto 100%",
        "text-muted": "auto 100%",
        "text-disabled": "auto 80%",
        "footer-foreground": "#ffffff",
        "footer-key-foreground": "#ffff00",
        "footer-description-foreground": "#ffffff",
        "block-cursor-foreground": "#000000",
        "block-cursor-background": "#ffff00",
        "border": "#ffffff",
    },
)
