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
    _sig(
        "tweet_harvest",
        "csv",
        "tweet-harvest (X crawler) CSV",
        "conversation_id_str | created_at | favorite_count | full_text | id_str | image_url | "
        "in_reply_to_screen_name | lang | location | quote_count | reply_count | "
        "retweet_count | tweet_url | user_id_str | username",
        "full_text | id_str",
        5,
    ),
    _sig(
        "twarc",
        "tweets",
        "twarc2 (X API v2) CSV or flattened JSONL",
        "id | conversation_id | referenced_tweets.replied_to.id | "
        "referenced_tweets.retweeted.id | referenced_tweets.quoted.id | author_id | "
        "created_at | text | lang | public_metrics.like_count | public_metrics.retweet_count | "
        "public_metrics.reply_count | public_metrics.quote_count | author.username | "
        "author.name | author.public_metrics.followers_count",
        "id | created_at | text | author_id",
        6,
    ),
    _sig(
        "google_play",
        "reviews",
        "google-play-scraper reviews",
        "reviewId | userName | userImage | content | score | thumbsUpCount | "
        "reviewCreatedVersion | at | replyContent | repliedAt | appVersion",
        "reviewId | score | at",
        4,
    ),
    _sig(
        "app_store",
        "python",
        "app-store-scraper (Python) reviews",
        "date | review | rating | isEdited | title | userName | developerResponse | "
        "developerResponse.body | developerResponse.modified",
        "date | review | rating",
        4,
    ),
    _sig(
        "app_store",
        "node",
        "app-store-scraper (Node) reviews",
        "id | userName | userUrl | version | score | title | text | url | updated",
        "userUrl | score | text | updated",
        5,
    ),
    _sig(
        "youtube_comments",
        "jsonl",
        "youtube-comment-downloader comments",
        "cid | text | time | author | channel | votes | replies | photo | heart | reply | "
        "time_parsed",
        "cid | text | time",
        5,
    ),
    _sig(
        "fourcat",
        "csv",
        "4CAT dataset CSV",
        "id | thread_id | timestamp | unix_timestamp | body | author | subject | "
        "author_fullname | url",
        "thread_id | body | timestamp",
        4,
    ),
    _sig(
        "hootsuite",
        "posts",
        "Hootsuite Analytics posts table",
        "Date (GMT) | Post Message | Post Type | Likes | Comments | Shares | Saves | Views | "
        "Reach | Engagement | Engagement rate | Instagram Post ID | Facebook Post ID",
        "Date (GMT) | Post Message",
        4,
    ),
    _sig(
        "nolimit",
        "social",
        "NoLimit Dashboard social file",
        "content | post_type | final_sentiment | specific_resource | original_id | "
        "reply_to_original_id | link | date_created",
        "content | date_created | specific_resource",
        4,
    ),
    _sig(
        "nolimit",
        "news",
        "NoLimit Dashboard online-news file",
        "title | body | url | tier | sentiment | label | date_published",
        "tier | date_published | body",
        4,
    ),
    _sig(
        "tiktok_comments",
        "scrapper",
        "tiktok-comment-scrapper comments",
        "comment_id | username | nickname | comment | create_time | avatar | total_reply | "
        "video_url | parent_comment_id",
        "comment | create_time | nickname",
        4,
    ),
)
