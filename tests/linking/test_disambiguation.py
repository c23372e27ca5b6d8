"""Bare surnames resolved from the nearest preceding full mention, or left unlinked."""
from edition.linking.aliases import Alias
from edition.linking.matcher import Mention, compile_matcher, find_mentions

PEOPLE = [
    Alias("Wang Yi", "wang-yi"), Alias("Wang", "wang-yi", needs_antecedent=True),
    Alias("Wang Qishan", "wang-qishan"), Alias("Wang", "wang-qishan", needs_antecedent=True),
    Alias("Yasuo Fukuda", "yasuo"), Alias("Fukuda", "yasuo", needs_antecedent=True),
    Alias("Takeo Fukuda", "takeo"), Alias("Fukuda", "takeo", needs_antecedent=True),
    Alias("Kim Jong Un", "kim"), Alias("Kim Jong-un", "kim"),
    Alias("Kim", "kim", needs_antecedent=True),
    Alias("Li Keqiang", "li-keqiang"), Alias("Li", "li-keqiang", needs_antecedent=True),
    Alias("Li Xiaolin", "li-xiaolin"), Alias("Li", "li-xiaolin", needs_antecedent=True),
    Alias("Abe", "abe"),
]
MATCHER = compile_matcher(PEOPLE)


def resolved(blocks, **kwargs):
    return [(m.text, m.target_id) for m in find_mentions(blocks, MATCHER, **kwargs)]


def test_it_resolves_a_surname_from_a_preceding_full_mention():
    assert resolved(["Wang Yi arrived. Wang spoke."]) == [("Wang Yi", "wang-yi"), ("Wang", "wang-yi")]


def test_earlier_blocks_count():
    assert resolved(["Wang Qishan gave the order.", "Later Wang left."])[-1] == ("Wang", "wang-qishan")


def test_the_nearest_preceding_full_mention_wins():
    blocks = ["Wang Yi came; Wang talked.", "Wang Qishan ordered it. Wang smiled."]
    assert resolved(blocks) == [
        ("Wang Yi", "wang-yi"), ("Wang", "wang-yi"),
        ("Wang Qishan", "wang-qishan"), ("Wang", "wang-qishan")]


def test_a_surname_without_an_antecedent_stays_unlinked():
    assert resolved(["Wang spoke first.", "Then Wang Qishan did."]) == [("Wang Qishan", "wang-qishan")]


def test_a_later_full_mention_does_not_resolve_an_earlier_surname():
    assert ("Li", "li-xiaolin") not in resolved(["Li said so.", "Li Xiaolin agreed."])


def test_a_listed_surname_of_one_person_needs_an_antecedent():
    assert resolved(["Kim arrived."]) == []
    assert resolved(["Kim Jong-un arrived; Moon and Kim met."]) == [
        ("Kim Jong-un", "kim"), ("Kim", "kim")]


def test_a_closed_aside_yields_to_the_main_clause():
    text = ("The agreement that Hu reached with Yasuo Fukuda (the son of former prime minister "
            "Takeo Fukuda, who signed the Treaty) was a win-win.")
    later = "the 2008 agreement between Hu and Fukuda"
    note = "the Hu-Fukuda agreement"
    assert resolved([text, later, note])[-2:] == [("Fukuda", "yasuo"), ("Fukuda", "yasuo")]


def test_an_aside_antecedent_serves_inside_its_own_aside():
    text = "Yasuo Fukuda spoke (his father Takeo Fukuda, as Fukuda said, had signed it)."
    assert resolved([text])[-1] == ("Fukuda", "takeo")


def test_an_aside_antecedent_serves_when_it_is_the_only_one():
    assert resolved(["A treaty (signed under Takeo Fukuda) stands.", "Fukuda was proud."])[-1] == (
        "Fukuda", "takeo")


def test_hyphenated_compounds_resolve_each_part():
    blocks = ["Premier Li Keqiang met Abe.", "The Li-Abe quasi-summit and Li’s tour."]
    assert resolved(blocks)[2:] == [("Li", "li-keqiang"), ("Abe", "abe"), ("Li", "li-keqiang")]


def test_each_call_is_one_article():
    assert resolved(["Li Keqiang visited."])
    assert resolved(["Li said so."]) == []


def test_a_suppressed_full_mention_is_no_antecedent():
    assert resolved(["Wang Yi came. Wang spoke."], suppress={(0, 0)}) == []


def test_an_extra_full_mention_is_an_antecedent():
    extra = [Mention(0, 0, 14, "wang-qishan", "The vice pres.")]
    assert resolved(["The vice pres. said Wang agreed."], extra=extra)[-1] == ("Wang", "wang-qishan")
