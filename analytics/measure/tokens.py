"""Terms of short social-media texts: the tokenizer and stopwords shared by every term measure.

Terms are words, hashtags and emoji; links and @handles are dropped; stopwords (English,
Indonesian formal and informal, common Spanish function words) and the caller's ``exclude``
(e.g. the brand's own name) are left out. ``term_uses`` gives one row per text and distinct
term, so a text repeating a word counts once.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, distribution

import polars as pl

# Informal function words common on Indonesian social media (abbreviations and particles)
# that the formal stopword list does not have.
_SLANG_TEXT = """yg yang gak ga gk nggak ngga enggak engga tdk aja ajah sih dong deh kok nih tuh tu
    udah udh sdh dah dgn dg utk krn karna jg juga lg lagi trs terus emang emg gue gw gua lo
    lu loe elo aku ak km kamu kita kami mereka ya yah yaa kan lah pun dll dst nya si sama
    ama sm tp tapi tpi kalo klo kl bgt banget aj bkn bukan blm belum mau mo pd pada dr
    dari ke di ini itu tsb skrg sekarang gmn gimana knp kenapa org orang wkwk wkwkwk haha
    hehe amp rt via"""
# Spanish function words: international brands and their audiences post in Spanish too
_SPANISH_TEXT = """el la los las un una unos unas de del al a en y o u que se su sus es son
    por para con sin sobre entre como más mas pero no ni ya lo le les me te nos mi tu este
    esta estos estas ese esa eso esto hoy ha han hay fue ser muy también tras todo todos"""
SLANG_STOPWORDS = frozenset(_SLANG_TEXT.split()) | frozenset(_SPANISH_TEXT.split())

TERM_PATTERN = r"#[\p{L}\p{N}_]+|\p{Extended_Pictographic}|[\p{L}\p{N}_]+"


@functools.cache
def stopwords() -> frozenset[str]:
    """English + Indonesian + informal Indonesian stopwords, lower-case."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    words = set(ENGLISH_STOP_WORDS) | SLANG_STOPWORDS
    try:
        # read the data file without importing asro_nlp (its import pulls in heavy modules)
        path = distribution("asronlp").locate_file("asro_nlp/data/stopwords.txt")
        words |= set(open(path, encoding="utf-8").read().split())  # noqa: SIM115
    except (PackageNotFoundError, FileNotFoundError):  # pragma: no cover - dependency missing
        pass
    return frozenset(w.lower() for w in words)


def term_uses(texts: pl.Series, *, exclude: Iterable[str] = ()) -> pl.DataFrame:
    """One row per (text index, distinct term) with the term's kind (word/hashtag/emoji)."""
    skip = stopwords() | {w.lower().lstrip("#@") for w in exclude}
    frame = pl.DataFrame({"text": texts.cast(pl.Utf8)}).with_row_index("doc")
    cleaned = (
        pl.col("text")
        .fill_null("")
        .str.to_lowercase()
        .str.replace_all(r"https?://\S+|www\.\S+", " ")
        .str.replace_all(r"@[\p{L}\p{N}_.]+", " ")
    )
    uses = (
        frame.select("doc", cleaned.str.extract_all(TERM_PATTERN).alias("term"))
        .explode("term")
        .drop_nulls("term")
        .unique(["doc", "term"])
        .with_columns(
            pl.when(pl.col("term").str.starts_with("#"))
            .then(pl.lit("hashtag"))
            .when(pl.col("term").str.contains(r"^\p{Extended_Pictographic}$"))
            .then(pl.lit("emoji"))
            .otherwise(pl.lit("word"))
            .alias("kind")
        )
    )
    keep = (pl.col("kind") != "word") | (
        (pl.col("term").str.len_chars() >= 2)
        & ~pl.col("term").str.contains(r"^[\p{N}_]+$")
        & ~pl.col("term").is_in(list(skip))
    )
    return uses.filter(keep & ~pl.col("term").str.strip_prefix("#").is_in(list(skip)))


def count_terms(texts: pl.Series, *, exclude: Iterable[str] = ()) -> pl.DataFrame:
    """term, kind, count (number of texts using the term), most used first."""
    # each distinct text is read once and counts as often as it occurs: a crisis repeats its
    # texts (retweets, copy-paste), and splitting every copy held about 1.7 GB for a
    # crisis week of 1M mentions
    distinct = pl.DataFrame({"text": texts.cast(pl.Utf8)}).group_by("text").agg(pl.len())
    uses = term_uses(distinct.get_column("text"), exclude=exclude)
    copies = distinct.get_column("len").gather(uses.get_column("doc"))
    return (
        uses.with_columns(copies.alias("copies"))
        .group_by("term", "kind")
        .agg(pl.col("copies").sum().alias("count"))
        .sort(["count", "term"], descending=[True, False])
    )
