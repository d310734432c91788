"""What a brand statement *does*: speech-act patterns of crisis responses, per language.

The kinds follow Coombs' (2007) crisis response strategies (see ``strategy.py``) plus the
base responses every crisis needs: a **holding statement** (we know, we are looking into it)
and a **clarification** (the facts, our statement). Each kind is recognised by the
*construction* that performs it, not by words about one product or one crisis:

* apology: an apology or regret verb/noun, or an expression of sorrow ("we apologise",
  "I am so sorry", "it hurts me deeply", "mohon maaf", "lo sentimos");
* denial: a false-claim word ("false", "hoaks", "tidak benar"), contesting a ruling
  ("we will appeal"), asserting safety ("is safe"), and, as a structural test in
  ``response_kinds``, a first-person-plural subject followed by a negation ("we have not",
  "kami tidak") or a negation right before a term of the crisis ("does not contain asbestos");
* justification (diminish): distancing and minimising ("the actions of a few", "isolated
  incident", "contrary to our values", "oknum", "in line with our policy");
* corrective action: a commitment or an action taken to fix the cause ("we will", "action
  plan", "independent commission", "pulled", "kami akan", "langkah perbaikan");
* compensation: money, refunds or gifts to those harmed;
* holding statement: the organisation knows and is acting ("we are aware", "looking into",
  "sedang kami selidiki");
* clarification: a statement of position or facts ("our statement", "to clarify",
  "klarifikasi").

The registry is one table: kind -> language -> patterns. Every pattern is tried on every post
(brands post in several languages, and language identification of a two-line statement is
unreliable). Add a language by adding its patterns to each kind; the docs' table
(docs/measure_responses.md) lists the languages from ``LANGUAGES``.
"""

from __future__ import annotations

import re
from enum import StrEnum


class ResponseKind(StrEnum):
    """What a brand post is, in a crisis (the values are the labels shown and stored)."""

    APOLOGY = "apology"
    DENIAL = "denial"
    JUSTIFICATION = "justification"
    CORRECTIVE = "corrective action"
    COMPENSATION = "compensation"
    CLARIFICATION = "clarification"
    HOLDING = "holding statement"
    ROUTINE = "routine"


