"""Reading the brand's posts in a crisis: what each one does, and whether it is about it.

Every text is hand-written; the crisis vocabulary is given by hand (in the product it comes
from the episode's customer mentions, see test_measure_crisis.py).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import polars as pl
import pytest

from analytics.measure.events import infer_post_type
from analytics.measure.response_kinds import CrisisTopic, crisis_responses, is_generic, read_post
from analytics.measure.speech_acts import ResponseKind

VOCABULARY = ["saldo", "hilang", "error", "aplikasi", "balance", "balances", "app", "data"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("We are so sorry that your balance went missing after the app error.", "apology"),
        ("Kami mohon maaf atas saldo yang hilang.", "apology"),
        ("We have not shared any customer data with anyone.", "denial"),
        ("Kabar saldo hilang karena peretasan itu tidak benar.", "denial"),
        ("Our app does not store balance details on the phone.", "denial"),
        ("The app error was an isolated incident affecting a few accounts.", "justification"),
        ("Saldo hilang ini ulah oknum, tidak mencerminkan nilai kami.", "justification"),
        ("We have suspended the update and set up an independent review of the app.", "fix"),
        ("Kami akan memperketat keamanan aplikasi.", "fix"),
        ("Every customer whose balance went missing gets a full refund.", "compensation"),
        ("Saldo yang hilang akan dikembalikan beserta kompensasi.", "compensation"),
        ("We are aware of the app error and are looking into it.", "holding statement"),
        ("Error aplikasi sedang kami selidiki.", "holding statement"),
        ("Klarifikasi soal saldo pelanggan.", "clarification"),
        # on topic, no act: a statement (its SCCT posture depends on its words)
        ("Balances: an update on the app, with the figures of this morning.", "statement"),
        ("Promo cashback 50% akhir pekan ini!", "routine"),
        ("Happy Independence Day from all of us!", "routine"),
    ],
)
def test_each_kind_in_english_and_indonesian(text, kind):
    assert infer_post_type(text, VOCABULARY) == kind


def test_an_apology_answers_the_crisis_without_naming_it():
    # no crisis term, but an apology (or a holding statement) in a crisis is a response
    assert read_post("We are truly sorry.", VOCABULARY).kind is ResponseKind.APOLOGY
    # admitting a wrong ties a post to the crisis too
    reading = read_post("We are committed to fixing the things we got wrong.", VOCABULARY)
    assert reading.kind is ResponseKind.CORRECTIVE
    assert "got wrong" in reading.evidence


def test_the_same_act_off_topic_is_routine():
    # a commitment to something else is not a corrective action for this crisis
    reading = read_post("We will open ten new stores in Surabaya next month.", VOCABULARY)
    assert reading.kind is ResponseKind.ROUTINE
    # without a crisis vocabulary the topic cannot be judged: no kind rather than "routine"
    assert read_post("Promo cashback 50% akhir pekan ini!", None).kind is None
    assert infer_post_type("Promo cashback 50% akhir pekan ini!") == "post"


def test_a_clarification_that_apologises_for_the_confusion_stays_a_clarification():
    text = "Klarifikasi: kabar itu hoaks, mohon maaf atas kebingungan"
    assert read_post(text, None).kind is ResponseKind.CLARIFICATION


def test_the_evidence_names_the_shared_crisis_terms_and_the_words_of_the_act():
    reading = read_post("Kami mohon maaf atas saldo yang hilang.", VOCABULARY)
    assert reading.crisis_terms == ("hilang", "saldo")
    assert reading.evidence == ("mohon maaf",)


T0 = datetime(2026, 10, 11, tzinfo=UTC)


def test_candidates_run_from_each_onset_to_the_next_and_routine_is_marked():
    first = SimpleNamespace(number=1, onset=T0, end=T0 + timedelta(hours=10), vocabulary=VOCABULARY)
    second = SimpleNamespace(
        number=2, onset=T0 + timedelta(days=5), end=None, vocabulary=["boris", "resigns"]
    )
    posts = pl.DataFrame(
        {
            "published_at": [
                T0 - timedelta(hours=1),  # before the first onset: not a candidate
                T0 + timedelta(hours=2),
                T0 + timedelta(days=2),  # after the first end, before the second onset
                T0 + timedelta(days=6),
            ],
            "text": [
                "Selamat pagi!",
                "Error aplikasi sedang kami selidiki.",
                "Kami akan memperketat keamanan aplikasi.",
                "Kami akan memperketat keamanan aplikasi.",
            ],
            "author": ["brand"] * 4,
            "platform": ["x"] * 4,
        }
    )
    found = crisis_responses(posts, [second, first], data_end=T0 + timedelta(days=10))
    assert found.get_column("episode").to_list() == [1, 1, 2]
    assert found.get_column("kind").to_list() == [
        "holding statement",
        "corrective action",
        "routine",
    ]
    assert found.get_column("is_response").to_list() == [True, True, False]
    assert found.get_column("after_end").to_list() == [False, True, False]


# --- the topic test: associated terms, general-language words, namesake episodes ----------
TOPIC = CrisisTopic(
    vocabulary=("asbestos", "talc", "powder"),
    associated=("gorsky", "interview", "cramer"),
)


def test_two_associated_terms_tie_a_post_to_the_crisis_one_does_not():
    # the public named the CEO's interview together with the crisis: the brand's post about
    # the interview is about the crisis, though it names none of its terms
    two = read_post("Watch CEO Alex Gorsky's full interview on Mad Money.", TOPIC)
    assert two.kind is ResponseKind.CLARIFICATION
    assert two.crisis_terms == ("gorsky", "interview")
    one = read_post("Watch the full interview with our head of research.", TOPIC)
    assert one.kind is ResponseKind.ROUTINE


def test_a_word_of_general_language_does_not_tie_a_post_to_the_crisis():
    # "people" and "today" are in the crisis conversation but in every other one too
    topic = CrisisTopic(vocabulary=("asbestos", "people", "today"))
    assert is_generic("people") and is_generic("today") and not is_generic("asbestos")
    assert (
        read_post("Meet the people behind our new lab, today.", topic).kind is ResponseKind.ROUTINE
    )
    reading = read_post("Our lab tests every lot for asbestos.", topic)
    assert reading.kind is ResponseKind.CLARIFICATION and reading.crisis_terms == ("asbestos",)


def test_posts_during_an_episode_that_is_not_about_the_brand_are_routine():
    namesake = CrisisTopic(vocabulary=("monsanto", "roundup", "jury"), about_brand=False)
    # even a post using the episode's words: a namesake's verdict is not the brand's crisis
    reading = read_post("Our statement on the Roundup jury verdict.", namesake)
    assert reading.kind is ResponseKind.ROUTINE
    # an apology needs no topic: it answers whatever crisis of the brand is open
    assert read_post("We are deeply sorry.", namesake).kind is ResponseKind.APOLOGY


def test_the_words_that_perform_the_act_do_not_tie_a_post_to_the_crisis():
    # "statement" is in the crisis conversation (everybody asks for one) but in the post it
    # performs the act: the post must share a term of what the crisis is about
    topic = CrisisTopic(vocabulary=("statement", "asbestos"))
    routine = read_post("Read our statement on the new store in Surabaya.", topic)
    assert routine.kind is ResponseKind.ROUTINE
    on_topic = read_post("Read our statement on asbestos.", topic)
    assert on_topic.kind is ResponseKind.CLARIFICATION and on_topic.crisis_terms == ("asbestos",)
