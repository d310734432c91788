"""Situational Crisis Communication Theory (SCCT) coding of the brand's responses.

Coombs (2007) groups reputation-repair responses into postures: **deny** (attack the
accuser, denial, scapegoat), **diminish** (excuse, justification), **rebuild**
(compensation, apology) and the supplemental **bolster** (reminder, ingratiation,
victimage). Instructing and adjusting information (what happened, what to do, we are
looking into it) is the *base* response every crisis needs; it is not one of the postures,
so a holding statement gets no strategy (null) rather than a guessed one.

Source: W. T. Coombs (2007), "Protecting Organization Reputations During a Crisis: The
Development and Application of Situational Crisis Communication Theory", *Corporate
Reputation Review* 10(3), 163-176, Table 2 ("Crisis response strategies").

Types whose posture depends on what was said (a CEO video, a press conference, a generic
statement) are coded from their description with the same cue words the analyst would look
for; when nothing matches they stay null so the analyst sets them by hand in the events file.
"""

from __future__ import annotations

import re

import polars as pl

STRATEGIES = ("deny", "diminish", "rebuild", "bolster")

# type -> (posture or None, Coombs 2007 response name, why)
SCCT_BY_TYPE: dict[str, tuple[str | None, str, str]] = {
    "holding statement": (
        None,
        "instructing / adjusting information (base response)",
        "says what is known and that the brand is acting; not a reputation posture",
    ),
    "apology": ("rebuild", "apology", "takes full responsibility and asks forgiveness"),
    "compensation": ("rebuild", "compensation", "offers money, refunds or gifts to victims"),
    "fix": (
        "rebuild",
        "corrective action (with apology/compensation)",
        "repairs the cause; Coombs treats it with the rebuild responses",
    ),
    "recall": ("rebuild", "corrective action", "removes the harmful product"),
    "clarification": (
        "deny",
        "denial",
        "states the circulating claim is false (a clarification of a false claim)",
    ),
    "denial": ("deny", "denial", "asserts there is no crisis or no responsibility"),
    "attack the accuser": ("deny", "attack the accuser", "confronts the source of the claim"),
    "scapegoat": ("deny", "scapegoat", "blames a party outside the organisation"),
    "excuse": ("diminish", "excuse", "minimises responsibility (no intent, no control)"),
    "justification": ("diminish", "justification", "minimises the perceived damage"),
    "influencer post": (
        "bolster",
        "reminder / ingratiation",
        "third parties recall past good works or praise stakeholders",
    ),
    "reminder": ("bolster", "reminder", "tells stakeholders about past good works"),
    "ingratiation": ("bolster", "ingratiation", "praises stakeholders"),
    "victimage": ("bolster", "victimage", "reminds that the organisation is a victim too"),
    "ceo video": (None, "depends on content", "coded from the description"),
    "press conference": (None, "depends on content", "coded from the description"),
    "statement": (None, "depends on content", "coded from the description"),
    "post": (None, "depends on content", "coded from the description"),
}

# Cue words for content-dependent types (Indonesian and English), checked in this order:
# an apology that also denies one detail is still mainly a rebuild response.
_CUES: tuple[tuple[str, str], ...] = (
    ("rebuild", r"maaf|apolog|sorry|kompensasi|compensat|refund|ganti rugi|recall|tarik"),
    ("deny", r"hoaks|hoax|tidak benar|not true|false|fitnah|keliru|misinformation"),
    ("diminish", r"di luar kendali|beyond our control|bukan kesengajaan|not intentional"),
    ("bolster", r"terima kasih|thank|dukungan|support|komitmen|commitment"),
)


def strategy_for(response_type: str | None, description: str | None = None) -> str | None:
    """The SCCT posture of one response, from its type or (when that depends) its description.

    Returns one of ``STRATEGIES`` or ``None`` (base response, or nothing to go on).
    """
    kind = (response_type or "").strip().lower()
    if kind == "routine":
        return None  # an off-topic post answers nothing
    if kind in SCCT_BY_TYPE and SCCT_BY_TYPE[kind][0] is not None:
        return SCCT_BY_TYPE[kind][0]
    if kind == "holding statement":
        return None
    text = (description or "").lower()
    for posture, pattern in _CUES:
        if re.search(pattern, text):
            return posture
    return None


def code_strategies(events: pl.DataFrame) -> pl.DataFrame:
    """Fill a null ``strategy`` from the response type (a hand-set strategy always wins)."""
    if events.is_empty():
        return events
    coded = [
        given if given else strategy_for(kind, text)
        for given, kind, text in zip(
            events.get_column("strategy").to_list(),
            events.get_column("type").to_list(),
            events.get_column("description").to_list(),
            strict=True,
        )
    ]
    return events.with_columns(pl.Series("strategy", coded, dtype=pl.Utf8))


def scct_table() -> pl.DataFrame:
    """The type -> posture table, for the report's method appendix."""
    return pl.DataFrame(
        {
            "type": list(SCCT_BY_TYPE),
            "strategy": [v[0] for v in SCCT_BY_TYPE.values()],
            "coombs_response": [v[1] for v in SCCT_BY_TYPE.values()],
            "why": [v[2] for v in SCCT_BY_TYPE.values()],
        },
        schema={"type": pl.Utf8, "strategy": pl.Utf8, "coombs_response": pl.Utf8, "why": pl.Utf8},
    )
