"""The vendor layouts the loader knows, registered in one table.

Each :class:`Vendor` names a ``--format`` value, the module that maps its raw table
(``analytics.load.<name>``, with ``load(raw, variant, ctx)``; ``generic`` is driven by a
mapping file instead) and the words the documentation shows. The format list, the
``ingest --format`` help and the table in docs/loading.md are all derived from ``VENDORS``
(``python -m analytics.load`` rewrites the docs table; a test keeps it in step).
How to add one: docs/adding_a_vendor.md. The header signatures that detect a layout live
in ``analytics.load.signatures``, keyed by the same name.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from types import ModuleType

__all__ = ["FORMATS", "VENDORS", "Vendor", "docs_table", "format_help", "vendor"]


@dataclass(frozen=True)
class Vendor:
    """One export layout family: its ``--format`` name and what the docs say of it."""

    name: str  # the --format value and the module analytics.load.<name>
    tool: str  # the product, as users call it
    layouts: str  # which exports of it are read (Markdown)
    recognised_by: str  # the header columns that identify it (Markdown)
    times: str  # how its times are read (Markdown)

    @property
    def module(self) -> ModuleType:
        """The module that maps this vendor's raw table (imported on first use)."""
        return importlib.import_module(f"analytics.load.{self.name}")


VENDORS: tuple[Vendor, ...] = (
    Vendor(
        name="brandwatch",
        tool="Brandwatch",
        layouts=(
            "Bulk Mentions Download CSV/XLSX (6-line preamble; `Twitter *` and `X "
            "*` metric families)"
        ),
        recognised_by="`Query Id` + 3 of `Query Name, Date, Title, Snippet, Url, ...`",
        times=(
            "`Date` naive, in `default_tz` (set `UTC` if the Brandwatch UI zone was left at UTC)"
        ),
    ),
    Vendor(
        name="talkwalker",
        tool="Talkwalker",
        layouts=("results CSV/XLSX, dotted (or `_`) names, `extra_author_*` or `extra_creator_*`"),
        recognised_by="`published` + 3 of `url, title, content, lang, ...`",
        times=("ISO 8601 with offset as given; naive ISO in `default_tz`; 13-digit epoch ms"),
    ),
    Vendor(
        name="brand24",
        tool="Brand24",
        layouts="XLSX sheet `Mentions` (blank first row and column) or CSV",
        recognised_by="`Hrs` + 4 of `ID, Date, Title, Content, Source, ...`",
        times="`Date` + `Hrs` in `default_tz`",
    ),
    Vendor(
        name="meltwater",
        tool="Meltwater",
        layouts='legacy and Explore column sets; UTF-16 + tab "csv", junk line',
        recognised_by="`Hit Sentence` or `Document ID` + 3 more",
        times=("`Alternate Date Format`/`Date` + `Time` (`07-Jul-25 05:12 PM`) in `default_tz`"),
    ),
    Vendor(
        name="sprout",
        tool="Sprout Social",
        layouts=("Post Performance (brand posts), Inbox, Profile Performance (daily metrics)"),
        recognised_by="`Post ID`+`Network`, `Timestamp (PT)`, `Net Audience Growth`",
        times=(
            "posts: `mm/dd/yyyy h:mm am/pm` in `default_tz`; inbox: **US Pacific** "
            "(the column says PT); profiles: `MM-DD-YYYY` days"
        ),
    ),
    Vendor(
        name="x_analytics",
        tool="X analytics",
        layouts="legacy tweet activity; 2024+ content; account overview (daily metrics)",
        recognised_by="`Tweet id`; `Post id`+`Post text`; `Unfollows`",
        times=(
            "legacy `time` is **UTC** (`+0000`); content: exact UTC time from the "
            "snowflake `Post id` ((id >> 22) + 1288834974657 ms), else the `Date` "
            "day at midnight in `default_tz` (note `date_only`)"
        ),
    ),
    Vendor(
        name="meta",
        tool="Meta Business Suite",
        layouts=(
            "Business Suite Facebook and Instagram post files; daily per-metric "
            "files (`sep=,` + title line)"
        ),
        recognised_by="`Publish time` + `Page ID` / `Account username`; `Date` + `Primary`",
        times=("`Publish time` (`MM/DD/YYYY HH:MM`) in `default_tz`; daily dates as days"),
    ),
    Vendor(
        name="tweet_harvest",
        tool="tweet-harvest",
        layouts="tweet-harvest (X crawler) CSV",
        recognised_by=(
            "`full_text` + `id_str` + 3 of `created_at, favorite_count, tweet_url, username, ...`"
        ),
        times="X's `Thu Oct 12 03:23:53 +0000 2023`: exact UTC",
    ),
    Vendor(
        name="twarc",
        tool="twarc2 (X API v2)",
        layouts=(
            "`twarc2 csv` files, flattened twarc2 JSONL and raw X API v2 response "
            "pages (`twarc2 search` output: each page's posts get their `author` "
            "from `includes.users`)"
        ),
        recognised_by=(
            "`id, created_at, text, author_id` + 2 of `public_metrics.*, "
            "author.username, referenced_tweets.*.id, ...`"
        ),
        times="ISO 8601 UTC (`2022-03-05T10:00:00.000Z`)",
    ),
    Vendor(
        name="google_play",
        tool="google-play-scraper",
        layouts=(
            "google-play-scraper `reviews()` / `reviews_all()` saved as CSV, "
            "JSON(L), XLSX (a pandas index column is fine)"
        ),
        recognised_by="`reviewId, score, at` + 1 more",
        times=(
            "naive `at` / `repliedAt` in `default_tz` (the library writes the "
            "scraping machine's local time); ISO with offset exact"
        ),
    ),
    Vendor(
        name="app_store",
        tool="app-store-scraper (Python and Node)",
        layouts=(
            "app-store-scraper: Python (`date, review, rating, title, userName, "
            "developerResponse`) and Node (`id, userName, userUrl, score, text, "
            "url, updated`)"
        ),
        recognised_by="`date, review, rating` / `userUrl, score, text, updated`",
        times="Python: naive times are UTC (Apple's); Node: ISO with offset",
    ),
    Vendor(
        name="youtube_comments",
        tool="youtube-comment-downloader",
        layouts="youtube-comment-downloader JSON lines (or a JSON array / CSV of them)",
        recognised_by="`cid, text, time` + 2 of `author, votes, replies, time_parsed, ...`",
        times=(
            "`time_parsed` Unix seconds: the tool's reading of YouTube's relative "
            '"2 weeks ago", so **approximate** (a note says so)'
        ),
    ),
    Vendor(
        name="fourcat",
        tool="4CAT",
        layouts="4CAT dataset CSV (any data source)",
        recognised_by="`thread_id, body, timestamp` + 1 more",
        times="`unix_timestamp`, else `timestamp` as UTC",
    ),
    Vendor(
        name="hootsuite",
        tool="Hootsuite Analytics",
        layouts=(
            "Hootsuite Analytics per-post table (XLSX sheet such as `IG - Posts "
            "table`, or CSV); the brand's own posts"
        ),
        recognised_by=(
            "`Date (GMT)` + `Post Message` + 2 of `Post Type, Likes, Comments, "
            "..., <Network> Post ID`"
        ),
        times="`Date (GMT)` as UTC; platform from the `<Network> Post ID` column name",
    ),
    Vendor(
        name="nolimit",
        tool="NoLimit Dashboard",
        layouts=(
            "NoLimit Dashboard social and online-news files (semicolon CSVs of its "
            "ZIP; `'` guards removed, `https:/` links repaired)"
        ),
        recognised_by=("`content, date_created, specific_resource` / `tier, date_published, body`"),
        times=("layout undocumented: ISO 8601, naive in `default_tz` (else a `[time]` file)"),
    ),
    Vendor(
        name="tiktok_comments",
        tool="tiktok-comment-scrapper",
        layouts=(
            "tiktok-comment-scrapper JSON (one document per video, replies nested: "
            "each becomes a row with `parent_id`) or its CSV mode"
        ),
        recognised_by="`comment, create_time, nickname` + 1 more",
        times=("`create_time` naive ISO in `default_tz` (the scraping machine's local time)"),
    ),
    Vendor(
        name="generic",
        tool="any tool (a mapping file, or inferred columns)",
        layouts=(
            "any CSV/TSV/TXT, XLSX, JSON, JSONL, Parquet + a mapping file, **or no "
            "mapping: columns inferred** (below)"
        ),
        recognised_by="the mapping's columns, or inference",
        times="as the mapping says, or as inferred from the values",
    ),
)

FORMATS: tuple[str, ...] = tuple(v.name for v in VENDORS)

_TABLE_START = "<!-- vendors:start (generated by python -m analytics.load) -->"
_TABLE_END = "<!-- vendors:end -->"


def vendor(name: str) -> Vendor:
    """The registered vendor called ``name`` (callers check the name first)."""
    return next(v for v in VENDORS if v.name == name)


def format_help() -> str:
    """The ``--format`` option's help, listing every registered format."""
    return f"Skip auto-detection: {', '.join(FORMATS)}."


def docs_table() -> str:
    """The Markdown table of docs/loading.md, one row per registered vendor."""
    lines = ["| format | layouts | recognised by | times read as |", "|---|---|---|---|"]
    for v in VENDORS:
        lines.append(f"| `{v.name}` | {v.layouts} | {v.recognised_by} | {v.times} |")
    return "\n".join(lines)


def with_docs_table(page: str) -> str:
    """``page`` with the text between the vendor-table markers replaced by :func:`docs_table`."""
    head, _, rest = page.partition(_TABLE_START)
    _, _, tail = rest.partition(_TABLE_END)
    return f"{head}{_TABLE_START}\n{docs_table()}\n{_TABLE_END}{tail}"
