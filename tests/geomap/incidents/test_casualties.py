"""Casualty figures from one sentence: ACLED's lowest-figure rule, UCDP's estimates, injuries apart.

The sentences are written for these tests in the style of conflict reporting; none is quoted.
"""

from __future__ import annotations

import pytest

from geomap.incidents._casualties import VAGUE_COUNTS, Casualties, find_casualties, parse_number

N = None

# sentence, (fatalities, low, best, high, injuries)
CASES = [
    # exact figures tied to a death or injury word
    ("5 people were killed when a bus hit a mine near Kidal.", (5, 5, 5, 5, N)),
    ("Gunmen opened fire on worshippers in Owo, killing 5.", (5, 5, 5, 5, N)),
    ("Two soldiers died in the clash on the Tajik-Kyrgyz border.", (2, 2, 2, 2, N)),
    ("A soldier was killed by sniper fire in the Tavush region.", (1, 1, 1, 1, N)),
    ("A Ukrainian soldier was killed near Bakhmut.", (1, 1, 1, 1, N)),
    ("Russian shelling of Kherson killed a 63-year-old woman.", (1, 1, 1, 1, N)),
    ("The floods of violence in Ituri claimed 12 lives this week.", (12, 12, 12, 12, N)),
    ("The strike claimed the lives of 14 villagers in Sagaing.", (14, 14, 14, 14, N)),
    ("The death toll rose to 40 after rescuers searched the rubble in Aleppo.", (40, 40, 40, 40, N)),
    ("The death toll rose from 30 to 40 overnight.", (40, 40, 40, 40, N)),
    ("The toll from Saturday's bombing in Mogadishu climbed to 57, officials said.", (57, 57, 57, 57, N)),
    ("Police shot dead 3 protesters in Nairobi.", (3, 3, 3, 3, N)),
    ("Twenty-five people were killed in the attack on the market in Maiduguri.", (25, 25, 25, 25, N)),
    ("One hundred and twelve people died in the siege.", (112, 112, 112, 112, N)),
    ("A dozen villagers were killed in Djibo.", (12, 12, 12, 12, N)),
    ("The air strike killed 1,200 people over the month, the ministry said.", (1200, 1200, 1200, 1200, N)),
    ("The 2020 war killed 6,500 soldiers.", (6500, 6500, 6500, 6500, N)),
    ("Five bodies were found in a ditch outside Culiacan.", (5, 5, 5, 5, N)),
    # headline and passive forms: each rule with a sentence where it fires and one where it must not
    ("Two servicemen killed, five civilians injured as troops open fire", (2, 2, 2, 2, 5)),
    ("Roadside blast claims the life of a shepherd near Gao", (1, 1, 1, 1, N)),
    ("The life of a shepherd near Gao is hard in winter", (0, N, N, N, N)),
    ("A border guard succumbed to his wounds in hospital on Friday", (1, 1, 1, 1, N)),
    ("Three miners succumbed to injuries after the raid", (3, 3, 3, 3, N)),
    ("Three ministers succumbed to pressure and resigned", (0, N, N, N, N)),
    ("Militiaman killed by sniper near the bridge", (1, 1, 1, 1, N)),
    ("Police officer shot dead at a checkpoint", (1, 1, 1, 1, N)),
    ("Detainee dies under torture, family says", (1, 1, 1, 1, N)),
    ("Soldier kills three villagers in a bar", (3, 3, 3, 3, N)),
    ("Army officer praised for rescuing a child", (0, N, N, N, N)),
    ("Death toll rises to 66 after the market bombing", (66, 66, 66, 66, N)),
    ("184 died yesterday, including 65 children, the ministry said", (184, 184, 184, 184, N)),
    ("A mine hit a truck carrying herders, killing three of them and wounding two.", (3, 3, 3, 3, 2)),
    ("Six people died, four of them herders.", (6, 6, 6, 6, N)),
    ("Raiders entered the camp, killing two guards and burning several huts.", (2, 2, 2, 2, N)),
    ("Raiders entered the camp, killing two guards and three herders.", (5, 5, 5, 5, N)),
    ("A shell hit a minibus, killing the driver.", (1, 1, 1, 1, N)),
    ("The driver of the minibus was praised.", (0, N, N, N, N)),
    ("A crowd lynched a suspected thief at the market.", (1, 1, 1, 1, N)),
    ("A crowd chased a suspected thief at the market.", (0, N, N, N, N)),
    # bounds and vague quantities
    ("The war led to the death of over 280 people.", (280, 280, 280, N, N)),
    ("At least five people killed in the shelling of Donetsk.", (5, 5, 5, N, N)),
    ("More than 20 people were killed and about 50 wounded in Khartoum.", (20, 20, 20, N, 50)),
    ("No fewer than 10 people were killed in the ambush.", (10, 10, 10, N, N)),
    ("Up to 30 people were killed in the raid on the village.", (30, N, N, 30, N)),
    ("As many as 30 soldiers were killed, the rebels claimed.", (30, N, N, 30, N)),
    ("Several people were killed in clashes in Port-au-Prince.", (3, 3, N, N, N)),
    ("A few civilians were wounded by stray bullets.", (0, N, N, N, 3)),
    ("A number of soldiers were killed in the mortar attack.", (3, 3, N, N, N)),
    ("Dozens were injured in the stampede at the rally.", (0, N, N, N, 12)),
    ("Scores of civilians were killed in the fighting for El Geneina.", (20, 20, N, N, N)),
    ("Hundreds of people were killed in the offensive.", (100, 100, N, N, N)),
    ("Thousands were wounded during the siege.", (0, N, N, N, 1000)),
    ("Tens of thousands were killed in the war.", (10000, 10000, N, N, N)),
    ("The clashes left dozens dead and hundreds wounded.", (12, 12, N, N, 100)),
    # ranges and conflicting reports
    ("Between 10 and 15 soldiers were killed at the outpost.", (10, 10, N, 15, N)),
    ("10 to 15 soldiers were killed at the outpost.", (10, 10, N, 15, N)),
    ("10-15 killed in the raid, residents said.", (10, 10, N, 15, N)),
    ("5 or 6 people were killed at the checkpoint.", (5, 5, N, 6, N)),
    ("5 killed, according to the army; 8 according to the rebels.", (5, 5, N, 8, N)),
    ("Officials said 5 soldiers were killed while the insurgents claimed 30.", (5, 5, N, 30, N)),
    ("The army said 15 people were killed, though activists put the toll at 31.", (15, 15, N, 31, N)),
    ("At least 12 killed; up to 30, according to medics.", (12, 12, N, 30, N)),
    # deaths and injuries kept apart
    ("Azerbaijan said Armenian forces injured one of its servicemen.", (0, N, N, N, 1)),
    ("The attack killed three and wounded 12.", (3, 3, 3, 3, 12)),
    ("The blast left 5 dead and 20 injured in Quetta.", (5, 5, 5, 5, 20)),
    ("One civilian was wounded by shelling in Zaporizhzhia.", (0, N, N, N, 1)),
    ("Three soldiers were killed and two civilians wounded in Gao.", (3, 3, 3, 3, 2)),
    ("Five soldiers were killed, two seriously injured.", (5, 5, 5, 5, 2)),
    ("Two soldiers were killed and three others injured in Kunar.", (2, 2, 2, 2, 3)),
    # lists, extras and subsets
    ("Three soldiers and two civilians were killed in the blast.", (5, 5, 5, 5, N)),
    ("The shelling killed three soldiers and two civilians.", (5, 5, 5, 5, N)),
    ("The attack killed 3 soldiers, 2 police officers and 4 civilians.", (9, 9, 9, 9, N)),
    ("Two soldiers were killed on Monday and three more died on Tuesday.", (5, 5, 5, 5, N)),
    ("Five people, including two children, were killed.", (5, 5, 5, 5, N)),
    ("Israeli strikes killed 20 people, 12 of them children.", (20, 20, 20, 20, N)),
    ("Five soldiers were killed on both sides of the line of contact.", (5, 5, 5, 5, N)),
    ("Clashes left 7 soldiers from both sides dead.", (7, 7, 7, 7, N)),
    ("Fighters from 3 groups killed 5 villagers in Ituri.", (5, 5, 5, 5, N)),
    # zero, unknown and not-a-casualty numbers
    ("There were no casualties.", (0, 0, 0, 0, 0)),
    ("No one was hurt when the drone hit the depot.", (0, 0, 0, 0, 0)),
    ("There were no immediate reports of casualties.", (0, 0, 0, 0, 0)),
    ("Nobody was injured but two people were killed.", (2, 2, 2, 2, 0)),
    ("The raid killed no one, the police said.", (0, 0, 0, 0, N)),
    ("It was not immediately clear whether anyone was killed.", (0, N, N, N, N)),
    ("Soldiers were killed in the ambush.", (0, N, N, N, N)),
    ("The fighting caused casualties.", (0, N, N, N, N)),
    ("The attack caused 12 casualties.", (0, N, N, N, N)),
    ("The convoy travelled 280 km before it was hit and soldiers were killed.", (0, N, N, N, N)),
    ("During the 44-day war in 2020 soldiers were killed.", (0, N, N, N, N)),
    ("The bus was hit 12 km from the border, killing 4.", (4, 4, 4, 4, N)),
    ("He was killed in 1995.", (0, N, N, N, N)),
    ("Three of them were killed.", (0, N, N, N, N)),
    ("On 5 May 12 soldiers were killed.", (12, 12, 12, 12, N)),
    ("", (0, N, N, N, N)),
    # a figure listed with a vague or qualified one before the death word (sums)
    ("Officials said 9 police and dozens of bandits were killed.", (21, 21, N, N, N)),
    ("The ministry said 6 guards and 'about 30 attackers' died.", (36, 36, 36, 36, N)),
    ("Troops killed 8 rebels and several others fled into the hills.", (8, 8, 8, 8, N)),
    # "a family of N" counts N where a death word governs it, nothing where none does
    ("The air strike hit a house in Saada, killing a family of six.", (6, 6, 6, 6, N)),
    ("A family of six fled to Saada after the air strike.", (0, N, N, N, N)),
    # a relative named with his or her counts one beside the first victim; alone in a clause it is nobody's toll
    ("Gunmen killed a village chief and his wife near Mubi.", (2, 2, 2, 2, N)),
    ("His wife said the gunmen stole two cows.", (0, N, N, N, N)),
    # a year after its month is no count, even before a comma and an article
    ("On 4 June 2022, a herder was shot dead near Kaya.", (1, 1, 1, 1, N)),
    ("On 4 June 2022 a herder was shot dead near Kaya.", (1, 1, 1, 1, N)),
    # people listed with an article are added; a speaker after the toll is not
    ("Two gendarmes, a teacher and a child were killed in Kaya.", (4, 4, 4, 4, N)),
    ("Two gendarmes were killed in Kaya, a local official said.", (2, 2, 2, 2, N)),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] or "empty" for c in CASES])
