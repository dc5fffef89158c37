"""One entity per referent and its right kind (issue 15, classes read on SemEval-2015 raw texts):
"The" opening a quotation is no title's ("“The GM that let you down”"), a product line's name and a
small number is its model ("iPhone 4"), an organisation's span loses the common noun and the
person's titles the model took in ("the United Auto Workers union", "Boeing Executive" + "Vice
President Scott Carson"), "its 777 airliner" is the maker's 777, a known product named with its
nickname after the model number is that product ("Boeing 787 Dreamliners"), and products the model
calls organisations are products: a name ending in a model number ("Rolls-Royce Trent 900"), a known
product after its maker's name ("Apple Macintosh"), the gazetteer's products ("iPod", "iTunes"), a
known line's name and more ("iPod Touch", its plural the same); a name cut after its "of" is whole
("the Bay of" + "Biscay"), time zones are no entities ("16:30 UTC"), and no person's name ends in
"Store" ("the App Store"); a name before a facility noun is the facility ("O'Hare airport"), the
gazetteer knows the UAW alone.
Rule functions on hand-built Docs, each class as literal sentences."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from graph.nlp.entities.resolver import _cut_at_particles, _trimmed_orgs

VOCAB = spacy.blank("en").vocab


def mentions(nlp, text):
    return {e.id: [m.text for m in e.mentions] for e in nlp(text)._.entities}


# --- "The" opening speech ---
def test_the_opening_a_quotation_makes_no_title(ents_nlp):
    got = mentions(ents_nlp, 'GM filed for bankruptcy. He said that "The GM that let you down is history," and '
                             'that GM remains open. GM will shrink.')
    assert got == {"organisation/gm": ["GM", "GM", "GM", "GM"]}


def test_a_title_in_quotation_marks_is_still_a_work(ents_nlp):
    got = mentions(ents_nlp, 'Robert De Niro starred in "The Irishman", which Netflix released.')
    assert "work/the-irishman" in got


# --- a product line and a small number ---
@pytest.mark.parametrize("text, product", [
    ("Yesterday, company CEO Steve Jobs unveiled iPhone 4, along with a new operating system.", "product/iphone-4"),
    ("Structure-wise, iPhone 4 has a new stainless steel frame.", "product/iphone-4"),
    ("He bought an iPad 2 last week.", "product/ipad-2"),
])
def test_a_product_line_and_a_small_number_is_its_model(ents_nlp, text, product):
    assert product in mentions(ents_nlp, text)


@pytest.mark.parametrize("text", [
    "Apple sold the iPhone 4 million times.",
    "Sales of the iPhone 2 years ago were low.",
])
def test_a_number_that_counts_is_no_model(ents_nlp, text):
    got = mentions(ents_nlp, text)
    assert "product/iphone" in got and not any(k.startswith("product/iphone-") for k in got)


# --- organisation spans trimmed ---
@pytest.mark.parametrize("words, ents, trimmed", [
    (["the", "United", "Auto", "Workers", "union", "agreed"], ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O"],
     "the United Auto Workers"),
    (["Boeing", "Executive", "Vice", "President", "Scott", "Carson"], ["B-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON"],
     "Boeing"),
    (["the", "Office", "of", "the", "Chief", "Executive", "declined"], ["B-ORG"] + ["I-ORG"] * 5 + ["O"],
     "the Office of the Chief Executive"),  # no person after it: the office's own title
    (["bostontop10.com", "said"], ["B-ORG", "O"], "bostontop10.com"),
])
def test_trimmed_orgs(words, ents, trimmed):
    pos = ["NOUN" if w.islower() and w not in ("the", "of") else "PROPN" for w in words]
    doc = Doc(VOCAB, words=words, ents=ents, pos=pos)
    assert _trimmed_orgs(list(doc.ents))[0].text == trimmed


def test_an_organisation_s_common_noun_is_not_its_name(ents_nlp):
    got = mentions(ents_nlp, "He said that agreements had been reached with the United Auto Workers union, the "
                             "Canadian Auto Workers union, the GM VEBA, and a majority of the bondholders of GM.")
    assert got["organisation/united-auto-workers"] == ["the United Auto Workers"]


def test_a_person_s_titles_are_not_the_organisation_s_name(ents_nlp):
    got = mentions(ents_nlp, "When asked, Boeing Executive Vice President Scott Carson replied that Boeing was proud.")
    assert got["organisation/boeing"] == ["Boeing", "Boeing"]


# --- the model number after "its" ---
def test_its_model_number_is_the_maker_s_product(ents_nlp):
    got = mentions(ents_nlp, "Boeing has unveiled a new ultra-long range version of its 777 airliner. "
                             "The first flight of the 777 was in 1994.")
    assert got["product/boeing-777"] == ["777", "777"]


def test_its_count_is_no_product(ents_nlp):
    assert not any(k.startswith("product/") for k in mentions(ents_nlp, "Walmart said its 300 stores would close."))


# --- a known product with its nickname ---
def test_a_known_product_with_its_nickname_in_the_plural(ents_nlp):
    got = mentions(ents_nlp, "Aeroflot has negotiated the purchase of 22 new Boeing 787 Dreamliners.")
    assert got["product/boeing-787"] == ["Boeing 787 Dreamliners"]


# --- products the model calls organisations ---
@pytest.mark.parametrize("text, product, mention", [
    ("The plane is built with four Rolls-Royce Trent 900 engines.", "product/rolls-royce-trent-900",
     "Rolls-Royce Trent 900"),  # no company's name ends in a model number
    ("He said future Apple Macintosh computers will feature Intel processors.", "product/macintosh", "Apple Macintosh"),
    ("Apple limits the volume produced from its iPod portable music players.", "product/ipod", "iPod"),
    ("He announced a seamless integration of podcasting with iTunes.", "product/itunes", "iTunes"),
])
def test_products_the_model_tags_as_organisations(ents_nlp, text, product, mention):
    assert mentions(ents_nlp, text).get(product) == [mention]


def test_a_mail_code_after_a_comma_is_no_model_number():
    from graph.nlp.entities.resolver import _model_at_end

    doc = Doc(VOCAB, words=["University", "Hall", ",", "MC3310", "Rolls-Royce", "Trent", "900", "737", "-", "800"],
              spaces=[True, False, True, True, True, True, True, False, False, False])
    assert not _model_at_end(doc[0:4])
    assert _model_at_end(doc[4:7]) and _model_at_end(doc[5:10])


def test_a_known_line_s_name_and_more_is_a_product_and_its_plural_the_same(ents_nlp):
    got = mentions(ents_nlp, "Apple said it would sell the iPod Touch in stores. Sales of iPod Touches rose.")
    assert got["product/ipod-touch"] == ["the iPod Touch", "iPod Touches"]


@pytest.mark.parametrize("names, clusters", [
    ([["iPod", "Touch"], ["iPod", "Touches"]], [0, 0]),
    ([["Boeing", "787"], ["787s"]], [0, 1]),  # a model number's plural is read where the number is
    ([["iPod", "Touches"]], [0]),
    ([["Model", "S"], ["Model"]], [0, 1]),
    ([["iPhone", "3GS"], ["iPhone", "3G"]], [0, 1]),  # a model number is no plural
])
def test_cluster_products_plural(names, clusters):
    from graph.nlp.entities import aliases

    assert aliases.cluster_products(names) == clusters


# --- names cut after "of", time zones, service names ---
@pytest.mark.parametrize("words, ents, joined", [
    (["the", "Bay", "of", "Biscay", "."], ["B-LOC", "I-LOC", "I-LOC", "B-GPE", "O"], [("the Bay of Biscay", "LOC")]),
    (["Bay", "of", "Biscay"], ["B-LOC", "I-LOC", "O"], [("Bay of", "LOC")]),  # nothing after it to take
    (["Paris", "Texas"], ["B-GPE", "B-GPE"], [("Paris", "GPE"), ("Texas", "GPE")]),
])
def test_cut_at_particles(words, ents, joined):
    doc = Doc(VOCAB, words=words, ents=ents)
    assert [(s.text, s.label_) for s in _cut_at_particles(list(doc.ents))] == joined


def test_a_name_cut_after_its_of_is_whole(ents_nlp):
    got = mentions(ents_nlp, "The aircraft circled the Bay of Biscay for four hours.")
    assert got == {"place/bay-of-biscay": ["the Bay of Biscay"]}


def test_a_time_zone_is_no_entity(ents_nlp):
    got = mentions(ents_nlp, "The flight is due to arrive at 12:30 EST (16:30 UTC).")
    assert not any(k.endswith("/utc") or k.endswith("/est") for k in got)


def test_no_person_is_named_store(ents_nlp):
    got = mentions(ents_nlp, "He said that the App Store will be available within 90 days.")
    assert got == {"organisation/app-store": ["the App Store"]}


# --- a facility named after a name ---
@pytest.mark.parametrize("text, place", [
    ("The flight landed at New York's John F. Kennedy airport on Monday.", "place/john-f-kennedy"),
    ("Passengers were stranded at O'Hare airport in Chicago.", "place/o-hare"),
    ("Israel closed Ben Gurion airport to foreign travellers.", "place/ben-gurion"),
])
def test_a_name_before_a_facility_noun_is_the_facility(ents_nlp, text, place):
    assert place in mentions(ents_nlp, text)


def test_the_person_an_airport_is_named_after_stays_the_person(ents_nlp):
    got = mentions(ents_nlp, "John F. Kennedy said that the John F. Kennedy airport would close. Kennedy left.")
    assert got["person/john-f-kennedy"] == ["John F. Kennedy", "Kennedy"]
    assert got["place/john-f-kennedy"] == ["John F. Kennedy"]


def test_the_gazetteer_knows_the_uaw_alone(ents_nlp):
    assert mentions(ents_nlp, "The UAW said on Monday that its members would strike.") == {
        "organisation/united-auto-workers": ["UAW"]}
