"""Which language a mention is in: ``id``, ``en`` or ``other``, and whether it is code-mixed.

Short, slangy, code-mixed posts ("pelayanan gak good sih") are where statistical language
identifiers fail: a few bytes of character n-grams say little. So the decision combines
two kinds of evidence:

* function words and everyday slang, counted per language (``ID_WORDS``, ``EN_WORDS``):
  reliable even on five-word posts, and the only way to see that a post mixes both;
* py3langid (langid.py's Naive Bayes model, shipped inside the wheel; nothing downloaded)
  for longer text and for languages other than Indonesian and English.

Malay, Javanese and Sundanese count as ``id``: for Indonesian brands they are the same
audience and the Indonesian lexicon covers much of their vocabulary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from analytics.sentiment.social_text import CAMEL_PARTS_RE

ID_WORDS = frozenset(
    str.split("""
    yang dan di ke dari ini itu saya aku gue gw gua kamu lo lu anda kami kita mereka dia ia
    tidak tak gak ga nggak ngga enggak engga gk tdk bukan belum jangan sudah udah udh sdh
    sangat banget bgt sekali amat paling terlalu agak cukup lebih kurang
    tapi tetapi namun padahal karena krn soalnya jadi jd kalau kalo klo kl atau dengan dgn
    untuk utk buat sama pada oleh dalam akan bisa bs dapat harus mau ingin lagi lg juga jg
    aja saja sih dong deh kok kan nih tuh yah lah nya adalah sedang masih
    apa kenapa mengapa gimana bagaimana siapa kapan dimana mana berapa semua setiap para
    mas mbak kak pak bu bapak ibu admin tolong mohon terima kasih makasih trims
    mantap mantul keren bagus jelek parah kecewa puas enak mahal murah lama cepat lambat
    """)
)
EN_WORDS = frozenset(
    str.split("""
    the a an is are was were be been being am do does did done have has had having
    i you he she it we they me him her us them my your his its our their mine yours
    this that these those there here what which who whom whose when where why how
    and or but if because so than then too very not no never nothing none
    of in on at to for with from by about into over after before under again
    can could will would shall should may might must just only also still even really
    all any some every each more most less least much many such own same other
    get got go going went gone make made take took come came say said know think want need
    please thanks thank sorry love hate good bad great worst best terrible awesome amazing
    """)
)
# words written the same in both languages carry no evidence either way
_SHARED = {"a", "i", "di", "me", "am", "ok", "sorry", "so", "can", "ada", "mana", "lama"}
ID_WORDS = ID_WORDS - _SHARED
EN_WORDS = EN_WORDS - _SHARED
# Indonesian words that happen to be in VADER's English lexicon with another meaning
# ("sore" = afternoon, "alas" = base, "sok" = pretentious): never English evidence, and the
# code-mixed scorer ignores their English valence
FALSE_FRIENDS = frozenset(
    str.split("sore alas sok nah doa hak anti bank dam rasa bête bete kasih suka guna jam bajak")
)
_INDONESIAN_FAMILY = frozenset({"id", "ms", "jv", "su"})
_WORD_RE = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
_HASHTAG_RE = re.compile(r"#(\w+)")
_NOISE_RE = re.compile(r"(?:https?://|www\.)\S+|(?<![\w@])@\w+")
_LANGUAGE_NAMES = {
    "id": "id", "in": "id", "ind": "id", "indonesian": "id", "bahasa indonesia": "id",
    "indonesia": "id", "ms": "id", "msa": "id", "malay": "id", "jv": "id", "su": "id",
    "en": "en", "eng": "en", "english": "en",
}  # fmt: skip


@dataclass(frozen=True)
class LanguageGuess:
    """``language`` is id/en/other; ``mixed`` means both Indonesian and English words occur."""

    language: str
    mixed: bool
    indonesian_words: int
    english_words: int
    reason: str


def normalize_language(value: str | None) -> str | None:
    """Map an export's language field ("Indonesian", "in", "en-US", "EN") to id/en/other."""
    if value is None:
        return None
    key = value.strip().lower().replace("_", "-")
    if not key or key in {"unknown", "und", "n/a", "na", "-", "none", "null"}:
        return None
    if key in _LANGUAGE_NAMES:
        return _LANGUAGE_NAMES[key]
    base = key.split("-")[0]
    return _LANGUAGE_NAMES.get(base, "other")


