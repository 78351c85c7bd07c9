"""The words that state a movement: trigger verbs and nouns, prepositions, and modality cues.

Pure data and compiled patterns; `gazetteer.movements.finder` reads them. Everything is matched
case-insensitively, so headings in capitals ("HAS BEEN DEPLOYED AGAINST ARMENIA") count too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from gazetteer.movements.first_letters import beginnings_lookahead, first_letters, first_strings


@dataclass(frozen=True)
class Trigger:
    """One movement word: its forms (a regex), the movement kind, and how it takes places.

    `object_verb`: takes a place as direct object ("occupied Shusha", "entered Kars").
    `locative`: "in"/"at" name where it happened ("attacked ... in Angelyaut").
    `departure`: "for" names the destination ("departed for Baku").
    `noun`: a noun ("withdrawal of ... from"), whose status comes from the words before it.
    `cession`: not a movement when what is handed over is territory ("transferred part of its
    territory to Armenia", "Zangezur was transferred to Armenia"): a cession, left out.
    `object_role`: the role of a direct object ("left Baku", "evacuated Kars": the origin).
    `subject_place`: the place is the subject and the mover follows ("Kars fell to the Turks").
    """

    pattern: str
    kind: str
    object_verb: bool = False
    locative: bool = False
    departure: bool = False
    noun: bool = False
    cession: bool = False
    civil: bool = False   # a journey, not an advance, when who moves is not a force
    object_role: str = "reached"
    subject_place: bool = False
    carries: bool = False  # "sent": what is sent may be a message, not a traveller
    locative_role: str = "reached"  # "embarked at Batum": where one boards is the origin
    mover_not_land: bool = False  # "the larger part of Lori went to Armenia": land changing hands
    continuation: bool = False  # a movement only as the next step of one before ("sent from X, took command in Y")
    civilian: bool = False  # a journey whoever makes it ("the Armenians emigrated", "officers were deported")
    # Telegraphese drops the preposition: "Arrived Batum", "Proceeding Erivan", "landed Enzeli".
    # A place right after the verb is then where it goes.
    bare_object: bool = False


TRIGGERS: tuple[Trigger, ...] = (
    # advances
    Trigger(r"advanc(?:e|es|ed|ing)(?! (?:the |their |its |his |her |new |these |such )?(?:claims?|demands?|"
            r"proposals?|arguments?|ideas?|interests?|cause|money|funds|loans?|payments?))", "advance",
            bare_object=True),
    Trigger(r"march(?:es|ed|ing)?", "advance"),
    Trigger(r"mov(?:e|es|ed|ing)", "advance", civil=True),
    Trigger(r"movement", "advance", noun=True, civil=True),
    Trigger(r"proceed(?:s|ed|ing)?", "advance", civil=True, bare_object=True),
    Trigger(r"push(?:es|ed|ing)?(?: forward| on| deeper| deep)?", "advance"),
    Trigger(r"approach(?:es|ed|ing)?", "advance", object_verb=True),
    Trigger(r"deploy(?:s|ed|ing)?", "advance", locative=True),
    Trigger(r"deployment", "advance", noun=True, locative=True),
    Trigger(r"concentrat(?:e|es|ed|ing)|mass(?:ed|ing)(?= (?:[\w-]+ ){0,3}?(?:in|at|on|near|along)\b)", "advance",
            locative=True),
    Trigger(r"cross(?:es|ed|ing)?", "advance", object_verb=True),
    Trigger(r"led (?:\w+ ){0,3}?(?:troops|forces?|units?|army|armies|detachments?|regiments?|bands?|men|"
            r"divisions?|brigades?|columns?)", "advance"),
    Trigger(r"(?:launch(?:es|ed|ing)?|open(?:s|ed|ing)?|commenc(?:e|es|ed|ing)|beg[au]n) "
            r"(?:an? |the |their |its |his |a new )?(?:counter-?)?offensive", "advance"),
    Trigger(r"(?:counter-?)?offensive", "advance", noun=True),
    Trigger(r"reach(?:es|ed|ing)?", "advance", object_verb=True, civil=True),
    Trigger(r"f(?:ight|ights|ought|ighting) (?:their|its|his|her|our|the) way", "advance"),
    Trigger(r"br(?:eak|eaks|oke|oken|eaking) through", "advance"),
    Trigger(r"converg(?:e|es|ed|ing)(?= (?:on|upon|towards?)\b)|pursu(?:e|es|ed|ing)|"
            r"swe(?:ep|eps|pt|eping)(?= (?:[\w-]+ )?(?:through|into|across|over|towards?)\b)|"
            r"turn(?:s|ed|ing)? (?:(?:north|south|east|west)(?:-?(?:east|west))?(?:wards?)?|against)", "advance"),
    Trigger(r"ma(?:de|ke|kes|king) (?:their|its|his|her|our|the) way", "advance", civil=True),
    Trigger(r"(?:rode|riding|stream(?:ed|ing)|pour(?:s|ed|ing)?|surg(?:ed|ing)|rush(?:ed|ing))"
            r"(?= (?:[\w-]+ ){0,3}?(?:to|into|from|towards?|through|across|over|back|on|out of)\b)",
            "advance", civil=True),
    Trigger(r"spread(?:s|ing)?(?= (?:\w+ )?(?:along|across|through|over|into|to|towards?|from)\b)", "advance",
            carries=True),
    # withdrawals
    Trigger(r"withdr(?:aw|aws|awing|awn|ew)", "withdrawal"),
    Trigger(r"withdrawal", "withdrawal", noun=True),
    Trigger(r"retreat(?:s|ed|ing)?", "withdrawal"),
    Trigger(r"pull(?:s|ed|ing)? (?:\w+ ){0,2}?back", "withdrawal"),
    Trigger(r"f(?:a|e)ll(?:s|ing)? back", "withdrawal"),
    Trigger(r"turn(?:s|ed|ing)? back", "withdrawal", locative=True),
    # "drove the insurgents back into Russia": the driven withdraw
    Trigger(r"dr(?:ive|ives|ove|iven|iving) (?:[\w'’-]+ ){0,3}?back|"
            r"dr(?:ive|ives|ove|iven|iving)(?= (?:[\w'’-]+ ){0,3}?out (?:of|from)\b)", "withdrawal"),
    Trigger(r"evacuat(?:e|es|ed|ing)|abandon(?:s|ed|ing)?", "withdrawal", object_verb=True,
            object_role="origin"),
    # "The Armenians lost Kars": the losers leave it
    Trigger(r"(?:lost|los(?:e|es|ing))(?= (?:the (?:town|city|fortress|village|district) of )?(?-i:[A-Z]))",
            "withdrawal", object_verb=True, object_role="origin"),
    Trigger(r"(?:expell?(?:ed|ing|s)?|ousted)(?= (?:of|from))|(?:driven|forced)(?= out (?:of|from))", "withdrawal"),
    Trigger(r"regroup(?:s|ed|ing)?", "withdrawal", locative=True),
    # British military prose: "retired on Kasvin", "the retirement of the Turks from Tabriz"
    Trigger(r"retir(?:e|es|ed|ing)(?! (?:officers?|colonels?|generals?|captains?|majors?|list|pay|"
            r"from (?:the )?(?:army|service|office|politics|public life))\b)", "withdrawal"),
    Trigger(r"retirement(?! (?:of (?:the )?(?:general|colonel|minister|officers?))\b)", "withdrawal", noun=True),
    # "thrown back into Persia", "the attack was beaten back": the ones thrown back withdraw
    # (verbs only, and no name between: "the force at Baku went back" is no forcing back)
    Trigger(r"(?:thr(?:ow|ows|ew|own|owing)|hurl(?:s|ed|ing)?|beat(?:en)?|forc(?:ed|ing)) "
            r"(?:(?-i:[a-z'’-]+) ){0,3}?back", "withdrawal"),
    Trigger(r"flight(?= (?:[\w-]+ ){0,3}?(?:to|into|from|across|over)\b)", "withdrawal", noun=True),
    Trigger(r"evacuation", "withdrawal", noun=True),
    Trigger(r"fle(?:e|es|eing|d)|escap(?:e|es|ed|ing)", "withdrawal"),
    # occupations
    Trigger(r"occup(?:y|ies|ied|ying)", "occupation", object_verb=True, locative=True),
    Trigger(r"occupation", "occupation", noun=True, locative=True),
    Trigger(r"captur(?:e|es|ed|ing)", "occupation", object_verb=True),
    Trigger(r"seiz(?:e|es|ed|ing)", "occupation", object_verb=True),
    Trigger(r"seizure", "occupation", noun=True),
    Trigger(r"conquest", "occupation", noun=True),
    Trigger(r"(?:took|taken|tak(?:e|es|ing)|seiz(?:e|ed|es|ing)|gain(?:s|ed|ing)?) (?:full )?"
            r"(?:control|possession) (?:of|over)", "occupation", object_verb=True),
    Trigger(r"fall(?= of)", "occupation", noun=True),
    Trigger(r"taken(?= by\b)|(?:(?<=was )|(?<=were )|(?<=been ))taken(?! (?:prisoner|hostage|captive|ill|into|"
            r"as|to be|seriously|up|over|part|place|care|measures|steps|action|advantage)\b)",
            "occupation", object_verb=True),
    Trigger(r"(?:took|taken|tak(?:e|es|ing))(?= (?:the (?:town|city|village|fortress) of )?(?-i:[A-Z]))",
            "occupation", object_verb=True),
    Trigger(r"enter(?:s|ed|ing)?", "occupation", object_verb=True),
    Trigger(r"entry(?= into)", "occupation", noun=True),
    Trigger(r"(?:establish|extend|restor|impos)(?:e|es|ed|ing)? (?:[\w-]+ )?control (?:over|of)",
            "occupation", object_verb=True),
    Trigger(r"re(?:captur|occup|tak)(?:e|es|ed|ing|ied|y|ies|en)|retook|liberat(?:e|es|ed|ing)",
            "occupation", object_verb=True),
    Trigger(r"h(?:old|olds|eld|olding)", "occupation", object_verb=True),
    Trigger(r"t(?:ook|ake|akes|aken|aking) over", "occupation", object_verb=True),
    Trigger(r"recover(?:s|ed|ing)?", "occupation", object_verb=True),
    Trigger(r"f(?:e|a)ll(?:s|en)? (?:to|into the hands of)|surrender(?:s|ed|ing)? to", "occupation",
            subject_place=True),
    # "Batum passed into the hands of the Georgians": taken over, by whom the words after say
    Trigger(r"pass(?:es|ed|ing)? (?:in)?to the (?:hands|control|possession) of", "occupation", subject_place=True),
    # "Kars fell on 30 October", "Hassan Kaleh and Kupri Keui had fallen": taken, by whom unsaid
    Trigger(r"(?:(?<=had )|(?<=has )|(?<=have ))fallen(?=\s*(?:[.,;]|on\b|in\b|after\b|without\b|within\b|$))|"
            r"(?<=[A-Za-z] )fell(?=\s*(?:[.,;]|on\b|after\b|without\b|within\b|$))", "occupation",
            subject_place=True),
    # attacks
    Trigger(r"attack(?:s|ed|ing)?", "attack", object_verb=True, locative=True),
    Trigger(r"assault(?:s|ed|ing)?", "attack", object_verb=True, locative=True),
    Trigger(r"invad(?:e|es|ed|ing)", "attack", object_verb=True),
    Trigger(r"invasion|incursion|inroad", "attack", noun=True),
    Trigger(r"(?:military )?(?:action|operations)(?= against)", "attack", noun=True),
    Trigger(r"bombard(?:s|ed|ing)?|besieg(?:e|es|ed|ing)|storm(?:s|ed|ing)|raid(?:s|ed|ing)?|"
            r"counter-?attack(?:s|ed|ing)?", "attack", object_verb=True, locative=True),
    Trigger(r"siege", "attack", noun=True),
    # journeys
    Trigger(r"depart(?:s|ed|ing)?|set(?:s|ting)? out|head(?:s|ed|ing)?(?= (?:for|to|toward))",
            "journey", departure=True),
    # not "were left to Turkey" (allotted) nor "the left bank"
    Trigger(r"(?<!was )(?<!were )(?<!been )(?<!be )(?<!being )(?<!is )(?<!are )"
            r"(?:left(?! (?:bank|flank|wing|side|hand|behind|in place|intact|outside|unoccupied)\b)|leav(?:e|es|ing))",
            "journey", departure=True, object_verb=True, object_role="origin"),
    Trigger(r"departure", "journey", noun=True, departure=True),
    Trigger(r"travel(?:s|led|ed|ling|ing)?", "journey"),
    Trigger(r"on (?:its|his|her|their|our|my|the) way(?= (?:back )?(?:to|from|towards?)\b)", "journey", civil=True),
    Trigger(r"journey", "journey", noun=True),
    Trigger(r"arriv(?:e|es|ed|ing)", "journey", locative=True, bare_object=True),
    Trigger(r"arrival", "journey", noun=True, locative=True),
    Trigger(r"return(?:s|ed|ing)?", "journey"),  # not bare: "Returned Kars to Turkey" hands it back
    Trigger(r"went", "journey", mover_not_land=True),
    Trigger(r"t(?:ook|akes?|aking) (?:up )?(?:command|post|office|residence|quarters|positions?|position)(?= (?:in|at)\b)",
            "journey", locative=True, continuation=True),
    # "reached Kupri Keui on the 18th, and the next day were in Hassan Kaleh": being somewhere next
    Trigger(r"(?:(?<=day )|(?<=then )|(?<=evening )|(?<=night )|(?<=morning ))(?:were|was)"
            r"(?= (?:already |again )?(?:in|at)\b)", "advance", locative=True, continuation=True, civil=True),
    Trigger(r"landed|landing|land(?= (?:at|troops|forces|units|men|in)\b)", "journey", locative=True, civil=True,
            bare_object=True),
    # "the expedition to Baku", "a British expedition from Enzeli"
    Trigger(r"expeditions?(?! (?:of|for) (?:the )?(?:study|survey|research)\b)", "advance", noun=True, civil=True),
    Trigger(r"sail(?:s|ed|ing)?|steam(?:s|ed|ing)?(?= (?:from|for|to|into)\b)", "journey", departure=True,
            civil=True),
    Trigger(r"(?:re-?)?embark(?:s|ed|ing)?", "journey", departure=True, locative=True, locative_role="origin",
            civil=True),
    # "entrained at Tiflis for Baku": boarding a train, like a ship, where the journey starts
    Trigger(r"entrain(?:s|ed|ing)?", "journey", departure=True, locative=True, locative_role="origin", civil=True),
    Trigger(r"detrain(?:s|ed|ing)?", "journey", locative=True, civil=True),
    Trigger(r"(?:re-?)?embarkation", "journey", noun=True, departure=True, locative=True, locative_role="origin",
            civil=True),
    # "disembarked at Batum", "the disembarkation of the French at Batum": where they land
    Trigger(r"disembark(?:s|ed|ing|ation)?", "journey", locative=True, civil=True, bare_object=True),
    # "had come up from the Olti valley", "came down to Erivan": a coming with a place after it
    Trigger(r"(?:(?:(?<=had )|(?<=has )|(?<=have )|(?<=having ))come|c(?:omes|ame|oming))"
            r"(?= (?:up |down |back |over |in |out )?(?:from|to|into|through|via)\b)",
            "advance", civil=True, carries=True),
    Trigger(r"deport(?:s|ed|ing)?|exil(?:e|es|ed|ing)(?= (?:[\w-]+ ){0,4}?(?:to|from)\b)|banish(?:es|ed|ing)?",
            "journey", civilian=True),
    Trigger(r"deportation", "journey", noun=True, civilian=True),
    Trigger(r"emigrat(?:e|es|ed|ing)|emigration", "journey", civilian=True),
    Trigger(r"pass(?:es|ed|ing)?(?= (?:\w+ )?(?:through|via)\b)", "journey", civil=True, carries=True),
    Trigger(r"t(?:ook|ake|akes|aken|aking) (?:[\w'’-]+ ){0,3}?back(?= (?:to|into)\b)", "journey", civil=True),
    Trigger(r"relocat(?:e|es|ed|ing)", "journey"),
    Trigger(r"sen[dt]|send(?:s|ing)|d[ie]spatch(?:es|ed|ing)?|forward(?:s|ed|ing)?", "journey", carries=True),
    # "reinforced from Bagdad": reinforcements came from there
    Trigger(r"reinforc(?:e|es|ed|ing)(?= (?:[\w-]+ ){0,2}?from\b)", "advance", civil=True),
    # transfers of forces
    Trigger(r"transfer(?:s|red|ring)?|redeploy(?:s|ed|ing)?", "transfer", cession=True, civil=True),
)

# Who moves decides between a journey and an advance ("the arrival of a detachment").
FORCE_WORDS = re.compile(
    r"\b(?:army|armies|troops?|forces?|units?|detachments?|division|divisions|regiments?|brigades?|"
    r"corps|cavalry|infantry|bands?|sabers|sabres|battalions?|squadrons?|partisans|insurgents|"
    r"soldiers|men|Reds|Red Army|garrisons?|columns?|flotilla|fleet|militia|"
    r"reserves|reinforcements|Turks|Armenians|Azerbaijanis|Georgians|Bolsheviks|Kemalists|Dashnaks|Ottomans|"
    r"Whites|Russians|Persians)\b", re.I)

# Prepositions that attach a place to a movement, and the place's role (its rank in the order
# of movement: origin first, places passed next, places reached, then the direction).
ROLE_RANK = {"origin": 0, "via": 1, "reached": 2, "direction": 3}
PREPOSITIONS = {
    "from": "origin", "out of": "origin",
    "through": "via", "via": "via", "across": "via", "past": "via", "over": "via",
    "along": "via", "down": "via", "up": "via", "by way of": "via",
    "to": "reached", "into": "reached", "up to": "reached", "as far as": "reached",
    "beyond": "reached", "behind": "reached", "onto": "reached",
    "toward": "direction", "towards": "direction", "on": "direction", "against": "direction",
    "in the direction of": "direction",
    # "the Bolshevik forces having withdrawn east of Merv": where they ended, by the place named
    "north of": "reached", "south of": "reached", "east of": "reached", "west of": "reached",
}
LOCATIVE = {"in": "reached", "at": "reached", "near": "reached", "around": "reached"}
DEPARTURE = {"for": "reached"}
MULTIWORD = ("in the direction of", "as far as", "up to", "out of", "by way of", "north of", "south of", "east of",
             "west of")

# Nouns that sit between a preposition and the name ("from the district of Ijevan").
CUE_NOUNS = frozenset(
    "city town village villages settlement fortress district districts region regions area areas "
    "territory territories province uezd uyezd sector part parts border borders frontier valley "
    "station port line route road railway ridge pass river lake mountains heights zone coast outskirts "
    "environs vicinity suburbs gates garrison garrisons positions valley gorge range steppe bank banks "
    "shore shores".split())

# Anaphors that name a place already mentioned ("the aforementioned ridge", "this region").
# A bare "the town"/"the city" too ("the withdrawal of all Turkish troops from the town"), not "the town of X".
ANAPHOR = re.compile(
    r"\b(?:this|that|the (?:aforementioned|above-mentioned|said|indicated|same)|the(?=\s+(?:town|city)\b(?!\s+of\b)))\s+"
    r"(region|district|area|territory|sector|ridge|pass|town|city|village|river|province)\b", re.I)
ANAPHOR_KINDS = {
    "ridge": ("ridge", "mountain", "pass"), "pass": ("pass", "ridge", "mountain"),
    "river": ("river",), "town": ("settlement",), "city": ("settlement",), "village": ("settlement",),
}
AREA_KINDS = ("region", "district", "province", "other")

# A plural phrase defined in the text by a list: "the disputed districts — Karabakh, Zangezur, ...".
DEFINED_PLURAL = re.compile(
    r"\b(?:the\s+)?(?:so-called\s+)?((?:[a-z-]+\s+){0,2}(?:districts|regions|territories|provinces|areas))\b",
    re.I)

# "on Armenian territory": an adjective of a country names that country.
DEMONYM_PHRASE = re.compile(
    r"\b([A-Z][a-z]+)\s+(?:territory|territories|soil|lands?|borders?|frontier)\b")
DEMONYM_IRREGULAR = {"turkish": "turkey", "kurdish": "kurdistan", "polish": "poland",
                     "french": "france", "british": "britain", "english": "england",
                     "persian": "persia", "greek": "greece"}

# Route chains: names joined by dashes ("Shusha–Geryusy–Engelaurt"), or "from X through Y to Z".
CHAIN_JOINER = re.compile(r"^\s*[-–—]\s*$")
ROUTE_NOUN = re.compile(r"^\s*(?:route|road|railway|railroad|line|highway|track|path)\b", re.I)

# A later clause: "... retreated to Darachichag, and in April 1921 Nzhdeh withdrew"
NEW_CLAUSE = re.compile(r",\s*(?:and|but|while|whereas|when|after|before|until)\b|[;:]|\s[—–]\s", re.I)

# Where a movement's clause ends: a new clause or a new sentence.
CLAUSE_STOP = re.compile(
    r"[.;:!?()\[\]<>…]|\b(?:that|which|who|whom|whose|where|when|while|because|although|though|unless|"
    r"whereas|but|if|confirmed|i\.e)\b|,\s*(?:for|since|so|with|thereby|thus)\b|"
    r"\s—\s(?:and|but)\b", re.I)

# Messages, distances and borders are not journeys: "a telegram sent to Moscow", "the distance
# from Kars to Alexandropol", "the border runs from Lake Sevan to the Araks".
NOT_TRAVEL = re.compile(r"\b(?:letters?|telegrams?|messages?|notes?|reports?|d[ie]spatch(?:es)?|cables?|wires?|"
                        r"memorand\w*|radiograms?|copy|copies|request|proposals?|reply|replies|answers?|"
                        r"distance|versts?|km|kilometres|kilometers|miles|borders?|frontiers?|boundary|"
                        r"boundaries|line runs|news|rumou?rs?|epidemics?|typhus|cholera|propaganda|"
                        r"flows?|flowed|flowing|rises|stretch\w*|extends?|extending|lies|situated|located|"
                        r"oil|kerosene|petroleum|goods|grain|cargo|freight|pipeline|storms?|waves?|strikes|"
                        r"unrest|famine|violence|fires?|treat(?:y|ies)|agreements?|decisions?|decrees?|laws?|"
                        r"resolutions?|policy|policies)\b", re.I)
# A mover that is a road, a railway or a line: "the railway from Baku reached Tiflis in 1883".
INFRASTRUCTURE_WORD = re.compile(r"\b(?:roads?|railways?|railroads?|highways?|lines?|tracks?|rivers?|canals?|"
                                 r"pipelines?|border|frontier|boundary|demarcation)\b", re.I)
# Roads, railways and rivers run between places; they do not move: "the road from Kars to
# Alexandropol is long", "the railway passes through Kars".
INFRASTRUCTURE = re.compile(r"\b(?:roads?|railways?|railroads?|highways?|lines?|tracks?|rivers?|canals?|"
                            r"pipelines?|valleys?|ranges?|border|frontier|boundary)\b(?:\s+[\w-]+)?\s*$", re.I)

TERRITORY = re.compile(r"\b(?:territor\w*|parts?|districts?|regions?|provinces?|lands?|areas?|u[y]?ezds?|"
                       r"oblasts?|sovereignty|control)\b", re.I)

# Cessions are not movements: territory handed over.
CESSION = re.compile(r"\b(?:transfer\w*|cede\w*|cession|hand(?:ed|ing)? over|annex\w*|grant\w*|"
                     r"give|gave|given|obtain\w*|recogni[sz]\w*|inclusion)\b", re.I)

# Modality cues read in the words before a movement (nearest cue wins, see movements._status);
# hedged, negated and requested movements are left out.
STATUS_CUES: tuple[tuple[str, str], ...] = (
    ("hedged", r"\bperhaps\b|\bpossibly\b|\bmight\b|\bmistaken\b|\ballegedly\b|\breportedly\b|\brumou?r|"
               r"\bsome accounts\b|\bit is said\b|\bsaid to have\b|\bunconfirmed\b"),
    # a counterfactual ("it would have been easy to march on Kabul"), a movement weighed ("contemplated
    # sending troops"), a possibility ("thought it possible to take Erzerum"): in their own clause only
    ("counterfactual", r"\b(?:would|could) have\b|\bcontemplat\w*|\bpossible\b"),
    ("conditional", r"\bif\b|\bunless\b"),
    ("not secured", r"\bfail(?:s|ed|ing)? to\b|\bdid not take measures\b|\bnot (?:\w+ ){0,2}secur\w*"),
    ("requested", r"\bimperative\b|\bnecessary to\b|\bneed to\b|\brequest\w*|\bplease\b|"
                  r"\bask(?:s|ed|ing)?\s+(?:[\w'’-]+\s+){1,3}to\b|\bappeal\w*\s+to\b"),
    ("expected", r"\bnot yet\b|\bexpect(?:s|ed)?\b|\bsoon\b"),
    ("negated", r"\bavoid\w*|\bprevent\w*|\bnot\b|n[’']t\b|\bnever\b|\bno longer\b|\bno\b|\bneither\b|\bnor\b|\black(?:s|ed|ing)? (?:the )?means\b|"
                r"\bunable\b|\bcannot\b|\bwithout\b|\brefus\w+"),
    ("intended", r"\bintend\w*|\bintention\b|\bplan(?:s|ned|ning)?\b|\baim(?:s|ed|ing)?\b|"
                 r"\bthreat\w*|\bgoing to\b|\bwill\b|\bwould\b|\bcan do\b|\bhope\w*|\bwish\w*|"
                 r"\bwant\w*|\btr(?:y|ies|ied) to\b|\bambitions?\b|\baspir\w*|\bsought to\b|\bseek\w* to\b|\battempt\w* to\b|\bready to\b|\bprepar\w+ to\b|\bdecided\b|\bresolute\b"),
    ("proposed", r"\bpropos\w+|\bsuggest\w*|\basked to\b|\binvit\w+"),
    ("demanded", r"\bdemand\w*|\binsist\w*|\brequire\w*|\bultimatum\b"),
    ("ordered", r"\bdirective\b|(?<!in )\border(?:s|ed)?\b|\binstruct\w*|\bcommand(?:ed|s)? to\b|\bmust\b"),
    ("agreed", r"\bshall\b|\b(?:is|are) to\b|\bundertak\w+|\bagree\w*"),
    ("under way", r"\b(?:is|are|am) (?:\w+ly )?\w+ing\b|\bcontinu\w+|\bin progress\b|"
                  r"\bon (?:its|his|her|their|our|my|the) way\b"),
)
# Idioms that say "no"/"not" without denying the movement: "lost no time in invading Persia".
NOT_NEGATION = re.compile(r"\b(?:lost|lose|loses|losing|wasted?|wasting) no time\b|\bnot only\b|\bno doubt\b|"
                          r"\bno less than\b|\bno sooner\b|\bnone the less\b|\bnot long (?:after|before)\b|"
                          r"\bnot least\b|\bnot (?:un)?til\b|\bnot before\b", re.I)
# "a line of northern advance across the Caucasus": a way an advance could take, not one made
LINE_OF = re.compile(r"\blines?\s+of\s+(?:(?:the|their|its|his|our|a|further|possible|main|[a-z]+ern)\s+){0,2}$",
                     re.I)
# "it was not part of the plan to attack", "had no orders to advance": the intention denied
DENIED_INTENTION = re.compile(r"\b(?:not|no|never|nor)\b[^,;:]{0,40}$", re.I)
# A question put in a sentence ("asked ... whether the forces in Trans-Caucasia are to be withdrawn",
# "; whether he is aware ..."): whatever follows it is asked, whatever the nearer cue says. Only a
# "whether" that asks, doubts or opens the sentence: not "whether by land or sea, the troops reached".
ASKED = re.compile(r"\b(?:ask\w*|inquir\w*|enquir\w*|know\w*|aware|(?:un)?certain|doubt\w*|question\w*|"
                   r"wonder\w*|information)\b[^.;?]{0,120}?\bwhether\b|"
                   r"^\W*(?:and\W+)?(?:if so\W+)?(?-i:whether)\b|"
                   r"\b(?:ask|asks|asked|inquire[sd]?|enquire[sd]?)\b[^;]{0,80}?\bif\b", re.I)
# Every question ASKED finds holds "whether" or "if": one search for them leaves out the many
# sentences with neither (ASKED, entered at every word, cost 0.08 s of CPU per MB of text).
ASKED_WORD = re.compile(r"whether|if", re.I)
# Where a question put ends and a statement begins: "It is doubtful whether they will stop, and they
# have occupied Kars".
ASKED_END = re.compile(r",\s*(?:but|while|whereas)\b|,\s*and\s+(?:they|it|we|he|she|I)\b")
# A question is asked, not stated: "... hold out any hope of the early withdrawal of the troops?"
QUESTION = re.compile(r"\?[”\"’)\]]*\s*$")
# "With Constantinople occupied": an absolute passive whose subject is the place before it.
ABSOLUTE = re.compile(r"\b[Ww]ith\s+(?:the\s+(?:town|city|fortress|port)\s+of\s+)?"
                      r"[A-Z][\w'’-]*(?:\s+(?:and\s+)?[A-Z][\w'’-]*)*\s+(?:(?:now|already|also|once)\s+)?$")
# Words between two steps of one mover that say when, not who: "arrived at Batum Saturday morning,
# August 21, reached Tiflis"; a purpose that is the next step: "sent from France to land at Batum".
_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Thurs-\s+day)"
_WHEN = (r"(?:(?:on|by|in|at|early|late)\s+)?(?:(?:the\s+)?(?:next|following|same)\s+(?:day|morning|evening|night)|"
         rf"{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|"
         rf"\d{{1,2}}(?:st|nd|rd|th)?(?:\s+{_MONTH})?|the\s+\d{{1,2}}(?:st|nd|rd|th))")
_JOIN = r"\s*(?:,\s*)?(?:(?:and|then|and then|thence)\s+)?"  # no two \s* side by side: linear on long gaps
TIME_GAP = re.compile(rf"(?:{_JOIN}{_WHEN})+{_JOIN}", re.I)
PURPOSE_GAP = re.compile(r"\s+(?:in order\s+)?to\s+(?:(?:have|let|make)\s+(?:them|it|him|her)\s+)?", re.I)

# These cues count only in the movement's own clause: "Although they did not resist, the Turks
# took Kars" took Kars all the same.
CLAUSE_CUES = frozenset({"conditional", "negated", "not secured", "ordered", "counterfactual"})
CUE_CLAUSE_START = re.compile(r"[,;:—–()]|\b(?:that|which|who|whom|where|when|while|because|although|though|"
                              r"but|whereas|unless|if)\b", re.I)

# With "shall"/"is to", an agreement's terms are agreed; elsewhere they are orders.
AGREEMENT_CONTEXT = re.compile(r"\b(?:agreement|agree|terms|conditions|treaty|armistice|cease-?fire|"
                               r"cessation of hostilities)\b", re.I)

# Words that end the subject noun phrase when reading an actor.
AUXILIARIES = frozenset(
    "is are was were has have had shall will must should would can could may might be been being "
    "do does did not now already also then still currently have firstly secondly to".split())
MONTHS = frozenset("january february march april may june july august september october november "
                   "december".split())
# A comma-separated piece that is only a date: "Saturday morning", "August 21", "and the next day".
DATE_CHUNK = re.compile(r"(?:\s|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Thurs-\s*day|January|February|March|April|"
                        r"May|June|July|August|September|October|November|December|\d{1,2}(?:st|nd|rd|th)?|"
                        r"morning|afternoon|evening|night|and|then|the|next|following|same|day|on|early|late)+", re.I)
PRONOUNS = frozenset("i we you he she it they this that these those one someone".split())
LEADING_PREPOSITIONS = frozenset(
    "in to on for according thanks as with by from under at of after before during since "
    "meanwhile however therefore moreover yesterday today having being between until within throughout "
    "around".split())

# Sentence ends, except after initials and abbreviations ("G. Chicherin", "No. 03").
ABBREVIATIONS = frozenset("no nos dr mr mrs st gen col capt lt approx i.e e.g etc cf vs art p.s "
                          "comrade".split())


def compile_triggers() -> list[tuple[re.Pattern, Trigger]]:
    """Return each trigger with its whole-word, case-insensitive regex."""
    return [(re.compile(rf"(?<![\w-])(?:{t.pattern})(?![\w-])", re.I), t) for t in TRIGGERS]


def any_trigger() -> re.Pattern:
    """One regex matching where any trigger matches (to find where to try them all, in one pass).

    The alternatives are grouped by their first letter behind a lookahead, so that at each word
    only the few groups for its letter are tried (several times faster on long texts). Before
    them, one lookahead for the first three letters any trigger can begin with ("the", "of", "and"
    begin none) turns most words away at once (half the scan's time).
    """
    groups: dict[str, list[str]] = {}
    for t in TRIGGERS:
        letters = first_letters(t.pattern)
        groups.setdefault("".join(sorted(letters)) if letters else "", []).append(f"(?:{t.pattern})")
    parts = [(f"(?=[{letters}])" if letters else "") + "(?:" + "|".join(alts) + ")" for letters, alts in groups.items()]
    beginnings = [first_strings(t.pattern, TRIGGER_BEGINNING) for t in TRIGGERS]
    ahead = None if any(b is None for b in beginnings) else beginnings_lookahead(frozenset().union(*beginnings))
    return re.compile(r"(?<![\w-])" + (ahead or "") + "(?:" + "|".join(parts) + r")(?![\w-])", re.I)


TRIGGER_BEGINNING = 3   # letters of that lookahead: measured, 3 halves the scan's time, 2 took off a seventh


def triggers_by_letter(compiled: list[tuple[re.Pattern, Trigger]]) -> dict[str, list[tuple[int, re.Pattern, Trigger]]]:
    """The compiled triggers (with their order) that can begin with each lower-case letter."""
    firsts = [first_letters(t.pattern) for _, t in compiled]
    letters = set().union(*(f for f in firsts if f)) | set("abcdefghijklmnopqrstuvwxyz")
    return {c: [(i, rx, t) for i, ((rx, t), f) in enumerate(zip(compiled, firsts, strict=True)) if f is None or c in f]
            for c in letters}


_SENTENCE_END = re.compile(r";(?=\s)|[.!?…]+\**[”\"’]?\**(?=\s+[\"“‘(\[<]?[A-Z0-9])|[.!?]+[”\"’]?\s*$")


MAX_SENTENCE = 5000   # characters; the longest sentence of the corpus has 621, of the held-out texts 2,600


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """The [start, end) spans of the sentences of `text` (";" ends one too).

    A run of text with no sentence end is cut at a line break (else a space) every
    MAX_SENTENCE characters: each movement word looks back over its sentence, so an
    unpunctuated text (a list, a table, a page without full stops) would otherwise cost the
    square of its length.
    """
    spans, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        before = text[max(start, m.start() - 12):m.start()].split()
        word = before[-1].lower().lstrip("(“\"") if before else ""
        if m.group().startswith(".") and (len(word) == 1 or word in ABBREVIATIONS):
            continue  # "G. Chicherin", "No. 03"
        spans += _bounded(text, start, m.end())
        start = m.end()
    if start < len(text):
        spans += _bounded(text, start, len(text))
    return spans


def _bounded(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span [start, end), cut into pieces of at most MAX_SENTENCE characters at line breaks or spaces."""
    if end - start <= MAX_SENTENCE:
        return [(start, end)]  # nearly every sentence
    pieces = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = text.rfind("\n", start + 1, limit)
        if cut < 0:
            cut = text.rfind(" ", start + 1, limit)
        cut = cut + 1 if cut >= 0 else limit
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces
