"""Hand-built extraction records of two short articles that share entities, so that the RDF layer
is tested on exactly known input, independently of the NLP stages."""
from __future__ import annotations

import datetime as dt

from graph.records import Document, Entity, Event, Extraction, Mention, Participant, TextSpan, Timex

TEXT_A = ("Russia said it would reduce military activity near Kyiv after talks in Istanbul on Tuesday. "
          'Volodymyr Zelenskyy said he did not "see any basis for trusting" <Moscow>.')
TEXT_B = "Zelenskyy met Putin's envoy in Istanbul on 1 April 2022."


def span(text: str, needle: str, cls: type = TextSpan, nth: int = 0, **kw) -> TextSpan:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return cls(start, start + len(needle), needle, **kw)


def sentence_of(text: str, needle: str) -> tuple[str, int]:
    """The sentence (up to and including its full stop) containing ``needle``."""
    at = text.index(needle)
    start = text.rfind(". ", 0, at) + 2 if text.rfind(". ", 0, at) >= 0 else 0
    end = text.index(".", at) + 1
    return text[start:end], start


def extraction_a() -> Extraction:
    t = TEXT_A
    doc = Document("doc-a", t, dt.date(2022, 3, 30), title='Talks "resume" <today>',
                   url="https://example.org/a?x=1&y=2")
    russia = Entity("country/russia", "Russia", "country", "GPE",
                    [span(t, "Russia", Mention), span(t, "Moscow", Mention, resolved_as="country/russia")],
                    aliases=["Moscow"], links={"geonames": "https://sws.geonames.org/2017370/", "iso3166": "RU"},
                    lat=61.52401, lon=105.318756)
    kyiv = Entity("city/kyiv", "Kyiv", "city", "GPE", [span(t, "Kyiv", Mention)],
                  links={"geonames": "https://sws.geonames.org/703448/"}, lat=50.45466, lon=30.5238)
    istanbul = Entity("city/istanbul", "Istanbul", "city", "GPE", [span(t, "Istanbul", Mention)])
    zel = Entity("person/volodymyr zelenskyy", "Volodymyr Zelenskyy", "person", "PERSON",
                 [span(t, "Volodymyr Zelenskyy", Mention)])
    tuesday = span(t, "on Tuesday")
    timex = Timex(tuesday.start, tuesday.end, tuesday.text, "DATE", "2022-03-29",
                  begin="2022-03-29", until="2022-03-30")
    s1, s1_start = sentence_of(t, "reduce")
    s2, s2_start = sentence_of(t, "trusting")
    events = [
        Event("ev-a-reduce", span(t, "reduce"), "RETREAT", "2022-03-29", s1,
              [Participant("country/russia", "actor"), Participant("city/kyiv", "place")],
              label="reduce (russia, kyiv)", anchor="explicit", begin="2022-03-29", until="2022-03-30",
              modality="reported", source="country/russia", sentence_start=s1_start, confidence=0.8),
        Event("ev-a-talks", span(t, "talks"), "CONSULT", "2022-03-29", s1,
              [Participant("city/istanbul", "place")], label="talks (istanbul)", anchor="explicit",
              begin="2022-03-29", until="2022-03-30", sentence_start=s1_start, confidence=0.7),
        Event("ev-a-trust", span(t, "trusting"), "REJECT", "PRESENT_REF", s2,
              [Participant("person/volodymyr zelenskyy", "actor"), Participant("country/russia", "target")],
              label="trust (volodymyr zelenskyy, russia)", anchor="dct", begin="2022-03-30",
              until="2022-03-31", modality="negated", polarity="negative",
              source="person/volodymyr zelenskyy", sentence_start=s2_start, confidence=0.6),
    ]
    return Extraction(doc, [russia, kyiv, istanbul, zel], [timex], events, {"credits": ["AP"]})


def extraction_b() -> Extraction:
    t = TEXT_B
    doc = Document("doc-b", t, dt.date(2022, 4, 2))
    zel = Entity("person/volodymyr zelenskyy", "Volodymyr Zelenskyy", "person", "PERSON",
                 [span(t, "Zelenskyy", Mention)], aliases=["Zelenskyy"])
    putin = Entity("person/putin", "Putin", "person", "PERSON", [span(t, "Putin", Mention)])
    istanbul = Entity("city/istanbul", "Istanbul", "city", "GPE", [span(t, "Istanbul", Mention)])
    when = span(t, "1 April 2022")
    timex = Timex(when.start, when.end, when.text, "DATE", "2022-04-01", begin="2022-04-01", until="2022-04-02")
    events = [
        Event("ev-b-met", span(t, "met"), "CONSULT", "2022-04-01", t,
              [Participant("person/volodymyr zelenskyy", "actor"), Participant("person/putin", "target"),
               Participant("city/istanbul", "place")],
              label="meet (volodymyr zelenskyy, putin)", anchor="explicit", begin="2022-04-01",
              until="2022-04-02", sentence_start=0, confidence=0.9),
    ]
    return Extraction(doc, [zel, putin, istanbul], [timex], events)
