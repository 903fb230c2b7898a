"""A seeded corpus with planted terms in every variant gives exact counts."""

from pathfinder.evidence.language import LanguageCheck, Lexicon

# (text, the terms it must count); filler sentences mention no lexicon word.
PLANTED = [
    ("He was an addict.", {"addict": 1}),
    ("ADDICT Addict aDdIcT", {"addict": 3}),
    ("Two addicts and three addictes.", {"addict": 2}),
    ("The addict's plan.", {"addict": 1}),
    ("drug-user, drug user, druguser, Drug-Users, drug users", {"drug user": 5}),
    ("A former addict, not an addict.", {"former addict": 1, "addict": 1}),
    ("Ex-addict and ex addict and exaddicts.", {"ex-addict": 3}),
    ("He is clean now.", {"clean": 1}),
    ("Addiction, addictive, cleaner, cleanliness, unclean, alcoholism.", {}),
    ("Clean needles, a clean needle, clean injecting equipment and clean equipment.", {}),
    ("She was clean. Clean works were given.", {"clean": 1}),
    ("Substance abuse and substance-misuse.", {"substance abuse": 1, "substance misuse": 1}),
    ("Dirty tests and a dirty-sample.", {"dirty test": 1, "dirty sample": 1}),
    ("Junkies and a junkie.", {"junkie": 2}),
    ("Alcoholics, an alcoholic.", {"alcoholic": 2}),
    ("Her drug habits.", {"drug habit": 1}),
    ("Opioid replacement therapy and MAT standards, medication-assisted treatment.", {"opioid replacement": 1}),
    ("The drug. User feedback.", {}),
    ("The person who uses drugs chose the time.", {}),
]
TRAUMA = [
    ("Trauma and TRAUMA.", {"trauma": 2}),
    ("Trauma-informed, trauma informed, traumainformed.", {"trauma-informed": 3}),
    ("Traumatic, traumatised.", {}),
    ("Safety and Stabilisation, safety and stabilization, Safety-and-Stabilisation.", {"Safety and Stabilisation": 3}),
    ("We asked what happened. What happened?", {"what happened": 2}),
    ("Choices, a choice, choicest.", {"choice": 2}),
    ("Collaboration, collaborations; strengths and a strength.", {"collaboration": 2, "strength": 2}),
    ("Safety first.", {"safety": 1}),
    ("Person-centred, person centred.", {"person-centred": 2}),
]
FILLER = "We met on Tuesday at the centre and agreed the next review together."


def expected(planted):
    totals = {}
    for _, counts in planted:
        for term, count in counts.items():
            totals[term] = totals.get(term, 0) + count
    return totals


def nonzero(counts):
    return {term: count for term, count in counts.as_dict().items() if count}


def test_it_counts_each_planted_sentence_exactly():
    check = LanguageCheck()
    for text, counts in PLANTED:
        assert nonzero(check.count(text).stigmatising) == counts, text
        assert check.count(text).trauma_informed.total == 0, text
    for text, counts in TRAUMA:
        assert nonzero(check.count(text).trauma_informed) == counts, text
        assert check.count(text).stigmatising.total == 0, text


def test_it_counts_a_whole_seeded_corpus_exactly():
    sentences = [text for text, _ in PLANTED + TRAUMA]
    documents = [f"{FILLER}\n\n{sentence}\n{FILLER}" for sentence in sentences]
    corpus = "\n\n".join(documents * 3)
    result = LanguageCheck().count(corpus)
    assert nonzero(result.stigmatising) == {term: 3 * count for term, count in expected(PLANTED).items()}
    assert nonzero(result.trauma_informed) == {term: 3 * count for term, count in expected(TRAUMA).items()}
    assert result.stigmatising.total == 3 * sum(expected(PLANTED).values())


def test_it_counts_nothing_in_documents_that_mention_no_term():
    result = LanguageCheck().count(FILLER * 50)
    assert result.stigmatising.total == 0
    assert result.trauma_informed.total == 0
    assert result.words == 13 * 50


def test_it_counts_words():
    assert LanguageCheck().count("One, two-three.\n\n  Four’s   five").words == 5
    assert LanguageCheck().count("").words == 0


def test_it_leaves_out_matches_inside_the_services_ignored_phrases():
    check = LanguageCheck(ignore=["addict the board game", "Clean Sheet"])
    result = check.count("We played Addict the Board Game. An addict. A clean sheet. He is clean.")
    assert nonzero(result.stigmatising) == {"addict": 1, "clean": 1}


def test_it_matches_ise_and_ize_spellings_of_a_term():
    lexicon = Lexicon(["stigmatise", "organisation"])
    counts = lexicon.count("Stigmatize, stigmatises, organizations and an organisation.").as_dict()
    assert counts == {"stigmatise": 2, "organisation": 2}


def test_it_does_not_flag_mat():
    assert LanguageCheck().count("MAT standards 1 to 10; the MAT team; Mat.").stigmatising.total == 0
