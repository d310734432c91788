"""Meta Business Suite exports: Facebook / Instagram post files and daily per-metric files.

* Post files (one row per post, lifetime totals): ``Publish time`` is ``MM/DD/YYYY HH:MM``
  in the account's zone (``default_tz``). Facebook files have ``Page ID``, Instagram files
  ``Account username``. Every post is the brand's own.
* Daily per-metric files (UTF-16, ``sep=,`` line, a title line such as ``"Views"``, then
  ``"Date","Primary"``): one metric per file, mapped by its title to a daily-metrics
  column. The platform is not in the file: ``instagram`` when the file name says so,
  else ``facebook``.
"""

from __future__ import annotations

import polars as pl

from analytics.load import clean, times, vocab
from analytics.load.finish import TIME_RAW, Context, DailyMapped, Mapped, map_frame
from analytics.load.read import ROW, RawTable

TIME_FORMATS = ["%m/%d/%Y %H:%M", "%m/%d/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]
DAY_FORMATS = ["%Y-%m-%dT%H:%M:%S", "%Y-%m-%d"]

# title line of a daily file -> daily-metrics column
METRIC_TITLES = {
    "views": "impressions",
    "impressions": "impressions",
    "viewers": "reach",
    "reach": "reach",
    "content interactions": "engagements",
    "interactions": "engagements",
    "visits": "profile_visits",
    "facebook visits": "profile_visits",
    "instagram profile visits": "profile_visits",
    "profile visits": "profile_visits",
    "follows": "followers_change",
    "new follows": "followers_change",
    "followers": "followers",
}


def load(raw: RawTable, variant: str, ctx: Context) -> Mapped | DailyMapped:
    """Map one Meta export; the variant comes from detection."""
    if variant == "daily":
        return _daily(raw, ctx)
    return _posts(raw, ctx, instagram=variant == "instagram_posts")


def _posts(raw: RawTable, ctx: Context, *, instagram: bool) -> Mapped:
    cols = raw.columns
    time_col = clean.pick(cols, "Publish time")
    published, time_note = times.read(clean.raw(time_col), ctx.formats(TIME_FORMATS), ctx.zone())
    url, url_note = clean.text(clean.pick(cols, "Permalink"), want_url=True)
    native, id_note = clean.native_id(clean.raw(clean.pick(cols, "Post ID")), url)
    body, body_note = clean.first_text(cols, "Description", "Title")
    account = clean.text(clean.pick(cols, "Account username" if instagram else "Page name"))[0]
    values: dict[str, pl.Expr] = {
        "mention_id": native,
        "platform": pl.lit("instagram" if instagram else "facebook"),
        "content_type": vocab.content_type(clean.raw(clean.pick(cols, "Post type"))),
        "published_at": published,
        "author": clean.handle(account),
        "author_name": account,
        "title": clean.text(clean.pick(cols, "Title"))[0],
        "text": body,
        "url": url,
    }
    notes = [id_note, time_note, url_note, body_note]
    for field, aliases in {
        "impressions": ("Views", "Impressions"),
        "reach": ("Reach",),
        "likes": ("Likes", "Reactions"),
        "comments": ("Comments",),
        "shares": ("Shares",),
        "engagement": ("Reactions, Comments and Shares", "Reactions, comments and shares"),
    }.items():
        value, note = clean.first_count(cols, *aliases)
        values[field] = value
        notes.append(note)
    frame = map_frame(raw, values, notes, clean.raw(time_col))
    return Mapped(
        frame,
        f'"{time_col or "Publish time"}"',
        ctx.layout("MM/DD/YYYY HH:MM"),
        '"Description", "Title", "Permalink"',
        owned=True,
    )


def _daily(raw: RawTable, ctx: Context) -> DailyMapped:
    cols = raw.columns
    titles = [row[0].strip() for row in raw.preamble if row and row[0].strip()]
    title = titles[-1] if titles else ""
    column = METRIC_TITLES.get(title.lower())
    if column is None:
        ctx.notes.append(
            f'daily metric "{title or "(no title line)"}" has no daily-metrics column '
            f"(known: {', '.join(sorted(METRIC_TITLES))}); its values are not stored"
        )
    else:
        ctx.notes.append(f'daily metric "{title}" stored as {column}')
    if column == "followers_change":
        ctx.notes.append("Meta 'Follows' counts new follows only: followers_change holds gains")
    platform = "instagram" if "instagram" in raw.file.lower() else "facebook"
    ctx.notes.append(f"platform {platform} (from the file name; Meta daily files do not say)")
    date_col = clean.pick(cols, "Date")
    value, _ = clean.count(clean.pick(cols, "Primary"))
    metric = [value.alias(column)] if column else []
    frame = raw.frame.select(
        times.day(clean.raw(date_col), ctx.formats(DAY_FORMATS)).alias("date"),
        pl.lit(platform).alias("platform"),
        pl.lit(None, pl.Utf8).alias("account"),
        *metric,
        clean.raw(date_col).alias(TIME_RAW),
        pl.col(ROW),
    )
    return DailyMapped(frame, f'"{date_col or "Date"}"', ctx.layout("YYYY-MM-DDT00:00:00"))
