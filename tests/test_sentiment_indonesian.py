"""Rules of the Indonesian scorer, on tiny hand-labelled sentences.

Each test asserts a sign or an ordering that a speaker of Indonesian would agree with; no
expected number is copied from the scorer's output. Where a number is asserted, the comment
shows how it was worked out by hand from VADER's formula x / sqrt(x^2 + 15).
"""

from __future__ import annotations

import math

import pytest

from analytics.errors import InputDataError
from analytics.sentiment.indonesian import IndonesianScorer
from analytics.sentiment.lexicon_id import load_lexicon


@pytest.fixture(scope="module")
def scorer() -> IndonesianScorer:
    return IndonesianScorer()


def test_plain_positive_and_negative_words(scorer):
    assert scorer.polarity("bagus") > 0.05
    assert scorer.polarity("enak") > 0.05
    assert scorer.polarity("buruk") < -0.05
    assert scorer.polarity("kecewa") < -0.05


def test_negated_positive_word_scores_negative(scorer):
    for negator in ("tidak", "tak", "bukan", "belum", "gak", "nggak", "enggak", "ga", "ndak"):
        assert scorer.polarity(f"{negator} bagus") < -0.05, negator
    # and a negated negative word is no longer negative
    assert scorer.polarity("tidak kecewa") > 0


def test_jangan_before_a_negative_word_scolds(scorer):
    # "jangan sombong" (don't be arrogant) is an admonition: negative, milder than "sombong"
    assert scorer.polarity("sombong") < scorer.polarity("jangan sombong") < -0.05
    # "jangan" before a positive word negates it like "tidak"
    assert scorer.polarity("jangan senang dulu") < -0.05


def test_negation_is_weaker_than_the_opposite_word(scorer):
    # "tidak bagus" (not good) is less negative than "buruk" (bad), as in VADER
    assert scorer.polarity("buruk") < scorer.polarity("tidak bagus") < 0


def test_negation_scope_ends_at_punctuation_and_at_the_first_sentiment_word(scorer):
    # "tidak, enak": the comma closes the negator's clause, so "enak" stays positive
    assert scorer.polarity("tidak, enak") > 0.05
    # "tidak enak dan mahal": "tidak" belongs to "enak"; "mahal" stays negative, so the
    # whole is more negative than "tidak enak" alone
    assert scorer.polarity("tidak enak dan mahal") < scorer.polarity("tidak enak") < 0


def test_not_only_is_not_a_negation(scorer):
    assert scorer.polarity("tidak hanya enak") > 0.05
    # "bukan main enaknya" = extraordinarily tasty: a booster, not a negation
    assert scorer.polarity("bukan main enaknya") > scorer.polarity("enak") > 0
    # "anjir" is an interjection of surprise, not the insult it is slang for
    assert scorer.polarity("anjir keren") > 0.05


def test_intensifiers_increase_magnitude(scorer):
    assert scorer.polarity("bagus banget") > scorer.polarity("bagus") > 0
    assert scorer.polarity("sangat bagus") > scorer.polarity("bagus")
    assert scorer.polarity("enak sekali") > scorer.polarity("enak")
    assert scorer.polarity("enak bgt") > scorer.polarity("enak")  # slang booster
    assert scorer.polarity("sangat buruk") < scorer.polarity("buruk") < 0
    assert scorer.polarity("terlalu mahal") < scorer.polarity("mahal") < 0


def test_dampeners_decrease_magnitude(scorer):
    assert 0 > scorer.polarity("agak mahal") > scorer.polarity("mahal")
    assert 0 < scorer.polarity("lumayan enak") < scorer.polarity("enak")


def test_kurang_is_a_weak_negation_or_lacking(scorer):
    # "kurang enak" = not quite tasty: negative, milder than "tidak enak"
    assert scorer.polarity("tidak enak") < scorer.polarity("kurang enak") < -0.05
    # "porsinya kurang" = the portion is lacking
    assert scorer.polarity("porsinya kurang") < -0.05


def test_contrast_clause_after_weighs_more(scorer):
    assert scorer.polarity("murah tapi kecewa") < -0.05
    assert scorer.polarity("mahal tapi enak") > 0.05
    assert scorer.polarity("tempatnya bagus, namun pelayanannya buruk") < -0.05
    # the same two words without "tapi" are balanced differently: "tapi" moves the score
    assert scorer.polarity("enak tapi mahal") < scorer.polarity("mahal tapi enak")


