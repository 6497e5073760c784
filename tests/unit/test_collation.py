from kb.collation import letter_of, sort_key
from kb.glossary_page import letter_id


def test_spanish_order_ignores_accents_and_puts_enye_after_n():
    words = ["ñandú", "nube", "oso", "Éxito", "estado", "Ángel", "zeta"]
    assert sorted(words, key=lambda w: sort_key(w, "es")) == ["Ángel", "estado", "Éxito", "nube", "ñandú", "oso", "zeta"]


def test_english_order_treats_enye_as_n():
    assert sorted(["ñu", "nz", "no"], key=lambda w: sort_key(w, "en")) == ["no", "ñu", "nz"]


def test_letters_and_their_ids():
    assert [letter_of(w, "es") for w in ["Ética", "ñandú", "#MeToo", "«cita»", "2030"]] == ["E", "Ñ", "M", "C", "#"]
    assert letter_of("ñandú", "en") == "N"
    assert [letter_id(x) for x in ["A", "Ñ", "#"]] == ["letter-a", "letter-enye", "letter-other"]
