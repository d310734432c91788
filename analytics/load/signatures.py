"""Header signatures of every supported export layout (column names exactly as written).

A signature lists the columns that identify a layout, the ones it cannot do without
(``required``) and how many must be found (``minimum``). Names are separated by `` | ``
because some contain commas (``Reactions, Comments and Shares``).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Signature:
    format: str
    variant: str
    label: str
    columns: tuple[str, ...]
    required: tuple[str, ...] = ()  # all of these must be present
    minimum: int = 3
    case_sensitive: bool = False  # Talkwalker's dotted names are lower-case on purpose


def _sig(
    format: str,
    variant: str,
    label: str,
    columns: str,
    required: str,
    minimum: int,
    case_sensitive: bool = False,
) -> Signature:
    def names(text: str) -> tuple[str, ...]:
        return tuple(n.strip() for n in text.split(" | ") if n.strip())

    return Signature(
        format, variant, label, names(columns), names(required), minimum, case_sensitive
    )


SIGNATURES: tuple[Signature, ...] = (
    _sig(
        "brandwatch",
        "mentions",
        "Brandwatch",
        "Query Id | Query Name | Date | Title | Snippet | Full Text | Url | Mention Id | "
        "Resource Id | Page Type | Sentiment | Author | Domain",
        "Query Id",
        4,
    ),
    _sig(
        "talkwalker",
        "results",
        "Talkwalker",
        "url | published | title | content | lang | source_type | post_type | sentiment | "
        "reach | engagement | extra_author_attributes.name | "
        "extra_creator_attributes.name | extra_author_attributes.short_name | "
        "extra_creator_attributes.short_name",
        "published",
        4,
        case_sensitive=True,
    ),
    _sig(
        "brand24",
        "mentions",
        "Brand24",
        "ID | Date | Hrs | Title | Content | Source | Domain | Category | Sentiment | Tags",
        "Hrs",
        5,
    ),
    _sig(
        "meltwater",
        "legacy",
        "Meltwater (legacy)",
        "Date | Headline | URL | Opening Text | Hit Sentence | Source | Influencer | "
        "Country | Language | Reach | Sentiment | Tweet Id | Alternate Date Format | "
        "Time",
        "Hit Sentence",
        4,
    ),
    _sig(
        "meltwater",
        "explore",
        "Meltwater (Explore)",
        "Date | Time | Document ID | URL | Source Type | Source Name | Source Domain | "
        "Content Type | Author Name | Author Handle | Title | Opening Text | "
        "Hit Sentence | Sentiment | Reach",
        "Document ID",
        4,
    ),
    _sig(
        "sprout",
        "posts",
        "Sprout Social Post Performance",
        "Date | Post ID | Network | Post Type | Content Type | Profile | Link | Post | "
        "Impressions | Reach | Engagements | Reactions | Comments | Shares",
        "Post ID | Network",
        5,
    ),
    _sig(
        "sprout",
        "inbox",
        "Sprout Social Inbox",
        "Timestamp (PT) | Type | Network | Message Type | Received From (Network Name) | "
        "Message | Sentiment | Language | In Response To: Message | Parent Post ID",
        "Timestamp (PT)",
        4,
    ),
    _sig(
        "sprout",
        "profiles",
        "Sprout Social Profile Performance",
        "Date | Network | Profile | Audience | Net Audience Growth | Audience Gained | "
        "Impressions | Video Views | Engagements | Published Posts (Total)",
        "Net Audience Growth",
        5,
    ),
    _sig(
        "x_analytics",
        "legacy",
        "X analytics tweet activity",
        "Tweet id | Tweet permalink | Tweet text | time | impressions | engagements | "
        "engagement rate | retweets | replies | likes",
        "Tweet id",
        5,
    ),
    _sig(
        "x_analytics",
        "content",
        "X analytics content",
        "Post id | Date | Post text | Post Link | Impressions | Likes | Engagements | "
        "Bookmarks | Shares | New follows | Replies | Reposts | Profile visits",
        "Post id | Post text",
        5,
    ),
    _sig(
        "x_analytics",
        "overview",
        "X analytics account overview",
        "Date | Impressions | Likes | Engagements | Bookmarks | Shares | New follows | "
        "Unfollows | Replies | Reposts | Profile visits | Create Post | Video views | "
        "Media views",
        "Unfollows",
        6,
    ),
    _sig(
        "meta",
        "facebook_posts",
        "Meta Business Suite Facebook posts",
        "Post ID | Page ID | Page name | Title | Description | Publish time | Permalink | "
        "Post type | Date | Views | Reach | Reactions | Comments | Shares",
        "Publish time | Page ID",
        5,
    ),
    _sig(
        "meta",
        "instagram_posts",
        "Meta Business Suite Instagram posts",
        "Post ID | Account username | Description | Publish time | Permalink | "
        "Post type | Date | Views | Reach | Likes | Comments | Shares | Saves",
        "Publish time | Account username",
        5,
    ),
    _sig(
        "meta",
        "daily",
        "Meta Business Suite daily metric",
        "Date | Primary",
        "Date | Primary",
        2,
    ),
)
