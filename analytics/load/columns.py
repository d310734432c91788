"""The column-name registry for inference: which header names may feed which canonical field.

One table (:data:`CANDIDATES`); docs/loading.md's list is generated from it
(``python -m analytics.load.columns``). Names are compared normalised (:func:`norm`:
lower case, every run of other characters as one ``_``), so ``Created At``,
``created-at`` and ``public_metrics.like_count`` match ``created_at`` and
``public_metrics_like_count``. For each field the names are tried in order and a column
is used only when its values pass the field's :class:`Check` (a ``date`` column that holds
text is not a time). English, Indonesian and the usual tool spellings are listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum


class Check(Enum):
    """What the sampled values of a column must look like for the field to take it."""

    TIME = "times in one layout"
    TEXT = "free text"
    URL = "links"
    COUNT = "counts (whole numbers >= 0, 1.2K and 3,4 rb too)"
    ID = "ids (no spaces, nearly all different)"
    REF = "ids of other posts (no spaces)"
    HANDLE = "account names (no spaces)"
    NAME = "names"
    LANGUAGE = "language codes (id, en-US) or names"
    PLATFORM = "platform names or domains"
    LABEL = "labels"


@dataclass(frozen=True)
class FieldNames:
    """The header names that may feed one canonical field, most specific first."""

    field: str
    check: Check
    names: tuple[str, ...]
    # tried after every exact name: columns whose name contains one of these words
    contains: tuple[str, ...] = ()


def _names(text: str) -> tuple[str, ...]:
    return tuple(n.strip() for n in text.split(",") if n.strip())


# the order of the fields matters: a column goes to the first field that takes it
CANDIDATES: tuple[FieldNames, ...] = (
    FieldNames(
        "published_at",
        Check.TIME,
        _names(
            "created_at, published_at, tweet_created_at, date_created, date_published, "
            "publish_time, published, posted_at, post_date, created_time, creation_time, "
            "create_time, datetime, date_time, timestamp, time_parsed, unix_timestamp, date, "
            "tanggal, tanggal_posting, tanggal_publikasi, waktu, tgl, time, at, created, "
            "upload_date, tweet_created"
        ),
        _names("created, published, date, time, tanggal, waktu, tgl"),
    ),
    FieldNames(
        "text",
        Check.TEXT,
        _names(
            "full_text, text, tweet_text, post_text, content, body, message, tweet, isi, "
            "isi_tweet, isi_komentar, konten, teks, komentar, comment, comment_text, review, "
            "ulasan, caption, post, hit_sentence, snippet, pesan, description, status"
        ),
        _names("text, content, comment, message, komentar, tweet, isi, teks, konten, caption"),
    ),
    FieldNames(
        "url",
        Check.URL,
        _names(
            "url, tweet_url, post_url, post_link, permalink, link, tautan, source_url, "
            "status_url, video_url, video_web_url, links"
        ),
    ),
    FieldNames(
        "mention_id",
        Check.ID,
        _names(
            "id_str, tweet_id, post_id, status_id, comment_id, review_id, "
            "message_id, document_id, mention_id, cid, id"
        ),
    ),
    FieldNames(
        "author",
        Check.HANDLE,
        _names(
            "username, user_username, screen_name, user_screen_name, author_username, "
            "author_handle, owner_username, unique_id, handle, akun, nama_akun, "
            "nama_pengguna, author, user, from_user_name, account"
        ),
        _names("username, handle, akun, author"),
    ),
    FieldNames(
        "author_name",
        Check.NAME,
        _names("user_name, author_name, display_name, name, nama, author_fullname"),
    ),
    FieldNames(
        "author_followers",
        Check.COUNT,
        _names(
            "followers, followers_count, user_followers_count, author_followers, "
            "author_public_metrics_followers_count, pengikut, jumlah_pengikut"
        ),
    ),
    FieldNames(
        "likes",
        Check.COUNT,
        _names(
            "likes, like_count, likes_count, favorite_count, favourite_count, favorites, "
            "public_metrics_like_count, thumbs_up_count, suka, jumlah_suka, reactions, votes, "
            "digg_count, like"
        ),
        _names("likes, like, suka, favorites, reactions"),
    ),
    FieldNames(
        "comments",
        Check.COUNT,
        _names(
            "comments, reply_count, replies, replies_count, reply_comment_total, "
            "comment_count, comments_count, public_metrics_reply_count, num_comments, "
            "jumlah_komentar, balasan, komentar, comment"
        ),
        _names("comments, comment, komentar, replies, balasan"),
    ),
    FieldNames(
        "shares",
        Check.COUNT,
        _names(
            "shares, retweet_count, retweets, share_count, shares_count, repost_count, "
            "reposts, public_metrics_retweet_count, dibagikan, bagikan, jumlah_retweet, share"
        ),
        _names("shares, share, retweets, retweet, reposts, bagikan, dibagikan"),
    ),
    FieldNames(
        "impressions",
        Check.COUNT,
        _names(
            "impressions, impression_count, public_metrics_impression_count, views, "
            "view_count, play_count, plays, tayangan, dilihat"
        ),
    ),
    FieldNames("reach", Check.COUNT, _names("reach, jangkauan, potential_reach")),
    FieldNames(
        "engagement", Check.COUNT, _names("engagement, engagements, total_engagement, interaksi")
    ),
    FieldNames("language", Check.LANGUAGE, _names("lang, language, bahasa, language_code")),
    FieldNames("country", Check.LABEL, _names("country, negara, country_code")),
    FieldNames(
        "platform",
        Check.PLATFORM,
        _names("platform, network, channel, source_type, media, sumber, source"),
    ),
    FieldNames(
        "source_sentiment",
        Check.LABEL,
        _names("sentiment, sentimen, sentiment_label, polarity, final_sentiment, label"),
    ),
    FieldNames("title", Check.NAME, _names("title, judul, headline, subject")),
    FieldNames(
        "parent_id",
        Check.REF,
        _names(
            "in_reply_to_status_id_str, in_reply_to_status_id, in_reply_to_tweet_id, "
            "referenced_tweets_replied_to_id, parent_id, reply_to_id, reply_to_original_id, "
            "replies_to_id"
        ),
    ),
    FieldNames(
        "reply_to_account",
        Check.HANDLE,
        _names(
            "in_reply_to_screen_name, in_reply_to_username, in_reply_to_user_username, "
            "reply_to_account, replying_to, membalas"
        ),
    ),
    FieldNames("quoted_id", Check.REF, _names("quoted_status_id_str, quoted_status_id, quoted_id")),
    FieldNames(
        "reposted_id",
        Check.REF,
        _names("retweeted_status_id_str, retweeted_status_id, referenced_tweets_retweeted_id"),
    ),
    FieldNames("content_type", Check.LABEL, _names("content_type, post_type, type, jenis")),
)

# header names that only X's data has: when the file has no platform column (or url that
# names one), they set the platform to x, and the printed mapping says which name did
PLATFORM_HINTS: tuple[tuple[str, str], ...] = (
    ("retweet_count", "x"),
    ("retweets", "x"),
    ("favorite_count", "x"),
    ("quote_count", "x"),
    ("tweet_url", "x"),
    ("tweet_id", "x"),
    ("id_str", "x"),
    ("user_screen_name", "x"),
    ("screen_name", "x"),
    ("thumbs_up_count", "google_play"),
)


def norm(name: str) -> str:
    """A header name for comparison: camelCase split (``createTimeISO`` ->
    ``create_time_iso``), lower case, every run of other characters as one ``_``."""
    split = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name.strip())
    return re.sub(r"[^0-9a-z]+", "_", split.lower()).strip("_")


def table_markdown() -> str:
    """The registry as the Markdown table docs/loading.md shows."""
    lines = ["| field | header names tried, in order | values must be |", "|---|---|---|"]
    for entry in CANDIDATES:
        names = ", ".join(f"`{n}`" for n in entry.names)
        if entry.contains:
            names += "; then any name containing " + ", ".join(f"`{n}`" for n in entry.contains)
        lines.append(f"| `{entry.field}` | {names} | {entry.check.value} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table_markdown())