def test_contrast_weights_follow_vader(scorer):
    # VADER's "but" rule: words before x0.5, words after x1.5. From id_lexicon.tsv,
    # enak = 2.0 and mahal = -1.3, so "enak tapi mahal" = [enak 1.0, mahal -1.95]
    assert scorer.token_valences("enak tapi mahal") == [
        ("enak", pytest.approx(1.0)),
        ("mahal", pytest.approx(-1.95)),
    ]


def test_slang_is_normalised(scorer):
    assert scorer.polarity("gk enak") < -0.05
    assert scorer.polarity("gak enak") == pytest.approx(scorer.polarity("tidak enak"))
    assert scorer.polarity("mantul") > 0.05
    assert scorer.polarity("bgs") == pytest.approx(scorer.polarity("bagus"))
    assert scorer.polarity("lemot") < -0.05
    # indoNLP expands "ngga" to "enggak"; our table unifies negators, so the phrase
    # "tidak enak" (-2.0) applies rather than the generic negation (2.0 x -0.74 = -1.48)
    assert scorer.polarity("ngga enak") == pytest.approx(scorer.polarity("tidak enak"))
    # "gak sabar" = can't wait: eager, not a negated virtue
    assert scorer.polarity("gak sabar") > 0.05


def test_repeated_letters_are_collapsed_with_emphasis(scorer):
    assert scorer.polarity("kecewaaa") < scorer.polarity("kecewa") < 0
    assert scorer.polarity("bagusss") > scorer.polarity("bagus") > 0
    assert scorer.polarity("mantappp") > 0.05


def test_reduplication_is_reduced_with_emphasis(scorer):
    assert scorer.polarity("kecewa-kecewa") < scorer.polarity("kecewa")
    assert scorer.polarity("enak2") > scorer.polarity("enak") > 0
    assert scorer.polarity("enak-enak") > scorer.polarity("enak")


def test_clitics_are_stripped(scorer):
    assert scorer.polarity("makanannya enaknya") == pytest.approx(scorer.polarity("enak"))
    assert scorer.polarity("kecewalah") < -0.05


def test_emoji_carry_valence(scorer):
    assert scorer.polarity("😡") < -0.05
    assert scorer.polarity("👍") > 0.05
    assert scorer.polarity("pesanan saya 😡") < -0.05
    # skin-tone modifiers do not hide the emoji
    assert scorer.polarity("👍🏽") > 0.05


def test_crisis_words_are_negative(scorer):
    for text in (
        "data bocor",
        "ini penipuan",
        "tarik produk ini",
        "ayo boikot",
        "akun saya diretas",
        "saldo hilang",
        "aplikasi error terus",
        "servernya down",
        "aplikasinya lemot",
    ):
        assert scorer.polarity(text) < -0.05, text


def test_neutral_sentences_score_near_zero(scorer):
    for text in (
        "saya makan di restoran itu kemarin",
        "harga tiket pesawat ke jakarta",
        "pemerintah mengumumkan jadwal baru",
        "yang",
        "saya",
        "restoran",
        "",
    ):
        assert abs(scorer.polarity(text)) < 0.05, text


def test_corrected_lexicon_entries():
    lexicon = load_lexicon()
    # InSet gives these -5, -3, -4 and +4; they are function words and nouns
    for word in ("yang", "saya", "restoran", "menurut", "tidak", "cukup"):
        assert lexicon.valence.get(word, 0.0) == 0.0, word
    # InSet gives these the wrong sign or a weak weight
    assert lexicon.valence["bagus"] > 1.5  # InSet: +2 and -4 -> -2
    assert lexicon.valence["enak"] > 1.5  # InSet: +5 and -4 -> +1
    assert lexicon.valence["mahal"] < 0  # InSet: +1
    assert lexicon.valence["kecewa"] < -1.5  # missing in InSet


def test_inset_words_we_did_not_touch_still_count():
    lexicon = load_lexicon()
    # "sedih" (sad) comes from our table, but "pilu" (grief) only from InSet
    assert lexicon.sources.get("pilu") == "inset"
    assert lexicon.valence["pilu"] < 0