@cache
def _english_sentiment_vocabulary() -> frozenset[str]:
    """Words of VADER's lexicon that count as English evidence: longer than two letters,
    not Indonesian function words, not false friends."""
    from analytics.sentiment.vader_core import vader_lexicons

    return frozenset(
        word
        for word in vader_lexicons()[0]
        if len(word) > 2 and word not in ID_WORDS and word not in FALSE_FRIENDS
    )


def _english_sentiment_words(words: list[str]) -> int:
    return sum(map(_english_sentiment_vocabulary().__contains__, words))


@cache
def _identifier():  # noqa: ANN202 - py3langid has no type hints
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def statistical_language(text: str) -> tuple[str, float]:
    """py3langid's best guess (ISO 639-1) and its probability."""
    language, probability = _identifier().classify(text)
    return language, probability


def _evidence(text: str) -> tuple[list[str], int, int, bool] | None:
    """The words of ``text``, its Indonesian and English function words, and whether it is
    code-mixed; None when it has no words."""
    # hashtags count as their words: "#boikotKopiSenang" -> "boikot Kopi Senang"
    cleaned = text
    if "#" in cleaned:
        cleaned = _HASHTAG_RE.sub(lambda m: " ".join(CAMEL_PARTS_RE.findall(m.group(1))), text)
    # (a link or handle holds "://", "www." or "@": most posts hold none)
    if "@" in cleaned or "://" in cleaned or "www." in cleaned:
        cleaned = _NOISE_RE.sub(" ", cleaned)
    if cleaned.isascii():  # lower-casing ASCII changes no word boundary: lower once
        words = _WORD_RE.findall(cleaned.lower())
    else:
        words = [word.lower() for word in _WORD_RE.findall(cleaned)]
    if not words:
        return None
    n_id = sum(map(ID_WORDS.__contains__, words))
    n_en = sum(map(EN_WORDS.__contains__, words))
    # code-mixed: each language has at least one word and at least a fifth of the evidence;
    # English sentiment words count here too ("so disappointed sama pelayanannya")
    n_en_mixed = n_en + _english_sentiment_words(words) if n_id else 0
    mixed = n_id > 0 and n_en_mixed > 0 and min(n_id, n_en_mixed) >= 0.2 * (n_id + n_en_mixed)
    return words, n_id, n_en, mixed


def is_code_mixed(text: str | None) -> bool:
    """``detect_language(text).mixed``, without the statistical model: what scoring needs
    when the export already gives the language."""
    evidence = _evidence(text) if text else None
    return evidence is not None and evidence[3]


def detect_language(text: str | None) -> LanguageGuess:
    """Guess the language of one mention; robust on short and code-mixed posts."""
    if not text:
        return LanguageGuess("other", False, 0, 0, "no text")
    evidence = _evidence(text)
    if evidence is None:
        return LanguageGuess("other", False, 0, 0, "no words (emoji or symbols only)")
    words, n_id, n_en, mixed = evidence
    hits = n_id + n_en
    if hits >= 2 and max(n_id, n_en) >= 2 * min(n_id, n_en):
        language = "id" if n_id > n_en else "en"
        return LanguageGuess(language, mixed, n_id, n_en, "function words")
    guess, probability = statistical_language(" ".join(words))
    if guess in _INDONESIAN_FAMILY or guess == "en":
        language = "id" if guess in _INDONESIAN_FAMILY else "en"
        if mixed and n_id != n_en:
            language = "id" if n_id > n_en else "en"
        return LanguageGuess(language, mixed, n_id, n_en, f"py3langid {guess} {probability:.2f}")
    if hits:
        # a short post with one Indonesian or English word and an unsure n-gram model
        language = "id" if n_id >= n_en else "en"
        return LanguageGuess(language, mixed, n_id, n_en, "function words (weak)")
    return LanguageGuess("other", False, 0, 0, f"py3langid {guess} {probability:.2f}")