# kind -> language -> regular expressions (lower-case text, word boundaries written out)
SPEECH_ACTS: dict[ResponseKind, dict[str, tuple[str, ...]]] = {
    ResponseKind.APOLOGY: {
        "en": (
            r"\bapologi[sz]e",
            r"\bapolog(y|ies)\b",
            r"\b(so|deeply|truly|very) sorry\b",
            r"\b(we|i)('re| am| are) sorry\b",
            r"\bwe regret\b",
            r"\bforgive(ness)?\b",
            r"\b(hurts|saddens|pains) (me|us)\b",
            r"\b(deeply|profoundly) (saddened|hurt|sorry)\b",
        ),
        "id": (
            r"\bmohon maaf\b",
            r"\bminta maaf\b",
            r"\bpermohonan maaf\b",
            r"\bmeminta maaf\b",
            r"\bmenyesal\b",
            r"\bmenyesalkan\b",
        ),
        "es": (
            r"\bdisculpa",
            r"\bperd[oó]n\b",
            r"\blo sentimos\b",
            r"\blamentamos\b",
            r"\bentristece\b",
        ),
    },
    ResponseKind.DENIAL: {
        "en": (
            r"\b(false|untrue|inaccurate|baseless|unfounded|fabricated|misleading)\b",
            r"\bnot true\b",
            r"\bone-sided\b",
            r"\bfake news\b",
            r"\bhoax",
            r"\b(will|to) appeal\b",
            r"\b(is|are|remains?) (completely |perfectly |100% )?safe\b",
            r"\bsafest\b",
        ),
        "id": (
            r"\btidak benar\b",
            r"\bhoaks\b",
            r"\bfitnah\b",
            r"\bkeliru\b",
            r"\bmengajukan banding\b",
            r"\baman (digunakan|dikonsumsi)\b",
        ),
        "es": (r"\bfals[oa]s?\b", r"\bbulos?\b", r"\bapelar\b"),
    },
    ResponseKind.JUSTIFICATION: {
        "en": (
            r"\bactions? of (a few|a small number|one|some)\b",
            r"\bisolated (incident|case|occurrence|event)\b",
            r"\b(do|does|did) not (represent|reflect)\b",
            r"\bcontrary to our values\b",
            r"\bnot who we are\b",
            r"\bin (line|accordance|compliance) with\b",
            r"\b(our|the) (policy|policies|procedures?|guidelines|dress code)\b",
            r"\bwe acted\b",
            r"\b(took|taking) (swift|immediate|prompt) action\b",
            r"\bwas (meant|intended) to\b",
        ),
        "id": (
            r"\boknum\b",
            r"\btidak mencerminkan\b",
            r"\bsesuai (dengan )?(prosedur|sop|aturan|ketentuan|kebijakan)\b",
            r"\bkasus (tunggal|terisolasi)\b",
            r"\bdi luar kendali\b",
            r"\bbukan kesengajaan\b",
        ),
        "es": (
            r"\bcontrari[oa] a nuestros valores\b",
            r"\bno representa",
            r"\bunos pocos\b",
            r"\bcasos? aislados?\b",
        ),
    },
    ResponseKind.CORRECTIVE: {
        "en": (
            r"\bwe will (?!appeal)",
            r"\bwe('re| are) (going to|introducing|strengthening|reviewing|setting up)\b",
            r"\bcommit(ted|s|ment)? to (fix|improv|chang|prevent|ensur|review|strengthen)",
            r"\baction plan\b",
            r"\b(independent|internal|external) (commission|review|inquiry|investigation)\b",
            r"\bnew (measures|safeguards|policy|policies|procedures)\b",
            r"\b(have|has) (removed|pulled|withdrawn|suspended|recalled|halted|appointed)\b",
            r"\b(removed|pulled|withdrawn|recalled|halted|suspended) (the|this|our|it)\b",
            r"\bsteps to\b",
            r"\bchange our culture\b",
        ),
        "id": (
            r"\bkami akan\b",
            r"\blangkah\b",
            r"\bperbaikan\b",
            r"\bmemperbaiki\b",
            r"\bevaluasi\b",
            r"\bmenarik (produk|iklan)\b",
            r"\bmenghentikan\b",
            r"\bmemperketat\b",
            r"\btindakan tegas\b",
        ),
        "es": (
            r"\bmedidas\b",
            r"\bplan de acci[oó]n\b",
            r"\breforza(mos|r)\b",
            r"\bcomisi[oó]n independiente\b",
            r"\berradicar\b",
        ),
    },
    ResponseKind.COMPENSATION: {
        "en": (
            r"\brefund",
            r"\breimburs",
            r"\bcompensat",
            r"\bvouchers?\b",
            r"\bfree of charge\b",
            r"\bmake (it|this|things) right\b",
        ),
        "id": (
            r"\bganti rugi\b",
            r"\bkompensasi\b",
            r"\bpengembalian dana\b",
            r"\bdikembalikan\b",
        ),
        "es": (r"\breembols", r"\bcompensaci[oó]n\b", r"\bindemniz"),
    },
    ResponseKind.HOLDING: {
        "en": (
            r"\blooking into\b",
            r"\binvestigating\b",
            r"\bwe('re| are) (aware|monitoring)\b",
            r"\b(will|to) (share|provide|post) (an |more )?updates?\b",
            r"\bmore (information|details) (soon|to follow)\b",
        ),
        "id": (
            r"\bsedang (kami )?(selidiki|investigasi|cek|tangani|telusuri)\b",
            r"\bmenyelidiki\b",
            r"\bkami memantau\b",
            r"\bsedang ditangani\b",
            r"\bakan kami informasikan\b",
        ),
        "es": (r"\bestamos investigando\b", r"\bm[aá]s informaci[oó]n\b"),
    },
    ResponseKind.CLARIFICATION: {
        "en": (
            r"\bto clarify\b",
            r"\blet (us|me) be clear\b",
            r"\bthe facts\b",
            r"\bour (full )?(response|statement|reaction|position)\b",
            r"\brecord straight\b",
        ),
        "id": (r"\bklarifikasi\b", r"\bpernyataan resmi\b", r"\bfaktanya\b", r"\bmeluruskan\b"),
        "es": (
            r"\baclara",
            r"\bnuestro posicionamiento\b",
            r"\breacci[oó]n de\b",
            r"\bcomunicado\b",
        ),
    },
}
LANGUAGES = ("en", "id", "es")

