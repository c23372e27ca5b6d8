"""The pure scorer: evidence of each kind raises the score; ranking, threshold, quote, limits."""
from datetime import date

from edition.linking.suggest import MAX_PER_BLOCK, THRESHOLD, CandidateEvent, EventIndex, score_block, suggest
from edition.linking.suggest_text import key_phrases

ARTICLE = date(2018, 10, 27)


def event(id, name, day, precision="day", description="", **kw):
    return CandidateEvent(id=id, name=name, date=day, precision=precision,
                          key_phrases=key_phrases(name, description), **kw)


ABE_VISIT = event("abe-visit", "Shinzo Abe's official visit to China", date(2018, 10, 25), date_end=date(2018, 10, 27),
                  place="beijing", participants=frozenset({"shinzo-abe", "xi-jinping"}))
PENCE = event("pence-speech", "Mike Pence's speech on China policy", date(2018, 10, 4), place="washington",
              participants=frozenset({"mike-pence"}))
TREATY = event("treaty-1978", "Signing of the Treaty of Peace and Friendship", date(1978, 8, 12),
               participants=frozenset({"treaty"}))
TARIFFS = event("tariffs", "US tariffs on steel and aluminium", date(2018, 3, 8), participants=frozenset({"trump"}))
FILLER = [event(f"other-{i}", f"Other matter {i}", date(2000 + i, 1, 1), "year") for i in range(10)]
EVENTS = [ABE_VISIT, PENCE, TREATY, TARIFFS, *FILLER]


def scores(text, mentions=frozenset(), before=frozenset(), events=EVENTS, article=ARTICLE):
    found = score_block(text, 1, article, frozenset(mentions), frozenset(before), EventIndex(events))
    return {s.event_id: s.score for s in found}


def test_a_fitting_date_raises_the_score():
    plain = scores("Abe arrived in the capital.")
    dated = scores("Abe arrived in the capital on Friday.")
    assert dated["abe-visit"] > plain.get("abe-visit", 0)


def test_a_date_at_month_precision_fits_a_day_event_in_that_month():
    assert scores("Earlier this month, the vice president spoke.").get("pence-speech", 0) > 0


def test_a_year_that_excludes_the_event_marks_it_down():
    same = scores("The steel and aluminium tariffs of 2018 hurt.")["tariffs"]
    other = scores("The steel and aluminium tariffs of 2016 hurt.")["tariffs"]
    assert other < same


def test_participants_mentioned_in_the_block_raise_the_score():
    without = scores("The visit went well.")["abe-visit"]
    with_both = scores("The visit went well.", {"shinzo-abe", "xi-jinping"})["abe-visit"]
    assert with_both > without


def test_participants_in_the_block_before_count_less_than_in_the_block():
    here = scores("The visit went well.", {"shinzo-abe"})["abe-visit"]
    before = scores("The visit went well.", before={"shinzo-abe"})["abe-visit"]
    assert scores("The visit went well.")["abe-visit"] < before < here


def test_the_place_mentioned_raises_the_score():
    assert scores("The visit went well.", {"beijing"})["abe-visit"] > scores("The visit went well.")["abe-visit"]


def test_key_phrases_and_the_name_raise_the_score():
    weak = scores("They signed it.").get("treaty-1978", 0)
    strong = scores("The Treaty of Peace and Friendship was signed in Beijing.")["treaty-1978"]
    assert strong > weak


def test_a_spelling_variant_of_the_name_still_matches():
    index = EventIndex(EVENTS)
    found = score_block("The U.S. tariffs on steel and aluminum angered Tokyo.", 1, ARTICLE, frozenset(), frozenset(), index)
    reasons = next(s.reasons for s in found if s.event_id == "tariffs")
    assert any(r.startswith("name: US tariffs on steel and aluminium") for r in reasons)


def test_scores_are_between_zero_and_one():
    text = "Abe's official visit to China on Friday, with Xi in Beijing, was a summit."
    found = scores(text, {"shinzo-abe", "xi-jinping", "beijing"})
    assert found and all(0 <= s <= 1 for s in found.values())
    assert found["abe-visit"] > THRESHOLD


def test_suggestions_are_ranked_best_first_within_a_block():
    blocks = ["Abe's official visit to China on Friday followed Mike Pence's speech on China policy this month."]
    found = suggest(blocks, ARTICLE, [frozenset({"shinzo-abe", "xi-jinping", "mike-pence"})], EVENTS, threshold=0.0)
    assert [s.score for s in found] == sorted((s.score for s in found), reverse=True)


def test_the_threshold_drops_weak_suggestions():
    blocks = ["The visit went well."]
    everything = suggest(blocks, ARTICLE, [frozenset()], EVENTS, threshold=0.0)
    kept = suggest(blocks, ARTICLE, [frozenset()], EVENTS, threshold=0.99)
    assert everything and not kept


def test_the_quote_is_the_best_sentence_verbatim():
    text = "Trade was slow. Abe's official visit to China  ended on Friday. Nobody noticed."
    found = suggest([text], ARTICLE, [frozenset({"shinzo-abe"})], EVENTS)
    best = next(s for s in found if s.event_id == "abe-visit")
    assert best.quote == "Abe's official visit to China  ended on Friday." and best.quote in text
    assert best.block == 1 and best.reasons


def test_blocks_are_numbered_from_one():
    found = suggest(["Nothing here.", "Abe's official visit to China ended on Friday."], ARTICLE,
                    [frozenset(), frozenset({"shinzo-abe"})], EVENTS)
    assert {s.block for s in found} == {2}


def test_no_more_than_the_limit_per_block():
    many = [event(f"visit-{i}", f"Official visit number {i}", date(2018, 10, 26)) for i in range(MAX_PER_BLOCK + 3)]
    found = suggest(["The official visit on Friday."], ARTICLE, [frozenset()], many, threshold=0.0)
    assert len(found) == MAX_PER_BLOCK


def test_an_article_without_a_date_still_gets_suggestions_from_words():
    found = suggest(["The Treaty of Peace and Friendship was signed in 1978."], None, [frozenset({"treaty"})], EVENTS)
    assert [s.event_id for s in found] == ["treaty-1978"]


def test_a_passage_with_no_evidence_gets_nothing():
    assert suggest(["The weather was fine."], ARTICLE, [frozenset()], EVENTS, threshold=0.0) == []
