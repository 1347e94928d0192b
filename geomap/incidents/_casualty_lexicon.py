"""The casualty lexicon: the words that tie a figure to deaths or injuries, and those that do not.

:mod:`geomap.incidents._casualties` reads a sentence as lower-case tokens and looks
them up here: words right of a figure that say what it counts ("5 *killed*"),
words left of it that govern it ("*killing* 5", "the *death* of 280"), qualifiers
("at least", "up to"), units and months that make a figure no count of people,
person nouns that let "a" count one, and the words that mark subsets, reports
and negations. See that module's docstring for the coding rules.
"""

from __future__ import annotations

#: What a vague quantity counts as (see the module docstring for why).
VAGUE_COUNTS: dict[str, int] = {
    "a few": 3, "a number of": 3, "several": 3, "many": 3, "multiple": 3, "numerous": 3,
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
    "tens of thousands": 10_000, "hundreds of thousands": 100_000,
}

# --- the casualty lexicon -----------------------------------------------------------------
_D, _I = "death", "injury"
# A word after the figure that says what it counts ("5 killed", "12 lives").
_RIGHT = {
    **dict.fromkeys("killed dead died die dies deaths death lives fatalities bodies corpses perished slain "
                    "murdered executed massacred slaughtered beheaded assassinated lynched".split(), _D),
    **dict.fromkeys("injured wounded hurt injuries hospitalised hospitalized".split(), _I),
}
# A word before the figure that governs it ("killing 5", "wounded 12", "the death of 280").
_LEFT = {
    **dict.fromkeys("killed killing kills kill dead murdered murdering executed executing massacred lynched "
                    "massacring slaughtered beheaded".split(), _D),
    **dict.fromkeys("wounded wounding wounds injured injuring injures hurt hurting".split(), _I),
}
_OF_NOUNS = {"death": _D, "deaths": _D, "lives": _D, "bodies": _D}  # only as "the death of N"
# "the life of N" counts a death only after a verb that takes it ("claims the life of a farmer").
_TAKE_LIFE = frozenset("claim claims claimed claiming take takes took taking cost costs costing".split())
# "succumbed to (his) wounds": a death, but only with the wound word ("succumbed to pressure" is none).
_SUCCUMB = frozenset("succumbed succumbs succumb".split())
_WOUNDS = frozenset("wounds wound injuries injury".split())
# Words the left scan may pass between a governor and its figure ("toll rose to", "deaths of").
_LEFT_SKIP = frozenset("the of a an to at reportedly rose risen climbed increased jumped reached hit stood stands "
                       "now has have had is was put puts putting exceeded surpassed topped passed total "
                       "another further additional family".split())   # "killing a family of five"
_QUALIFIERS: tuple[tuple[tuple[str, ...], str], ...] = tuple(sorted((
    (tuple(p.split()), kind) for kind, phrases in {
        "lower": ["at least", "more than", "over", "upwards of", "in excess of", "no fewer than",
                  "no less than", "not less than", "a minimum of", "well over"],
        "upper": ["up to", "as many as", "at most", "fewer than", "less than", "no more than"],
        "approx": ["about", "around", "nearly", "almost", "approximately", "roughly", "some", "an estimated",
                   "close to", "estimated", "a total of", "just over", "just under"],
    }.items() for p in phrases), key=lambda q: -len(q[0])))
_BOUNDARY = frozenset(list(",;:.!?()[]\"\u201c\u201d\u2014\u2013") + ["--"])
_CONJ = frozenset("and or but while whereas as after before when where because since although though "
                  "than if whether including".split())
# Verbs that start another clause: a figure before them counts the actors, not the dead.
_STOP_VERBS = frozenset("attacked stormed opened fired shelled struck raided ambushed seized captured abducted "
                        "kidnapped arrested detained clashed said says told reported launched targeted burned "
                        "torched destroyed fled gathered marched protested blocked detonated exploded sentenced "
                        "killing wounding injuring kills".split())
_UNITS = frozenset("km kms kilometres kilometers kilometre kilometer miles mile metres meters metre meter m kg "
                   "tons tonnes percent % per hours hour days day minutes minute years year months month weeks "
                   "week am pm a.m p.m o'clock gmt times rounds shells rockets missiles drones".split())
_MONTHS = frozenset("january february march april may june july august september october november december "
                    "jan feb mar apr jun jul aug sep sept oct nov dec".split())
_YEAR_CUES = frozenset("in since until till during from by year of early late mid the".split())
_PERSONS = frozenset("soldier serviceman servicewoman civilian man woman child boy girl person policeman "
                     "policewoman officer journalist reporter photographer worker farmer resident villager "
                     "fighter militant rebel protester demonstrator student teenager guard commander member "
                     "shepherd herder driver doctor nurse teacher gunman attacker militiaman trooper sergeant "
                     "pilot employee bystander passer-by passerby infant baby youth official priest imam "
                     "volunteer medic paramedic contractor peacekeeper gendarme conscript detainee prisoner "
                     "hostage inmate activist militiaman thief suspect chairman commissioner chief mayor "
                     "governor councillor councilor lawmaker son daughter wife husband brother sister father "
                     "mother".split())
# Words that may open a headline's bare singular ("Police officer shot dead").
_PERSON_MODIFIERS = frozenset("police army military security local young elderly female male off-duty".split())
_ASIDES = frozenset("including among mostly mainly most all many both".split())
_SUBSET_BEFORE = frozenset("including among incl".split())
_SUBSET_OF = frozenset("them whom those which".split())
_VICTIMS = frozenset("dead killed injured wounded victims casualties deceased fatalities".split())
_REPORTING = frozenset("according per said says say claimed claims reported estimated sources officials".split())
_RISE = frozenset("rose risen climbed increased jumped grew went".split())
_ZERO_WORDS = {**dict.fromkeys("killed dead died deaths fatalities lives".split(), _D),
               **dict.fromkeys("injured wounded hurt injuries".split(), _I),
               "casualties": "both", "harmed": "both", "victims": "both"}
# "no fewer than 10", "did not say how many": a negation that does not mean zero.
_ZERO_BLOCK = frozenset("fewer less more than whether if how many much say said confirm clear known disclose "
                        "only just".split())
_VAGUE_BY_FIRST: dict[str, list[tuple[tuple[str, ...], int]]] = {}
for _k, _v in sorted(VAGUE_COUNTS.items(), key=lambda kv: -len(kv[0].split())):
    _VAGUE_BY_FIRST.setdefault(_k.split()[0], []).append((tuple(_k.split()), _v))
# Qualifiers are found looking back from a figure, so they are indexed by their last word.
_QUAL_BY_LAST: dict[str, list[tuple[tuple[str, ...], str]]] = {}
for _q in _QUALIFIERS:
    _QUAL_BY_LAST.setdefault(_q[0][-1], []).append(_q)
