"""Notes on a crisis window: a code and the values the sentence needs.

Code that reacts to a note tests its ``code`` (an enum), never the wording; the wording is
looked up from the code where the note is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class NoteCode(StrEnum):
    """What a note on a crisis window says (see ``NOTE_TEXT`` for the sentence)."""

    NO_CRISIS = "no_crisis"
    OPEN_END = "open_end"
    NO_SENTIMENT_GAP = "no_sentiment_gap"
    MANUAL_SHORT_HISTORY = "manual_short_history"
    WINDOW_PAST_DATA = "window_past_data"
    PLATFORM_NO_CRISIS = "platform_no_crisis"
    TOO_SHORT = "too_short"


@dataclass(frozen=True)
class Note:
    """One note: its code and the values its sentence quotes."""

    code: NoteCode
    values: dict[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return NOTE_TEXT[self.code].format(**self.values)

    def __str__(self) -> str:
        return self.text


NOTE_TEXT: dict[NoteCode, str] = {
    NoteCode.NO_CRISIS: (
        "No crisis detected: no sustained rise above the normal range for this time."
    ),
    NoteCode.OPEN_END: (
        "The conversation had not settled back into its normal range by the end of the "
        "data ({data_end}), so the crisis end and recovery time are unknown."
    ),
    NoteCode.NO_SENTIMENT_GAP: (
        "The sentiment gap could not be measured: no positive or negative mentions in the "
        "{gap_days:g} days before the onset or after the end."
    ),
    NoteCode.MANUAL_SHORT_HISTORY: (
        "Too little history for alert levels; the window itself is still measured."
    ),
    NoteCode.WINDOW_PAST_DATA: (
        "The window ends after the data does ({data_end}); "
        "the post-crisis phase and the sentiment gap cannot be measured."
    ),
    NoteCode.PLATFORM_NO_CRISIS: "no crisis detected on this platform",
    NoteCode.TOO_SHORT: "{reason}",
}
