"""Demonyms and adjectives of countries and regions, with the place each points to.

Written for geomap from common English usage. Each line is
``ISO2 | place name | adjective, plural, ...``; the ISO code is empty for
regions that are no country. The recogniser turns these words into country
cues for resolution, and into toponyms of their own where the corpus being
scored counts them (GeoWebNews, TR-News).
"""

from __future__ import annotations

__all__ = ["DEMONYMS", "Demonym", "demonym"]

from typing import NamedTuple


class Demonym(NamedTuple):
    """What a demonym points to: ``iso2`` (``""`` for a region) and the place's name."""

    iso2: str
    place: str


_TABLE = """
AF|Afghanistan|Afghan,Afghans,Afghani
AL|Albania|Albanian,Albanians
DZ|Algeria|Algerian,Algerians
AD|Andorra|Andorran
AO|Angola|Angolan,Angolans
AG|Antigua and Barbuda|Antiguan
AR|Argentina|Argentine,Argentinian,Argentinean,Argentines,Argentinians
AM|Armenia|Armenian,Armenians
AU|Australia|Australian,Australians,Aussie,Aussies
AT|Austria|Austrian,Austrians
AZ|Azerbaijan|Azerbaijani,Azerbaijanis,Azeri,Azeris
BS|Bahamas|Bahamian,Bahamians
BH|Bahrain|Bahraini,Bahrainis
BD|Bangladesh|Bangladeshi,Bangladeshis
BB|Barbados|Barbadian,Bajan
BY|Belarus|Belarusian,Belarussian,Belarusians
BE|Belgium|Belgian,Belgians
BZ|Belize|Belizean
BJ|Benin|Beninese
BT|Bhutan|Bhutanese
BO|Bolivia|Bolivian,Bolivians
BA|Bosnia and Herzegovina|Bosnian,Bosnians
BW|Botswana|Botswanan,Motswana,Batswana
BR|Brazil|Brazilian,Brazilians
BN|Brunei|Bruneian
BG|Bulgaria|Bulgarian,Bulgarians
BF|Burkina Faso|Burkinabe
BI|Burundi|Burundian,Burundians
KH|Cambodia|Cambodian,Cambodians
CM|Cameroon|Cameroonian,Cameroonians
CA|Canada|Canadian,Canadians
CV|Cabo Verde|Cape Verdean
CF|Central African Republic|Central African
TD|Chad|Chadian,Chadians
CL|Chile|Chilean,Chileans
CN|China|Chinese
CO|Colombia|Colombian,Colombians
KM|Comoros|Comorian
CG|Republic of the Congo|Congolese
CR|Costa Rica|Costa Rican,Costa Ricans
CI|Ivory Coast|Ivorian,Ivorians
HR|Croatia|Croatian,Croatians,Croat,Croats
CU|Cuba|Cuban,Cubans
CY|Cyprus|Cypriot,Cypriots
CZ|Czechia|Czech,Czechs
DK|Denmark|Danish,Dane,Danes
DJ|Djibouti|Djiboutian
DM|Dominica|Dominican
DO|Dominican Republic|Dominicans
EC|Ecuador|Ecuadorian,Ecuadorean,Ecuadorians
EG|Egypt|Egyptian,Egyptians
SV|El Salvador|Salvadoran,Salvadorian,Salvadorans
GQ|Equatorial Guinea|Equatoguinean
ER|Eritrea|Eritrean,Eritreans
EE|Estonia|Estonian,Estonians
SZ|Eswatini|Swazi
ET|Ethiopia|Ethiopian,Ethiopians
FJ|Fiji|Fijian,Fijians
FI|Finland|Finnish,Finn,Finns
FR|France|French,Frenchman,Frenchmen,Frenchwoman
GA|Gabon|Gabonese
GM|Gambia|Gambian,Gambians
GE|Georgia|Georgian,Georgians
DE|Germany|German,Germans
GH|Ghana|Ghanaian,Ghanaians
GR|Greece|Greek,Greeks
GD|Grenada|Grenadian
GT|Guatemala|Guatemalan,Guatemalans
GN|Guinea|Guinean,Guineans
GW|Guinea-Bissau|Bissau-Guinean
GY|Guyana|Guyanese
HT|Haiti|Haitian,Haitians
HN|Honduras|Honduran,Hondurans
HK|Hong Kong|Hongkonger,Hongkongers
HU|Hungary|Hungarian,Hungarians
IS|Iceland|Icelandic,Icelander,Icelanders
IN|India|Indian,Indians
ID|Indonesia|Indonesian,Indonesians
IR|Iran|Iranian,Iranians,Persian
IQ|Iraq|Iraqi,Iraqis
IE|Ireland|Irish,Irishman
IL|Israel|Israeli,Israelis
IT|Italy|Italian,Italians
JM|Jamaica|Jamaican,Jamaicans
JP|Japan|Japanese
JO|Jordan|Jordanian,Jordanians
KZ|Kazakhstan|Kazakh,Kazakhs,Kazakhstani
KE|Kenya|Kenyan,Kenyans
KI|Kiribati|I-Kiribati
KP|North Korea|North Korean,North Koreans
KR|South Korea|South Korean,South Koreans,Korean,Koreans
XK|Kosovo|Kosovar,Kosovan,Kosovars
KW|Kuwait|Kuwaiti,Kuwaitis
KG|Kyrgyzstan|Kyrgyz,Kirghiz
LA|Laos|Lao,Laotian,Laotians
LV|Latvia|Latvian,Latvians
LB|Lebanon|Lebanese
LS|Lesotho|Basotho,Mosotho
LR|Liberia|Liberian,Liberians
LY|Libya|Libyan,Libyans
LI|Liechtenstein|Liechtensteiner
LT|Lithuania|Lithuanian,Lithuanians
LU|Luxembourg|Luxembourgish,Luxembourger
MO|Macao|Macanese
MG|Madagascar|Malagasy
MW|Malawi|Malawian,Malawians
MY|Malaysia|Malaysian,Malaysians
MV|Maldives|Maldivian,Maldivians
ML|Mali|Malian,Malians
MT|Malta|Maltese
MH|Marshall Islands|Marshallese
MR|Mauritania|Mauritanian,Mauritanians
MU|Mauritius|Mauritian,Mauritians
MX|Mexico|Mexican,Mexicans
FM|Micronesia|Micronesian
MD|Moldova|Moldovan,Moldovans
MC|Monaco|Monegasque
MN|Mongolia|Mongolian,Mongolians
ME|Montenegro|Montenegrin,Montenegrins
MA|Morocco|Moroccan,Moroccans
MZ|Mozambique|Mozambican,Mozambicans
MM|Myanmar|Burmese,Myanmarese
NA|Namibia|Namibian,Namibians
NR|Nauru|Nauruan
NP|Nepal|Nepali,Nepalese,Nepalis
NL|Netherlands|Dutch,Dutchman
NZ|New Zealand|New Zealander,New Zealanders,Kiwi,Kiwis
NI|Nicaragua|Nicaraguan,Nicaraguans
NE|Niger|Nigerien,Nigeriens
NG|Nigeria|Nigerian,Nigerians
MK|North Macedonia|Macedonian,Macedonians
NO|Norway|Norwegian,Norwegians
OM|Oman|Omani,Omanis
PK|Pakistan|Pakistani,Pakistanis
PW|Palau|Palauan
PS|Palestine|Palestinian,Palestinians
PA|Panama|Panamanian,Panamanians
PG|Papua New Guinea|Papua New Guinean
PY|Paraguay|Paraguayan,Paraguayans
PE|Peru|Peruvian,Peruvians
PH|Philippines|Filipino,Filipinos,Filipina,Philippine
PL|Poland|Polish,Pole,Poles
PT|Portugal|Portuguese
PR|Puerto Rico|Puerto Rican,Puerto Ricans
QA|Qatar|Qatari,Qataris
RO|Romania|Romanian,Romanians
RU|Russia|Russian,Russians
RW|Rwanda|Rwandan,Rwandans
WS|Samoa|Samoan,Samoans
SM|San Marino|Sammarinese
SA|Saudi Arabia|Saudi,Saudis,Saudi Arabian
SN|Senegal|Senegalese
RS|Serbia|Serbian,Serbians,Serb,Serbs
SC|Seychelles|Seychellois
SL|Sierra Leone|Sierra Leonean,Sierra Leoneans
SG|Singapore|Singaporean,Singaporeans
SK|Slovakia|Slovak,Slovakian,Slovaks
SI|Slovenia|Slovenian,Slovene,Slovenians,Slovenes
SB|Solomon Islands|Solomon Islander
SO|Somalia|Somali,Somalis
ZA|South Africa|South African,South Africans
SS|South Sudan|South Sudanese
ES|Spain|Spanish,Spaniard,Spaniards
LK|Sri Lanka|Sri Lankan,Sri Lankans
SD|Sudan|Sudanese
SR|Suriname|Surinamese
SE|Sweden|Swedish,Swede,Swedes
CH|Switzerland|Swiss
SY|Syria|Syrian,Syrians
TW|Taiwan|Taiwanese
TJ|Tajikistan|Tajik,Tajiks
TZ|Tanzania|Tanzanian,Tanzanians
TH|Thailand|Thai,Thais
TL|Timor-Leste|Timorese,East Timorese
TG|Togo|Togolese
TO|Tonga|Tongan,Tongans
TT|Trinidad and Tobago|Trinidadian,Tobagonian
TN|Tunisia|Tunisian,Tunisians
TR|Turkey|Turkish,Turk,Turks
TM|Turkmenistan|Turkmen
TV|Tuvalu|Tuvaluan
UG|Uganda|Ugandan,Ugandans
UA|Ukraine|Ukrainian,Ukrainians
AE|United Arab Emirates|Emirati,Emiratis
GB|United Kingdom|British,Briton,Britons,Brit,Brits
US|United States|American,Americans
UY|Uruguay|Uruguayan,Uruguayans
UZ|Uzbekistan|Uzbek,Uzbeks
VU|Vanuatu|Ni-Vanuatu
VE|Venezuela|Venezuelan,Venezuelans
VN|Vietnam|Vietnamese
YE|Yemen|Yemeni,Yemenis
ZM|Zambia|Zambian,Zambians
ZW|Zimbabwe|Zimbabwean,Zimbabweans
GB|England|Englishman,Englishmen
GB|Scotland|Scottish,Scot,Scots
GB|Wales|Welsh
GB|Northern Ireland|Northern Irish
CA|Quebec|Quebecer,Quebecers,Quebecois
US|California|Californian,Californians
US|Texas|Texan,Texans
US|Florida|Floridian,Floridians
US|Hawaii|Hawaiian,Hawaiians
US|Alaska|Alaskan,Alaskans
US|New York|New Yorker,New Yorkers
CA|Alberta|Albertan,Albertans
CA|Ontario|Ontarian,Ontarians
AU|Queensland|Queenslander,Queenslanders
GB|London|Londoner,Londoners
RU|Moscow|Muscovite,Muscovites
AZ|Karabakh|Karabakhi
ES|Catalonia|Catalan,Catalans
IQ|Kurdistan|Kurdish,Kurd,Kurds
|Europe|European,Europeans
|Africa|African,Africans
|Asia|Asian,Asians
|Latin America|Latin American,Latin Americans
|Middle East|Middle Eastern
|Scandinavia|Scandinavian,Scandinavians
|Caribbean|Caribbean
|Balkans|Balkan
|South America|South American,South Americans
|North America|North American,North Americans
|Central America|Central American,Central Americans
|Antarctica|Antarctic
|Arctic|Arctic
|Mediterranean|Mediterranean
"""


def _parse(table: str) -> dict[str, Demonym]:
    out: dict[str, Demonym] = {}
    for line in table.strip().splitlines():
        iso2, place, words = line.split("|")
        for word in words.split(","):
            # The first line to claim a word wins: "Dominican" is Dominica's, "Korean" South Korea's.
            out.setdefault(word.strip().lower(), Demonym(iso2, place))
    return out


#: Lower-case demonym (one or more words) to what it points to.
DEMONYMS: dict[str, Demonym] = _parse(_TABLE)


def demonym(word: str) -> Demonym | None:
    """What a demonym or adjective points to, or ``None`` for a word that is none.

    Examples
    --------
    >>> demonym("Armenian")
    Demonym(iso2='AM', place='Armenia')
    >>> demonym("European").place
    'Europe'
    >>> demonym("Table") is None
    True
    """
    return DEMONYMS.get(word.lower())
