"""The shipped example messages (copied from the iWmo 3.2 sources) and small edits of them."""

from __future__ import annotations

from pathlib import Path

EXAMPLES = Path(__file__).parent / "examples"


def example(message_type: str) -> bytes:
    return (EXAMPLES / f"{message_type}.xml").read_bytes()


def edited(message_type: str, old: str, new: str) -> bytes:
    """The example with one exact text replaced (the text must occur)."""
    text = example(message_type).decode()
    assert old in text, old
    return text.replace(old, new, 1).encode()