def test_styled_unicode_text_reads_as_plain(scorer):
    # mathematical-bold and full-width letters are common in social posts
    assert scorer.polarity("𝐛𝐚𝐠𝐮𝐬") == pytest.approx(scorer.polarity("bagus"))
    assert scorer.polarity("ｋｅｃｅｗａ") == pytest.approx(scorer.polarity("kecewa"))


def test_urls_and_handles_carry_no_sentiment(scorer):
    # "bagus" inside a handle or URL is not the writer's opinion
    assert scorer.polarity("@tokobagus cek http://bagus.example.com/promo") == 0.0


def test_caps_exclamation_and_questions_add_emphasis(scorer):
    assert scorer.polarity("makanannya BURUK sekali") < scorer.polarity("makanannya buruk sekali")
    assert scorer.polarity("bagus!!") > scorer.polarity("bagus")
    # VADER's "??" emphasis: kecewa is -2.5; two "?" add 2 x 0.18 in its direction:
    # -2.86 / sqrt(2.86^2 + 15) = -0.5937 (vs -0.5423 without)
    assert scorer.polarity("kecewa??") == pytest.approx(-2.86 / math.sqrt(2.86**2 + 15))
    # emphasis never creates sentiment out of nothing
    assert scorer.polarity("kapan??!!") == 0.0
    # a "?" inside a URL is not a question
    assert scorer.polarity("kecewa http://x.example.com/a?b=1&c=2?") == scorer.polarity("kecewa")


def test_compound_is_vader_normalised(scorer):
    # one word of our lexicon with valence v, no rules: compound = v / sqrt(v^2 + 15).
    # "kecewa" is -2.5 in id_lexicon.tsv: -2.5 / sqrt(6.25 + 15) = -2.5 / 4.6098 = -0.5423
    v = load_lexicon().valence["kecewa"]
    assert v == -2.5
    assert scorer.polarity("kecewa") == pytest.approx(-2.5 / math.sqrt(21.25))


def test_token_valences_sum_to_the_score(scorer):
    text = "tempatnya nyaman tapi pelayanannya lambat banget"
    items = scorer.token_valences(text)
    words = [w for w, _ in items]
    assert words == ["nyaman", "lambat"]
    total = sum(v for _, v in items)
    assert scorer.polarity(text) == pytest.approx(total / math.sqrt(total * total + 15))


def test_extra_lexicon_overrides(scorer):
    # a brand called "Bagus" must not make its mentions positive
    branded = IndonesianScorer(extra_lexicon={"bagus": 0.0, "tarik dana": -2.0})
    assert branded.polarity("bagus") == 0.0
    assert branded.polarity("gagal tarik dana") < scorer.polarity("gagal")


def test_score_many_matches_polarity_and_handles_missing_text(scorer):
    texts = ["bagus", "kecewa", "bagus", None, "", float("nan")]
    scores = scorer.score_many(texts)
    assert scores[0] == scorer.polarity("bagus") == scores[2]
    assert scores[1] < 0
    assert scores[3] == 0.0 and scores[4] == 0.0 and scores[5] == 0.0
    with pytest.raises(InputDataError, match="expected text \\(str\\), found int 42"):
        scorer.score_many(["bagus", 42])


def test_lacking_without_a_sentiment_word_is_a_complaint(scorer):
    # "gak bisa login": nothing positive is negated, the inability itself is the complaint
    assert scorer.polarity("gak bisa login") < -0.05
    assert scorer.polarity("seafoodnya tidak ada.") < -0.05
    # but "tidak ada masalah" (no problem) negates "masalah": not negative
    assert scorer.polarity("tidak ada masalah") > 0


def test_refused_slang_entries_keep_their_english_meaning():
    from indoNLP.preprocessing.slang_data import SLANG_DATA

    lexicon = load_lexicon()
    # indoNLP maps "so" -> "sok" (pretentious) and "say" -> "sayang" (love); in code-mixed
    # text they are English words, so id_slang_refused.txt removes them
    assert SLANG_DATA["so"] == "sok" and SLANG_DATA["say"] == "sayang"
    assert "so" not in lexicon.slang and "say" not in lexicon.slang
    # an ordinary indoNLP entry is still applied
    assert lexicon.slang["yg"] == "yang"