# admitting a wrong: not a kind of its own, but it ties a post to a crisis without naming it
# ("we are committed to fixing the things we got wrong")
ADMISSION: dict[str, tuple[str, ...]] = {
    "en": (
        r"\bgot (it |things |this )?wrong\b",
        r"\b(our|a|my) (mistake|failure|failings?)\b",
        r"\bwe (failed|fell short|missed the mark)\b",
        r"\bmissed the mark\b",
    ),
    "id": (r"\bkesalahan kami\b", r"\bkami lalai\b", r"\bkelalaian\b", r"\bkami keliru\b"),
    "es": (r"\bnos equivocamos\b", r"\bnuestro error\b", r"\bfallamos\b"),
}
_ADMISSION = tuple(re.compile(p) for patterns in ADMISSION.values() for p in patterns)

# first-person-plural subject, up to three words, then a negation: "we have not and would
# not", "we do not", "kami tidak", "no hemos"
PLURAL_NEGATION = re.compile(
    r"\b(we|we've|we're|we'd|kami|kita)\b\W+(\w+\W+){0,3}?"
    r"(not|never|no|\w+n't|tidak|tak|bukan|belum|pernah tidak)\b"
    r"|\bno (hemos|somos|hicimos|tenemos)\b"
)
# a negated verb ("does not contain", "found no"), not "not to" or "not only"
NEGATED_VERB = re.compile(
    r"\b(does|do|did|is|are|was|were|has|have|had|will|would|can|could)\s+not\b"
    r"|\b\w+n't\b|\bnever\b|\bfound no\b|\btidak\b|\bbukan\b|\bnunca\b|\bno (es|son|contiene)\b"
)
# apologies for the confusion a false claim caused are courtesy, not the crisis apology
_COURTESY = re.compile(
    r"(mohon |minta )?maaf atas (kebingungan|kesimpangsiuran)[^.!?]*"
    r"|(we're |we are )?sorry for (the|any) confusion[^.!?]*"
    r"|disculpas? por la confusi[oó]n[^.!?]*"
)

_COMPILED = {
    kind: tuple(re.compile(p) for patterns in by_language.values() for p in patterns)
    for kind, by_language in SPEECH_ACTS.items()
}


def admits_wrong(text: str) -> str | None:
    """The words by which ``text`` admits a wrong ("we got it wrong"), or None."""
    lowered = (text or "").lower().replace("’", "'")
    return next((m.group(0) for p in _ADMISSION if (m := p.search(lowered))), None)


def speech_acts(text: str) -> dict[ResponseKind, list[str]]:
    """The kinds whose patterns match ``text``, each with the matched words (its evidence)."""
    lowered = _COURTESY.sub(" ", (text or "").lower().replace("’", "'"))
    found: dict[ResponseKind, list[str]] = {}
    for kind, patterns in _COMPILED.items():
        hits = [m.group(0) for p in patterns if (m := p.search(lowered))]
        if hits:
            found[kind] = hits
    return found
