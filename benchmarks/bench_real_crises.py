"""Crisis analytics on real crises: episodes, responses and findings against answer keys.

For every case in a folder (``NAME.csv`` + ``NAME.truth.json``, the layout of the team's
real-crisis development set: ``user_username,text,created_at,...`` X exports with an answer
key), the whole pipeline runs as a user would run it: ingest into a temporary store (generic
loader + the mapping written below), score sentiment, detect the episodes and what each was
about, read the brand's posts as responses, and draw the findings. Printed per case:

* **onset error**: hours between the onset of the episode that holds the key's trigger and
  the trigger (a date-only trigger is the whole UTC day: 0 inside it);
* **headline**: whether the headline episode (most excess mentions) is the named crisis,
  i.e. its span [onset - 36 h, end) holds the trigger;
* **responses recognised**: of the key's in-file brand posts that are responses (kind other
  than ``other``) and fall in an episode's candidate span, how many were read as responses;
  routine posts of the key (kind ``other``) correctly left out;
* **kind accuracy**: of the key's in-file brand posts that were candidates, how many got the
  key's kind (``routine`` = ``other``);
* **contradicting findings**: findings of the review of the headline episode that the key
  contradicts (rules in docs/measure_responses.md): no crisis when the key has one; "no
  response found" or "no brand posts" while the data holds a response of the key in the
  span the review looks at; a first response later than the key's first one in that span;
  an SCCT posture that none of the key's in-file posts has.

Targets (docs/measure_window.md, docs/measure_responses.md): onset within 36 h (a day and a
half: one daily cycle of conversation plus the half-day an hourly detector on a sampled file
needs to see the rise), every in-episode response recognised, no contradicting finding.

    .venv/bin/python benchmarks/bench_real_crises.py                  # ../shared/real-crises
    .venv/bin/python benchmarks/bench_real_crises.py path/to/cases
    .venv/bin/python benchmarks/bench_real_crises.py --sensitivity   # + each rule moved

Also printed: **routine posts read as responses** (the keys' routine posts, kind
``other``), and a **negative control** for the topic test: every case's brand posts read
against every other case's headline topic, which none of them is about; each one that shares
its terms is a false positive. ``--sensitivity`` reruns everything with each rule's constant
moved to a neighbouring value, so a figure that holds only at one setting shows.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polars as pl

from analytics.measure import response_kinds
from analytics.measure.crisis import CrisisWindow, detect_crises, episode_terms, headline, topics
from analytics.measure.events import brand_posts, brand_responses
from analytics.measure.lessons import FindingCode, lessons_learned
from analytics.measure.response_kinds import CrisisTopic, crisis_responses, read_post
from analytics.measure.responses import response_summary
from analytics.measure.strategy import strategy_for
from analytics.sentiment.bulk import score_store
from analytics.store import Store

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CASES = REPO.parent / "shared" / "real-crises"
ONSET_TARGET_HOURS = 36.0
# the cases' layout: an X export without ids (the loader makes surrogate ids)
MAPPING = """
[columns]
published_at = "created_at"
author = "user_username"
text = "text"
likes = "like_count"
shares = "retweet_count"
comments = "reply_count"

[time]
format = "%Y-%m-%dT%H:%M:%S%.fZ"
timezone = "UTC"

[constants]
platform = "x"
"""


@dataclass
class CaseResult:
    name: str
    onset_error_hours: float | None
    headline_is_named: bool
    recognised: int
    responses_in_episodes: int
    routine_left_out: int
    routine_in_episodes: int
    kinds_right: int
    kinds_judged: int
    contradictions: list[str] = field(default_factory=list)
    episodes: list[str] = field(default_factory=list)
    misread: list[str] = field(default_factory=list)
    # for the negative control: the headline's topic and the brand's in-file posts
    topic: CrisisTopic | None = None
    posts: list[str] = field(default_factory=list)
    foreign_on_topic: list[str] = field(default_factory=list)
    foreign_read: int = 0


def _trigger(value: str) -> tuple[datetime, datetime]:
    """The trigger as a UTC interval: an instant, or a whole day for a date-only key."""
    if len(value) == 10:
        day = datetime.fromisoformat(value).replace(tzinfo=UTC)
        return day, day + timedelta(days=1)
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment, moment


def _distance_hours(moment: datetime, span: tuple[datetime, datetime]) -> float:
    start, end = span
    if start <= moment <= end:
        return 0.0
    nearest = start if moment < start else end
    return abs((moment - nearest).total_seconds()) / 3600


def _named(window: CrisisWindow, span: tuple[datetime, datetime], data_end: datetime) -> bool:
    start = window.onset - timedelta(hours=ONSET_TARGET_HOURS)
    return start <= span[1] and span[0] < (window.end or data_end)


def run_case(csv: Path, key: dict, work: Path) -> CaseResult:
    brand, handles = key["brand"], [h.lower() for h in key["handles"]]
    store = Store(work / csv.stem)
    mapping = work / "mapping.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    report = store.ingest(
        [csv], brand=brand, mapping=mapping, brand_handles=handles, default_tz="UTC", progress=False
    )
    if report.failed:
        raise SystemExit(f"{csv.name}: could not be ingested: {report.failed}")
    score_store(store, brand=brand, brand_names=[brand], progress=False)
    mentions = store.mentions(brand).collect()
    data_end = mentions.get_column("published_at").max() + timedelta(hours=1)
    names = [brand, *brand.split(), *handles]
    windows = detect_crises(mentions, tz="UTC", brand=brand)
    episode_terms(mentions, windows, exclude=names, brand_handles=handles, names=[brand])
    span = _trigger(key["trigger"])
    named = [w for w in windows if _named(w, span, data_end)]
    main = headline(windows) if windows else None
    own = brand_posts(mentions, handles)
    candidates = crisis_responses(
        own.select("published_at", "text", "author", "platform"),
        windows,
        data_end=data_end,
        exclude=names,
    )
    # the key's in-file posts, matched on their exact time
    truth = {
        datetime.fromisoformat(r["time"].replace("Z", "+00:00")): r["kind"]
        for r in key["brand_responses"]
        if r.get("in_file")
    }
    result = CaseResult(
        name=csv.stem,
        onset_error_hours=min((_distance_hours(w.onset, span) for w in named), default=None),
        headline_is_named=main is not None and _named(main, span, data_end),
        recognised=0,
        responses_in_episodes=0,
        routine_left_out=0,
        routine_in_episodes=0,
        kinds_right=0,
        kinds_judged=0,
        episodes=[
            f"{w.number}: {w.onset:%m-%d %H:%M} excess {w.excess_mentions or 0:,.0f}"
            f"{' (at or before data start)' if w.onset_at_data_start else ''}"
            f"{' NOT ABOUT THE BRAND' if w.about_brand is False else ''}"
            f" about {', '.join(w.top_terms[:5])}; associated: {', '.join(w.associated[:8])}"
            for w in windows
        ],
    )
    for row in candidates.iter_rows(named=True):
        expected = truth.get(row["time"])
        if expected is None:
            continue
        got = "other" if row["kind"] == "routine" else row["kind"]
        result.kinds_judged += 1
        result.kinds_right += got == expected
        if got != expected:
            result.misread.append(f"{row['time']:%m-%d %H:%M} {expected} read as {got}")
        if expected == "other":
            result.routine_in_episodes += 1
            result.routine_left_out += not row["is_response"]
        else:
            result.responses_in_episodes += 1
            result.recognised += row["is_response"]
    result.contradictions = _contradictions(key, mentions, main, handles, names)
    result.topic = main.topic if main is not None else None
    result.posts = own.get_column("text").to_list()
    return result


def negative_control(results: list[CaseResult]) -> None:
    """Every case's brand posts read against every *other* case's headline topic: none of
    them is about that crisis, so each one read as on its topic (sharing its terms) is a
    false positive of the topic test. (Apologies and holding statements need no topic and
    are not counted: they are read as responses to whatever crisis is open, by design.)"""
    for result in results:
        if result.topic is None:
            continue
        for other in results:
            if other is result:
                continue
            for text in other.posts:
                reading = read_post(text, result.topic)
                result.foreign_read += 1
                if reading.crisis_terms:
                    shared = ", ".join(reading.crisis_terms)
                    start = " ".join(text.split())[:70]
                    result.foreign_on_topic.append(f"{other.name}: {start} ({shared})")


def _contradictions(
    key: dict, mentions: pl.DataFrame, window: CrisisWindow | None, handles, names
) -> list[str]:
    """Findings of the review of the headline episode that the answer key contradicts."""
    if window is None:
        return ["no crisis detected, but the key names one"]
    responses = brand_responses(mentions, brand_handles=handles, crisis_terms=window.topic)
    summary = response_summary(mentions, responses, window, brand_handles=handles)
    own = brand_posts(mentions, handles).height
    findings = lessons_learned(window=window, summary=summary, responses=responses, brand_posts=own)
    # the key's responses that the data holds, in the span the review looks for answers
    until = window.answer_until or window.end
    in_data = sorted(
        moment
        for r in key["brand_responses"]
        if r.get("in_file") and r["kind"] != "other"
        for moment in [datetime.fromisoformat(r["time"].replace("Z", "+00:00"))]
        if window.onset <= moment < until
    )
    postures = {strategy_for(r["kind"]) for r in key["brand_responses"] if r.get("in_file")}
    found = []
    for finding in findings:
        if finding.code in (FindingCode.NO_RESPONSE, FindingCode.NO_RESPONSE_FOUND) and in_data:
            found.append(f"{finding.code}: the data holds {len(in_data)} response(s) of the key")
        if finding.code in (FindingCode.FIRST_RESPONSE, FindingCode.FIRST_RESPONSE_UNTYPED):
            first = window.onset + timedelta(hours=finding.values["hours"])
            if in_data and in_data[0] < first - timedelta(minutes=1):
                found.append(f"{finding.code}: the key's first response in the data is earlier")
        if finding.code is FindingCode.STRATEGIES:
            extra = set(finding.values.get("strategies", {})) - postures
            if extra:
                found.append(f"{finding.code}: postures {sorted(extra)} not in the key")
        if finding.code is FindingCode.BRAND_POSTS_MISSING and in_data:
            found.append(f"{finding.code}: the key has the brand's posts in the data")
    return found


def run_all(cases: list[Path]) -> list[CaseResult]:
    """Every case of the folder, then the negative control across them."""
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for truth in cases:
            csv = truth.with_name(truth.name.removesuffix(".truth.json") + ".csv")
            key = json.loads(truth.read_text(encoding="utf-8"))
            results.append(run_case(csv, key, Path(tmp)))
    negative_control(results)
    return results


def print_cases(results: list[CaseResult]) -> None:
    print(
        f"{'case':<26} {'onset err':>9} {'headline':>8} {'responses':>9} "
        f"{'routine out':>11} {'kinds':>7} {'contra':>6} {'foreign on topic':>16}"
    )
    for r in results:
        onset = "missed" if r.onset_error_hours is None else f"{r.onset_error_hours:.1f} h"
        print(
            f"{r.name:<26} {onset:>9} {'named' if r.headline_is_named else 'OTHER':>8} "
            f"{r.recognised:>4}/{r.responses_in_episodes:<4} "
            f"{r.routine_left_out:>6}/{r.routine_in_episodes:<4} "
            f"{r.kinds_right:>3}/{r.kinds_judged:<3} {len(r.contradictions):>6} "
            f"{len(r.foreign_on_topic):>9}/{r.foreign_read:<6}"
        )
        for line in r.episodes:
            print(f"    episode {line}")
        for line in r.misread:
            print(f"    kind: {line}")
        for line in r.contradictions:
            print(f"    CONTRADICTS THE KEY: {line}")
        for line in r.foreign_on_topic:
            print(f"    false positive (another brand's post on this topic): {line}")


def totals(results: list[CaseResult]) -> str:
    judged = sum(r.kinds_judged for r in results)
    right = sum(r.kinds_right for r in results)
    onsets = [r.onset_error_hours for r in results]
    return (
        f"onset within {ONSET_TARGET_HOURS:.0f} h: "
        f"{sum(e is not None and e <= ONSET_TARGET_HOURS for e in onsets)}/{len(results)}; "
        f"headline is the named crisis: {sum(r.headline_is_named for r in results)}/"
        f"{len(results)}; responses recognised: {sum(r.recognised for r in results)}/"
        f"{sum(r.responses_in_episodes for r in results)}; routine posts read as responses: "
        f"{sum(r.routine_in_episodes - r.routine_left_out for r in results)}/"
        f"{sum(r.routine_in_episodes for r in results)}; other brands' posts on the topic: "
        f"{sum(len(r.foreign_on_topic) for r in results)}/{sum(r.foreign_read for r in results)}"
        f"; kind accuracy: {right}/{judged}"
        f" ({right / judged:.0%})"
        * bool(judged)
        + f"; contradicting findings: {sum(len(r.contradictions) for r in results)}"
    )


# --sensitivity: each rule's constant moved to a neighbouring principled value, one at a time
VARIATIONS = (
    ("general-language words: Zipf >= 5.0", response_kinds, "GENERIC_ZIPF", 5.0),
    ("general-language words: Zipf >= 6.0", response_kinds, "GENERIC_ZIPF", 6.0),
    ("associated terms a post needs: 3", response_kinds, "MIN_ASSOCIATED", 3),
    ("associated: with the vocabulary in 2/3 of uses", topics, "MIN_COOCCURRENCE_SHARE", 0.67),
    ("not about the brand below 0.3 of the rate", topics, "OFF_TOPIC_RATIO", 0.3),
    ("not about the brand below 0.7 of the rate", topics, "OFF_TOPIC_RATIO", 0.7),
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cases", nargs="?", type=Path, default=DEFAULT_CASES)
    parser.add_argument(
        "--sensitivity",
        action="store_true",
        help="also rerun with each rule's constant moved (totals only; about 1 min)",
    )
    args = parser.parse_args()
    cases = sorted(args.cases.glob("*.truth.json"))
    if not cases:
        print(f"no NAME.truth.json in {args.cases}", file=sys.stderr)
        return 1
    results = run_all(cases)
    print_cases(results)
    print(f"\n{totals(results)}")
    if args.sensitivity:
        for label, module, name, value in VARIATIONS:
            kept = getattr(module, name)
            setattr(module, name, value)
            response_kinds.is_generic.cache_clear()
            try:
                print(f"\n{label} (instead of {kept}):\n  {totals(run_all(cases))}")
            finally:
                setattr(module, name, kept)
                response_kinds.is_generic.cache_clear()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
