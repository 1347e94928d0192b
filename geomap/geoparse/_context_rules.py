"""Word lists that tell a place name from a capitalised word that names something else.

The recogniser matches every gazetteer name, and the gazetteer holds a village
called almost every English word ("Of", "Police", "Union", "March"). These lists,
written for geomap, are what it checks a match against: common words, months and
weekdays, titles and first names that start a person's name, words that make a
place name part of an organisation's, and modifiers that may precede a place
("Southern California"). All entries are lower-case name keys
(:func:`gazetteer.normalize_name` form). The functions at the end test a
word's context with them: is a common word confirmed as a place, a word in
capitals a dateline, a demonym a language's name, an acronym one the press writes.
"""

from __future__ import annotations

import re

from gazetteer.abbreviations import press_abbreviations

__all__ = [
    "CAPS_WORDS",
    "COMMON_WORDS",
    "CONNECTORS",
    "FEATURE_WORDS",
    "FIRST_NAMES",
    "LANGUAGES",
    "MODIFIERS",
    "ORG_WORDS",
    "PLACE_COMMON_WORDS",
    "PLACE_WORDS",
    "TITLES",
    "TRAILING_WORDS",
    "confirmed_place",
    "dateline_or_heading",
    "language_use",
    "press_abbreviations",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Lower-case words allowed inside a multi-word name ("Bosnia and Herzegovina", "Rio de Janeiro").
CONNECTORS = _words("of and de del da do dos das di du des la le el al upon on sur am im an der van von y en the")

_MONTHS_DAYS = """january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday
sunday mon tue tues wed thu thurs fri sat sun today tomorrow yesterday tonight christmas easter"""

# Function words and frequent English words that the gazetteer also holds as (mostly small) places.
# They are rejected whenever they stand alone; a multi-word match ("Bath Spa") is not affected.
_COMMON = """a i the of to and in is for on said was from at are has as by be it been an he not were will had but
more or we one all her up can out than no she his they this that these those there their its our your you
who what when where why how which while if so then also after before because about into over under
cases first time say them just many any city man such do most home made since well area get day week human
four make six per like still used way take off court part long energy same going hospital us don set put my
much due region came seen drug young early come deal far person law go states state level power began me
meeting town along media capital market federal see border sent industry major lead lot own son car ago low
agency top start old samples central plan care aid minister rate cow never hit yet taking too pay ever main
non seven point economy hard got led give officer gas common ill street means nine best look farmers plans
list boy age run let eastern mining am line born financial change air north co road men name job shot race
centre phone share cut real white lack turn driver strong research side big makes reach key course war
villages sale leader cars station story com win rise southern price sales carbon south effort post red
trial farms furnace force oil success train mercury limit gun act fall peace bus hope zone ten met fully
loss opportunity try northern heard exchange camps light receiving book record tell rest lives shared hand
vote village ban toll miles holiday sector mission charge council metal male possession trip brand range
send rule airport date bond sell summer die begun eat door island walk front store quarter alone camp
normal re secretary proven dog western battle hall nor lab cooling university below pool bad competition
mine sense goes fare hurricane happy pain green kill milk center base ways sex star love friend worth
winner recovery dogs art paper minor wave coast gone mid needle pre deep model export bin aim chance grant
plus jury centres rose harm raw bed downtown progress blast enter steps globe vice maximum wall buy brain
fell peak arrest purchase swan towns save none mark haven band cross mom fiscal snow eye gold hour bid
mineral powers justice popular poses section discovery shut wake spring mind champion skin river west
college ask stone pro hot surprise gang via zoo banks marine iron rains uses church park concrete page
culture carry arm rock victory add fly settlement independence rapid location tongue seem tour gets salt
bank transit guy pond academy cargo conservation ran wedding coal chair piano rain mosquito pet cat hog
ate tsunami rice till drew broke chili row east soul sees basic sit hunt van loan plenty stock
headquarters aide cast artillery sat levy magazine spoken union tree panic onset honey century brick
northeastern bar modern advance welcome singer stars unity rich finish belt lucky jackpot cash ball lay spy
delay bail era song mile paint walls spray sort leg ocean guns voters fines hunting brown southwest
junior hole bug bone toy wash bars crater spur sharp dining sad drama tie hero tells sauce egg royal
contest shape sole busy patrol friendship freedom sea communal landmark tool alter bag rail coma manage
angel tip split tank bottom reform net talent summit poll bigger labor wary settle crossing outlook
celebration warns turtle roundabout rash cell lung beach zero risen prosperity arts wines drone banana
cook visa deer dam crystal northeast bureau stall sixteen sweet circa grand tub reservoir swift servant
faith ferry slap gap brilliant passage compound apex constitution forth exhibition hire assumption cuts
planes woke glad foster humble thermal bullet hail riding dawn booth cool fan grass tone trail curry
alliance occasion contention lemon pace content shore prince ballots tea ward gala alley allege parole
parent forest meter cricket sun pound fog newborn castle fun plot nose flats corn principal slaughter sub
rid needles farmland grace mud caves rat pasta
new good great little high other next last late right left little every each both few some
only even back again here now very around against between through during without within
already another among until upon whether though although however yesterday despite
president government official officials people group company report news world public national
international general police army military minister ministry council committee party congress senate
house parliament assembly office department court union association agency service services
king queen lord lady sir saint st mount mountain lake bay port fort point cape
liberty hope providence concord harmony paradise eden mobile nice reading bath
university school hospital airport station center centre bridge tower palace square
spring summer autumn fall winter
one two three five eight ten hundred thousand million billion
sunday lincoln jackson franklin
commerce supreme chamber chambers grants wing mega god jesus christ""" + "\n" + _MONTHS_DAYS

#: Single words that are not taken as a place when they stand alone.
COMMON_WORDS = _words(_COMMON)

#: Common words that also name a well-known place: kept when the text confirms a place
#: ("Nice, France", "in Reading"), dropped otherwise.
PLACE_COMMON_WORDS = _words("nice reading bath mobile independence providence")

#: Common words that name a kind of place or a direction: a name of common words with one of them
#: ("Peace River", "Turtle Rock", "South Side") still reads as a place's; "Red Cross" does not.
PLACE_WORDS = _words("""north south east west northern southern eastern western northeast northwest southeast
southwest northeastern northwestern southeastern southwestern central mid downtown side city town towns
village villages area region state states zone border coast shore beach sea ocean island lake pond bay port
fort point cape mount mountain river rock forest park flats caves crater reservoir dam spring""")

#: Words that, written just before a name, make it a person's name.
TITLES = _words("""mr mrs ms miss dr prof president vice minister premier chancellor senator sen rep
representative gov governor mayor gen general col colonel lt capt captain sgt sergeant adm admiral judge
justice secretary ambassador king queen prince princess lord lady sir dame pope bishop rev father
sheikh emir sultan ayatollah chairman ceo director spokesman spokeswoman coach commissioner
chief officer detective constable councillor councilman councilwoman mp mep pm st saint""")

#: First names common in news: a place name right after one is a surname ("Hillary Clinton").
FIRST_NAMES = _words("""john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony antony donald mark paul steven steve andrew kenneth joshua kevin brian george edward
ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon
benjamin samuel frank gregory raymond alexander patrick jack dennis jerry tyler aaron jose henry adam
douglas nathan peter zachary kyle walter harold jeremy ethan carl keith roger gerald christian terry
sean arthur austin noah lawrence jesse joe bryan billy jordan albert dylan bruce willie gabriel alan
juan logan wayne ralph roy eugene louis philip bobby johnny bill hillary barack joe kamala nancy
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia
judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
charlotte rose alexis kayla theresa boris vladimir sergei sergey dmitry dmitri mikhail ivan nikolai
nikol ilham ararat washington recep tayyip emmanuel angela xi li vladimir volodymyr petro viktor yulia
mohammed muhammad mohammad ahmed ali hassan hussein omar abdul abu bashar hamid rahul narendra
shinzo kim moon jacinda justin theresa boris jeremy tony gordon david nicola tom ted rand marco
jeb ben bernie elizabeth chuck mitch kevin newt rudy rick ron greg jim tim dan sam max leo luis
carlos pedro miguel juan antonio manuel francisco jorge alejandro ricardo fernando sergio andres
jean pierre francois marine nicolas emmanuel angela helmut gerhard olaf wolfgang hans klaus jurgen
giuseppe mario matteo silvio paolo marco recep ahmet mehmet mustafa bulent kemal
adrian martin stuart taylor rod dave chris mike nick matt rob bob jon ken pat phil ray wes craig neil ian
colin graham nigel trevor derek liam owen gareth declan conor harry charlie simon rupert hugh julian
marcus luke lucas isaac oscar felix hugo xavier glenn dean drew dale ross eva ava penelope isabel lucia
paula rosa sofia elena irina olga tatiana natalia svetlana yuri oleg igor alexei andrei pavel yusuf
ibrahim khalid tariq faisal imran hamza javier diego pablo rafael raul enrique eduardo felipe hector
ignacio jaime lorenzo mateo tomas paris brooklyn sydney""")

#: Words that, written right after a place name, make the two an organisation's or an event's name;
#: the place name is still a (non-literal) mention of the place.
ORG_WORDS = _words("""times post news herald tribune journal gazette telegraph daily globe star mail press
chronicle observer guardian standard examiner courier sun record review today weekly magazine
university college school institute academy hospital clinic airport airlines airways railway tech
police council government ministry department assembly parliament congress senate court
fc united city rovers wanderers athletic athletics club team rangers football racing boys
limited commission management partnership guard ambulance water wastewater extension borough
republicans democrats republican democrat
bank exchange stock corporation company group holdings inc ltd plc co corp
museum zoo theatre theater symphony orchestra opera cathedral church mosque temple
stadium arena center centre hotel park mall square street road avenue boulevard bridge
international national regional federal
convention conference summit forum agreement accord treaty protocol declaration
marathon games olympics open cup championship derby festival fair expo show
state county province district region valley river lake bay island islands mountains""")

#: Generic feature words that may follow a name ("the Zangilan region", "Orange County").
FEATURE_WORDS = _words("""region district province county state city town village oblast governorate
prefecture municipality area territory republic""")

#: Words that may stand before a place name without making it something else.
MODIFIERS = _words("""north south east west northern southern eastern western central upper lower greater
northeast northwest southeast southwest northeastern northwestern southeastern southwestern mid
inner outer metro metropolitan downtown rural coastal new old the in at from to for of and near across
into outside inside throughout around via across between across by on""")

#: Demonyms that are also the names of languages: "in English" names no place.
LANGUAGES = _words("""english french spanish german arabic chinese mandarin cantonese russian italian portuguese
japanese korean hindi urdu persian farsi turkish greek hebrew dutch swedish polish ukrainian armenian
azerbaijani georgian kurdish bengali punjabi tamil thai vietnamese indonesian malay swahili irish welsh
scottish catalan basque czech hungarian romanian serbian croatian bulgarian danish norwegian finnish""")

#: Short words in capitals that are acronyms or shouting, not abbreviations of places.
CAPS_WORDS = _words("""a i it or me in on at to no so do go be we he an am as by of up if is my oh ok hi
ad tv pc id pm ceo cfo fbi cia nsa nhs bbc cnn abc cbs nbc fox ap afp epa un who imf wto nato opec eta
gdp ngo ngos mp mps dj dna rna hiv aids atm usb faq pdf ltd inc plc llc psa ftc fda cdc sec doj dod
mit ucla nyu lse dui suv vip mvp nfl nba nhl mlb fifa uefa ufc wwe bjp anc ira isis isil pkk ypg sdf
pm am bc ad ce bce tbc rip lol omg ps via vs etc""")

#: Names of things that are no places although some town carries them: climate phases, a news agency
#: (Xinhua is also many Chinese towns), a party (Liberal, Kansas), the Games' adjective.
NOT_PLACES = frozenset({"el nino", "la nina", "xinhua", "liberal", "olympic"})
NOT_PLACE_ENDS = frozenset(k.rsplit(" ", 1)[-1] for k in NOT_PLACES)


def not_a_place(before_and_name: str) -> bool:
    """Whether a name ends one of :data:`NOT_PLACES` in the text up to its end ("La Niña").

    Examples
    --------
    >>> not_a_place("A strong La Niña"), not_a_place("in Nina")
    (True, False)
    """
    from gazetteer.normalize import normalize_name

    return normalize_name(" ".join(before_and_name.split()[-2:])) in NOT_PLACES

#: Lower-case words that end some gazetteer names ("Lachin corridor", "Armenia-Azerbaijan border").
TRAILING_WORDS = _words("""corridor region district province county oblast governorate border valley river
mountains peninsula strait gulf sea island islands""")


# --------------------------------------------------------------------------- tests of context

_DATELINE_TOWN_BEFORE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Z.'’ -]*[A-Z.],[ \t]*$")
_DATELINE_AFTER = re.compile(r"[ \t]*(?:\(|--|[-–—](?:[ \t]|$))")


def state_in_dateline(text: str, start: int, end: int) -> bool:
    """Whether a word stands where a dateline writes its town's state: "EDMONTON, Ky (WBKO) --".

    Datelines sometimes drop the dot of a state's abbreviation; there, after a town in
    capitals and a comma and before the agency or the dash, "Ky" is Kentucky.

    Examples
    --------
    >>> state_in_dateline("EDMONTON, Ky (WBKO) -- A fire", 10, 12)
    True
    >>> state_in_dateline("Talks with Ky (a rebel) failed.", 11, 13)
    False
    """
    return (_DATELINE_TOWN_BEFORE.search(text, max(0, start - 60), start) is not None
            and _DATELINE_AFTER.match(text, end) is not None)


def dateline_or_heading(text: str, start: int, end: int) -> bool:
    """Whether a word in capitals at ``text[start:end]`` opens a dateline or stands in a heading.

    Examples
    --------
    >>> dateline_or_heading("MANILA, Philippines - Rain.", 0, 6)
    True
    >>> dateline_or_heading("NATO allies met.", 0, 4)
    False
    >>> dateline_or_heading("LONDON The Latest on the talks", 0, 6)
    True
    >>> dateline_or_heading("BEIJING --At least 141 people", 0, 7), dateline_or_heading("MINSK-based firms grew fast.", 0, 5)
    (True, False)
    """
    if _DATELINE.match(text, end):
        return True
    # "LONDON The Latest ...": a dateline that lost its punctuation, opening a line.
    if end - start >= 4 and not text[text.rfind("\n", 0, start) + 1:start].strip() and _LINE_OPENER.match(text, end):
        return True
    # A heading is a short line in capitals; look at the words around only, as a paragraph may be one line.
    lo = max(text.rfind("\n", 0, start) + 1, start - 60)
    hi = text.find("\n", end, end + 60)
    window = text[lo:hi if hi >= 0 else min(len(text), end + 60)]
    letters = [c for c in window if c.isalpha()]
    return sum(c.isupper() for c in letters) >= 0.7 * len(letters)


_DATELINE = re.compile(r"\s*(?:,|\(|[-–—]\s|--|[–—])")
_LINE_OPENER = re.compile(r" [A-Z][a-z]")
_LANGUAGE_BEFORE = re.compile(
    r"\b(?:in|into|from|speak|speaks|spoke|speaking|learn|learning|learned|teach|teaching|fluent|translated)\s+$",
    re.IGNORECASE)
# "Arabic and English": a language named next to another.
_LANGUAGE_PAIR = re.compile(r"\b(\w+)\s+(?:and|or|plus)\s+$", re.IGNORECASE)
_LANGUAGE_AFTER = re.compile(
    r"(?:\s*-?\s*(?:language|languages|speaking|speaker|speakers|speak|translation|translations|version|"
    r"subtitles|word|words|name|names|lessons|classes|teacher|teachers|literature|grammar)\b|"
    r"\s+(?:is|was|will|has|as)\b)", re.IGNORECASE)


def language_use(text: str, start: int, end: int, word: str) -> bool:
    """Whether a demonym that is also a language's name ("English", "French") names the language here.

    Examples
    --------
    >>> language_use("It means battery in English.", 20, 27, "English")
    True
    >>> language_use("English football fans", 0, 7, "English")
    False
    """
    if word.lower() not in LANGUAGES:
        return False
    before = text[max(0, start - 24):start]
    pair = _LANGUAGE_PAIR.search(before)
    return bool(_LANGUAGE_BEFORE.search(before) or _LANGUAGE_AFTER.match(text, end)
                or (pair and pair.group(1).lower() in LANGUAGES))


_CONFIRM_BEFORE = re.compile(r"\b(?:in|at|from|near|to|of)\s+$")
_CONFIRM_AFTER = re.compile(r"^,\s+[A-Z]")


def confirmed_place(text: str, start: int, end: int) -> bool:
    """Whether a common word that names a well-known place reads as the place here.

    Examples
    --------
    >>> confirmed_place("They met in Nice.", 12, 16), confirmed_place("Nice work.", 0, 4)
    (True, False)
    """
    return bool(_CONFIRM_BEFORE.search(text[max(0, start - 8):start]) or _CONFIRM_AFTER.match(text[end:end + 4]))


# "CAMP MURRAY, Wash.": a name and a comma before the state (the name captured to check it).
_AFTER_A_NAME = re.compile(r"\b([A-Z][\w'’.-]*),[ \t]*$")
# "offices in Pa.", "Sen. Bob Casey, D-Pa.", "Calif., Wash. and Ore.": other places a state stands.
_STATE_BEFORE = re.compile(r"(?:\b(?:in|near|from|of|outside)\s+|\b[DRI]-)$")
_STATE_LISTED = re.compile(r"\b([A-Z][a-z]{1,4})\.,?\s+(?:(?:and|or)\s+)?$")
# "Ark. Gov. Sarah Huckabee Sanders", "a Pa.-based firm".
_STATE_AFTER = re.compile(r"(?:\s+Gov\.|-based\b)")
# Words before a comma that make the next word an address, not a state: "Thanks, Pa.", "Yes, Ma."
_ADDRESSING = frozenset("thanks thank yes no well oh okay ok hi hello sorry please goodbye bye dear".split())
# Press abbreviations of states that are also English words: "He attended Mass.", "said Pa.".
WORD_ABBREVIATIONS = frozenset("act ark car hi id ill in ma man mass me miss oh ok on or ore pa wash".split())


def written_as_state(text: str, start: int, end: int) -> bool:
    """Whether the abbreviation at ``text[start:end]`` stands where a state does.

    After its town ("CAMP MURRAY, Wash."), after "in", as a party tag ("D-Pa."), in a
    list of abbreviated states ("Calif., Wash. and Ore.") or before "Gov." / "-based".
    "He attended Mass.", "said Pa." and "Thanks, Pa." are no state; nor is a first name
    and a comma before it ("John, Ill.").

    Examples
    --------
    >>> written_as_state("CAMP MURRAY, Wash. - Lt. Col.", 13, 18), written_as_state("He attended Mass.", 12, 17)
    (True, False)
    >>> written_as_state("Sen. Bob Casey, D-Pa., said", 18, 21), written_as_state("Thanks, Pa. See you.", 8, 11)
    (True, False)
    """
    window = max(0, start - 40)
    named = _AFTER_A_NAME.search(text, window, start)
    if named is not None:
        word = named.group(1).lower()
        return word not in _ADDRESSING and word not in FIRST_NAMES
    listed = _STATE_LISTED.search(text, window, start)
    if listed is not None and listed.group(1).lower() not in TITLES:
        return True  # "Calif., Wash. and Ore.", but not "Dr. Ma."
    return _STATE_BEFORE.search(text, window, start) is not None or _STATE_AFTER.match(text, end) is not None


# "Johnson said", "said Noma.", "Bryant tweeted": a one-word name that speaks is a person, unless a
# prominent place speaks for its government ("Moscow said", which resolution lets through).
_SPEECH = (r"(?:said|says|told|tweeted|wrote|writes|added|adds|explained|noted|asked|replied|recalled|"
           r"insisted|argued|acknowledged|admitted|claimed|stated|testified|posted)")
_SPEAKS_AFTER = re.compile(r"(?:,\s*)?\s+" + _SPEECH + r"\b")
_SPOKEN_BEFORE = re.compile(r"\b" + _SPEECH + r",?\s+$")
_PLACED_BEFORE = re.compile(r"\b(?:in|at|near|from|of|to|into|outside|across|around)\s+$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[’'s]*\s*(?:[.,;:!?\"”)]|$)")


def speaker(text: str, start: int, end: int) -> bool:
    """Whether a one-word name is the speaker of a quotation: "X said" or "said X." at a clause end.

    Examples
    --------
    >>> speaker("Cuts are coming, Johnson said.", 17, 24), speaker("“No,” said Noma.", 11, 15)
    (True, True)
    >>> speaker("Moscow police said.", 0, 6), speaker("He said Paris is calm.", 8, 13)
    (False, False)
    >>> speaker("He owns horses in Riverdale, says he.", 18, 27)
    False
    """
    if _PLACED_BEFORE.search(text[max(0, start - 8):start]):
        return False  # "owns horses in Riverdale, says he", "from Dewsbury said"
    if _SPEAKS_AFTER.match(text, end):
        return True
    return bool(_SPOKEN_BEFORE.search(text[max(0, start - 12):start])) and bool(_SENTENCE_END.match(text, end))