def test_find_casualties(sentence, expected):
    c = find_casualties(sentence)
    assert (c.fatalities, c.low, c.best, c.high, c.injuries) == expected


def test_at_least_forty_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize(
    ("sentence", "phrases"),
    [
        ("Between 10 and 15 people were killed near the 280 km road.", ["Between 10 and 15 people were killed"]),
        ("The attack killed three and wounded 12.", ["killed three", "wounded 12"]),
        ("Shelling killed 3 soldiers and 2 civilians in Ras Kamboni.", ["killed 3 soldiers and 2"]),
        ("No one was hurt.", ["No one was hurt"]),
        ("Soldiers were killed.", []),
    ],
)
def test_evidence_offsets(sentence, phrases):
    c = find_casualties(sentence)
    assert [sentence[a:b] for a, b in c.evidence] == phrases


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200), ("1 200", 1200), ("12", 12), ("0", 0), ("twenty-five", 25), ("twenty five", 25),
        ("one hundred and twelve", 112), ("a hundred", 100), ("a dozen", 12), ("two dozen", 24),
        ("three thousand", 3000), ("two thousand five hundred", 2500), ("1.5 million", 1_500_000),
        ("one million two hundred thousand", 1_200_000), ("one", 1), ("Seventeen", 17),
        ("a", None), ("an", None), ("dozens", None), ("several", None), ("44-day", None), ("2.5", None),
        ("five five", None), ("hundred", None), ("twenty-twenty", None), ("", None), ("km", None),
    ],
)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_vague_counts_follow_acled_where_it_says():
    assert (VAGUE_COUNTS["tens"], VAGUE_COUNTS["dozens"], VAGUE_COUNTS["hundreds"]) == (10, 12, 100)