def test_praise_slang_beats_indonlp(scorer):
    # indoNLP maps "gokill" to "gila" (crazy, negative); as praise it means "awesome"
    assert scorer.polarity("gokill") > 0.05


def test_inset_duplicates_count_once():
    from analytics.sentiment.lexicon_id import inset_weights

    # "iri" (envy) is listed twice in InSet's negative list (-5 and -4) and not in the
    # positive list: its weight is the stronger of the two, -5, not the sum -9
    assert inset_weights()["iri"] == -5


def test_hashtags_are_split_into_words(scorer):
    # campaign hashtags carry their words' sentiment; the brand part stays neutral
    assert scorer.polarity("#BoikotAcme") < -0.05  # camel case: "boikot acme"
    assert scorer.polarity("#boikotacme") < -0.05  # run together: longest known prefix
    assert scorer.polarity("#tarikproduk") == pytest.approx(scorer.polarity("tarik produk"))
    assert scorer.polarity("#gakjelas") == pytest.approx(scorer.polarity("gak jelas"))
    # a hashtag of neutral words stays neutral
    assert scorer.polarity("#garuda #promo") == 0.0


def test_extra_lexicon_protects_a_brand_from_slang():
    # "mantul" is slang for "mantap" (great); a brand called Mantul must score 0
    assert IndonesianScorer().polarity("mantul") > 0.05
    assert IndonesianScorer(extra_lexicon={"Mantul": 0}).polarity("beli di mantul") == 0.0


def test_extra_lexicon_rejects_non_numbers():
    with pytest.raises(InputDataError, match=r"extra_lexicon: valence 'high' for 'acme'"):
        IndonesianScorer(extra_lexicon={"acme": "high"})


def test_malformed_lexicon_rows_are_reported_with_file_and_row():
    from analytics.sentiment.lexicon_id import parse_valences

    good = "# comment\nbagus\t2.0\tgood\n\ntarik produk\t-2\n"
    assert parse_valences("id_lexicon.tsv", good) == [("bagus", 2.0), ("tarik produk", -2.0)]
    with pytest.raises(InputDataError, match=r"id_lexicon.tsv, row 2: valence 'dua'"):
        parse_valences("id_lexicon.tsv", "bagus\t2\nenak\tdua\n")
    with pytest.raises(InputDataError, match=r"id_crisis.tsv, row 1: expected 'word<TAB>valence"):
        parse_valences("id_crisis.tsv", "bocor -2\n")


# Realistic crisis-week mentions, labelled by hand before the scorer was run on them.
CRISIS_MENTIONS = [
    ("Aplikasinya error terus dari pagi, gak bisa transfer sama sekali", "negative"),
    ("saldo gue ilang 2 juta, CS cuma bilang tunggu 3x24 jam. kecewa bgt", "negative"),
    ("Fix data nasabah bocor, udah dijual di forum. Parah sih", "negative"),
    ("Ayo boikot aja, perusahaan gak bertanggung jawab", "negative"),
    ("produknya ditarik krn terkontaminasi?? anak gw udah minum 😭", "negative"),
    ("Penipuan berkedok promo, hati2 ya guys", "negative"),
    ("Udah 2 minggu belum refund juga, ribet bgt prosesnya", "negative"),
    ("Respon CS-nya cepet dan ramah, masalah langsung beres 👍", "positive"),
    ("Makasih min, saldo udah balik. Mantap pelayanannya", "positive"),
    ("Salut sama permintaan maafnya, terbuka dan jujur", "positive"),
    ("Tetap setia pakai produk ini, kualitasnya bagus banget", "positive"),
    ("Perusahaan mengumumkan konferensi pers pukul 14.00 WIB hari ini", "neutral"),
    ("Ada yang tahu cabang terdekat di Bandung buka jam berapa?", "neutral"),
    ("Besok saya mau ke kantor cabang untuk ganti kartu", "neutral"),
]


@pytest.mark.parametrize(("text", "label"), CRISIS_MENTIONS)
def test_realistic_crisis_mentions(scorer, text, label):
    score = scorer.polarity(text)
    if label == "positive":
        assert score >= 0.05, (text, scorer.token_valences(text))
    elif label == "negative":
        assert score <= -0.05, (text, scorer.token_valences(text))
    else:
        assert -0.05 < score < 0.05, (text, scorer.token_valences(text))
