"""Notes on a crisis window: a code and the values the sentence needs.

Code that reacts to a note tests its ``code`` (an enum), never the wording; the wording is
in ``analytics.report.messages.NOTE_TEXT``, looked up where the note is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class NoteCode(StrEnum):
    """What a note on a crisis window says (the sentence: ``report.messages.NOTE_TEXT``)."""

    NO_CRISIS = "no_crisis"
    OPEN_END = "open_end"
    NO_SENTIMENT_GAP = "no_sentiment_gap"
    MANUAL_SHORT_HISTORY = "manual_short_history"
    WINDOW_PAST_DATA = "window_past_data"
    PLATFORM_NO_CRISIS = "platform_no_crisis"
    TOO_SHORT = "too_short"
    ONSET_AT_DATA_START = "onset_at_data_start"
    SHORT_BASELINE = "short_baseline"


@dataclass(frozen=True)
class Note:
    """One note: its code and the values its sentence quotes."""

    code: NoteCode
    values: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the code and the values."""
        return {"code": str(self.code), **self.values}