@pytest.mark.parametrize("bad", [None, 5, b"5 killed", ["5 killed"]])
def test_non_str_is_a_type_error(bad):
    with pytest.raises(TypeError):
        find_casualties(bad)
    with pytest.raises(TypeError):
        parse_number(bad)


def test_empty_is_empty():
    assert find_casualties("") == Casualties()
    assert find_casualties("   ") == Casualties(0, None, None, None, None, ())


def test_value_is_frozen():
    with pytest.raises(AttributeError):
        find_casualties("5 killed").fatalities = 6  # type: ignore[misc]


# Their speed (linear, under a second) is checked by benchmarks/casualty_speed.py, not here.
@pytest.mark.parametrize(
    "text",
    [
        "1," * 5000, "1 " * 5000, "111 " * 2500, "9" * 10_000, "killed " * 1500, "no " * 3300,
        "twenty-" * 1400, "a " * 5000, "one hundred and " * 700, "at least " * 1200,
        ", including" * 900, "between 1 and " * 700, "1.1" * 3300, "from 1 to " * 1000, "1-2 " * 2500,
        "three soldiers and " * 500 + "were killed",
    ],
    ids=lambda t: repr(t[:12]),
)
def test_pathological_input_is_no_figure(text):
    # Thousands of figures, ranges or number words in one "sentence" tie no figure to a death word,
    # and are no one number.
    assert len(text) >= 9000
    c = find_casualties(text)
    assert (c.fatalities, c.low, c.best, c.high, c.injuries) == (0, None, None, None, None)
    assert parse_number(text) is None


def test_a_report_repeated_thousands_of_times_keeps_its_figure():
    c = find_casualties("5 killed, " * 1000)
    assert (c.fatalities, c.low, c.best, c.high, c.injuries) == (5, 5, 5, 5, None)
    c = find_casualties("no one was hurt " * 600)
    assert (c.fatalities, c.injuries) == (0, 0)
