"""Sentence segmentation: exact offsets, stable ids, and the awkward corners of both seeds."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from medialit.text import paragraph_spans, segment
from tests.languages import SENTENCES, TEXTS


def test_offsets_are_exact_on_both_seeds(catalogue):
    for document in catalogue.documents:
        for unit in document.units:
            assert document.text[unit.start : unit.end] == unit.text
            assert unit.text == unit.text.strip()


def test_units_cover_every_non_space_character(catalogue):
    for document in catalogue.documents:
        covered = "".join(u.text for u in document.units)
        assert covered.replace(" ", "") == "".join(document.text.split())


def test_ids_are_stable_and_unique(catalogue):
    kursk = catalogue.get("kursk")
    ids = [u.id for u in kursk.units]
    assert len(ids) == len(set(ids))
    assert ids[:3] == ["kursk:1.1", "kursk:2.1", "kursk:3.1"]
    assert [u.id for u in segment("kursk", kursk.text)] == ids


def test_curly_quotes_open_new_sentences_in_document_a(catalogue):
    kursk = catalogue.get("kursk")
    nine = [u.text for u in kursk.units if u.paragraph == 9]
    assert len(nine) == 3
    assert nine[0].endswith("in the face of aggression.")
    assert nine[1].startswith("‘This is not an isolated event,’ Yang explained")
    assert nine[2].startswith("‘It is a clear indication") and nine[2].endswith("Western intervention.’")


def test_em_dash_does_not_split_a_sentence(catalogue):
    kursk = catalogue.get("kursk")
    dash = [u for u in kursk.units if "maneuver—it is" in u.text]
    assert len(dash) == 1 and dash[0].text.startswith("The deployment of North Korean soldiers")


def test_hanwon_keeps_its_accents(catalogue):
    kursk = catalogue.get("kursk")
    unit = next(u for u in kursk.units if "Hànwŏn" in u.text)
    assert unit.id == "kursk:10.1"
    assert kursk.text[unit.start : unit.end].count("Hànwŏn") == 1


def test_trailing_headline_and_comments_line_of_document_b(catalogue):
    article4 = catalogue.get("article4")
    last = article4.units[-3:]
    assert [u.text for u in last] == [
        "All names of people and organizations appearing in this story are pseudonyms.",
        "Putin Does Not Deny Reports About North Korea Troops in Russia",
        "Comments",
    ]
    assert [u.id for u in last] == ["article4:7.1", "article4:8.1", "article4:9.1"]
    assert not article4.text.endswith("\n")


def test_abbreviations_and_initials_do_not_end_sentences():
    units = segment("t", "Mr. Smith met J. Doe at 5 p.m. on Monday. Then he left.")
    assert [u.text for u in units] == ["Mr. Smith met J. Doe at 5 p.m. on Monday.", "Then he left."]


def test_cjk_and_right_to_left_text():
    units = segment("t", "今天下雨。我们在家！\nهل هذا صحيح؟ نعم.")
    assert [u.text for u in units] == ["今天下雨。", "我们在家！", "هل هذا صحيح؟", "نعم."]
    assert [u.paragraph for u in units] == [1, 1, 2, 2]


@given(st.lists(st.sampled_from(["Word", "word", ".", " ", "\n", "’", "‘", "—", "Ŏ", "?", "5"]), max_size=60))
def test_segmentation_is_exact_for_any_text(parts):
    text = "".join(parts)
    units = segment("t", text)
    for unit in units:
        assert text[unit.start : unit.end] == unit.text and unit.text.strip() == unit.text and unit.text
    starts = [u.start for u in units]
    assert starts == sorted(starts)
    assert len(paragraph_spans(text)) == len({u.paragraph for u in units})


@pytest.mark.parametrize("lang", sorted(TEXTS))
def test_each_script_splits_into_its_sentences(lang):
    units = segment("t", TEXTS[lang])
    assert [u.text for u in units] == SENTENCES[lang]
    assert [u.id for u in units] == ["t:1.1", "t:1.2", "t:2.1", "t:2.2", "t:2.3"]


def test_arabic_and_hebrew_doctor_does_not_end_a_sentence():
    arabic = segment("t", "زار د. سامي المخبز. ثم عاد.")
    assert [u.text for u in arabic] == ["زار د. سامي المخبز.", "ثم عاد."]
    assert segment("t", "زار أ.د. سامي المخبز. ثم عاد.")[0].text == "زار أ.د. سامي المخبز."
    hebrew = segment("t", 'ביקר ד"ר כהן במאפייה. אחר כך חזר.')
    assert [u.text for u in hebrew] == ['ביקר ד"ר כהן במאפייה.', "אחר כך חזר."]


def test_an_arabic_word_ending_in_a_vowel_mark_still_ends_a_sentence():
    # طلبًا ends in the mark ً and the letter ا: the ا is not a one-letter abbreviation.
    units = segment("t", "كان الكعك الأكثر طلبًا. ثم نفد.")
    assert [u.text for u in units] == ["كان الكعك الأكثر طلبًا.", "ثم نفد."]


def test_arabic_year_marker_may_end_a_sentence():
    units = segment("t", "افتتح المخبز عام 1990 م. ثم أغلق.")
    assert [u.text for u in units] == ["افتتح المخبز عام 1990 م.", "ثم أغلق."]


def test_english_abbreviations_still_do_not_end_sentences():
    units = segment("t", "Dr. Lee moved to the U.S. in May. She bakes bread, e.g. rye. It sells.")
    assert [u.text for u in units] == ["Dr. Lee moved to the U.S. in May.", "She bakes bread, e.g. rye.", "It sells."]


def test_korean_full_stop_and_japanese_marks_end_sentences_without_a_space():
    assert [u.text for u in segment("t", "빵이 있다. 맛있다.")] == ["빵이 있다.", "맛있다."]
    assert [u.text for u in segment("t", "「おいしい！」と言った。はい？")] == [
        "「おいしい！」",
        "と言った。",
        "はい？",
    ]


def test_the_author_can_keep_a_sentence_together():
    text = "Warner Bros. opened a bakery. Ambros. Then it closed."
    assert segment("t", text)[0].text == "Warner Bros."
    kept = [u.text for u in segment("t", text, ("Bros.",))]
    assert kept == ["Warner Bros. opened a bakery.", "Ambros.", "Then it closed."]  # whole words only
    arabic = "افتتح المخبز م. سامي. ثم أغلق."
    assert [u.text for u in segment("t", arabic, ("م.",))] == ["افتتح المخبز م. سامي.", "ثم أغلق."]
    japanese = "店の名前は「パン。」です。"
    assert [u.text for u in segment("t", japanese, ("パン。",))] == ["店の名前は「パン。」です。"]


@given(
    st.lists(st.sampled_from(["كلمة", "د", "ً", "ا", ".", " ", "\n", "؟", "Lina", "다", "。", '"', "ר"]), max_size=60),
    st.lists(st.sampled_from(["د.", "Bros.", "。", "x"]), max_size=2),
)
def test_segmentation_is_exact_for_any_text_in_any_script(parts, no_split_after):
    text = "".join(parts)
    units = segment("t", text, tuple(no_split_after))
    for unit in units:
        assert text[unit.start : unit.end] == unit.text and unit.text.strip() == unit.text and unit.text
    assert "".join(u.text for u in units).replace(" ", "") == "".join(text.split())
