"""Each way the documents state a movement: kind, waypoints in order, status and actor."""
from __future__ import annotations

from datetime import date

import pytest

from gazetteer.model import DatedSpan
from gazetteer.movements.finder import find_movements

NAKH_UYEZD = "Nakhichevan@chr:nakhichevan-uyezd"

FORMS = [
    # (marked text, kind, waypoint names in order, status, actor)
    ("The command has failed to secure the [Shusha]–[Geryusy]–[Engelaurt]–[Karmelinovka]–[Nakhichevan] route.",
     "route", ["Shusha", "Goris", "Angeghakot", "Bichenak", "Nakhchivan"], "ordered, not secured", None),
    ("Our troops are continuing their movement from [Gerusy] toward [Nakhichevan].",
     "advance", ["Goris", "Nakhchivan"], "under way", "Our troops"),
    ("The withdrawal is to be arranged so that the entire route from [Nakhichevan] through "
     "[Karmalinovka] and [Engelaurt] lies beyond the influence of Armenian forces. This agreement is signed.",
     "route", ["Nakhchivan", "Bichenak", "Angeghakot"], "agreed", None),
    (f"Under the agreement the Armenian Government shall withdraw its forces from the territories of "
     f"[Zangezur] and [{NAKH_UYEZD}] up to [Shakhtakhty], where border troops shall remain.",
     "withdrawal", ["Zangezur", "Nakhichevan (uyezd)", "Shahtakhti"], "agreed", "the Armenian Government"),
    ("On these terms, we undertake the withdrawal of our units from the district of [Ijevan] to the "
     "[Kazakh] frontier.",
     "withdrawal", ["Ijevan District", "Kazakh District"], "agreed", "our units"),
    ("Under these conditions the Armenians shall pull back their troops beyond the [Kyssyr-Dagh] ridge.",
     "withdrawal", ["Kyssyr-Dagh"], "agreed", "the Armenians"),
    (f"The Armenians, advancing with regular forces on [{NAKH_UYEZD}], have cut the line.",
     "advance", ["Nakhichevan (uyezd)"], "occurred", "The Armenians"),
    ("I report that Khalil Pasha departed for [Baku] yesterday.",
     "journey", ["Baku"], "occurred", "Khalil Pasha"),
    ("A Turkish delegation is traveling to [Moscow], accompanied by our representative.",
     "journey", ["Moscow"], "under way", "A Turkish delegation"),
    ("Enemy operations are confirmed by their advance toward [Aghdam], occupation of territory up to "
     "the village of [Yengikend] (16 versts away).",
     "advance", ["Nor Shen (Yenikend)", "Aghdam"], "occurred", None),
    # encyclopedic forms
    ("In the summer of 1920 the 11th Red Army entered [Nakhichevan].",
     "occupation", ["Nakhchivan"], "occurred", "the 11th Red Army"),
    ("Armenian troops retreated from [Kars] to [Alexandropol].",
     "withdrawal", ["Kars", "Gyumri"], "occurred", "Armenian troops"),
    ("After the defeat, Nzhdeh withdrew into [Persia].", "withdrawal", ["Persia"], "occurred", "Nzhdeh"),
    ("The Turkish army took [Kars] after a short siege.", "occupation", ["Kars"], "occurred", "The Turkish army"),
    ("Dro's forces marched on [Zangezur].", "advance", ["Zangezur"], "occurred", "Dro's forces"),
    ("The Red Army invaded [Georgia].", "attack", ["Georgia"], "occurred", "The Red Army"),
    ("Drastamat Kanayan led troops from [Yerevan] to [Nakhichevan].",
     "advance", ["Yerevan", "Nakhchivan"], "occurred", "Drastamat Kanayan"),
    ("Azerbaijani forces occupied [Shusha].", "occupation", ["Shusha"], "occurred", "Azerbaijani forces"),
    ("The Dashnaks seized [Khankendi].", "occupation", ["Khankendi"], "occurred", "The Dashnaks"),
    ("The Armenian population fled to [Goris].", "withdrawal", ["Goris"], "occurred", "The Armenian population"),
    ("A British mission arrived in [Baku].", "journey", ["Baku"], "occurred", "A British mission"),
    ("The commissar returned from [Moscow] to [Baku].", "journey", ["Moscow", "Baku"], "occurred", "The commissar"),
    ("Tarkhan was apprehended and sent to [Baku].", "journey", ["Baku"], "occurred", "Tarkhan"),
    ("Two regiments were transferred to [Kars].", "transfer", ["Kars"], "occurred", "Two regiments"),
    ("The commissar was transferred to [Baku].", "journey", ["Baku"], "occurred", "The commissar"),
    ("Kazim Karabekir launched an offensive against [Sarikamish].",
     "advance", ["Sarıkamış"], "occurred", "Kazim Karabekir"),
    ("The Armenian government evacuated [Kars].", "withdrawal", ["Kars"], "occurred", "The Armenian government"),
    ("Dashnak bands attacked a detachment of Reds in [Angelyaut].",
     "attack", ["Angeghakot"], "occurred", "Dashnak bands"),
    ("On 28 April 1920 the 11th Red Army crossed the border and entered [Baku].",
     "occupation", ["Baku"], "occurred", "the 11th Red Army"),
    ("The Red Army's offensive against [Georgia] began at dawn.", "advance", ["Georgia"], "occurred", "The Red Army"),
    ("In December, and on the second day the Bolsheviks took control of [Yerevan].",
     "occupation", ["Yerevan"], "occurred", "the Bolsheviks"),
    ("Armenian refugees moved from [Kars] to [Alexandropol].",
     "journey", ["Kars", "Gyumri"], "occurred", "Armenian refugees"),
    ("Dro led a force through [Daralagyaz] towards [Nakhichevan].",
     "advance", ["Daralagyaz (Vayots Dzor)", "Nakhchivan"], "occurred", "Dro"),
    ("[Kars] fell to the Turkish army after a short siege.", "occupation", ["Kars"], "occurred", "the Turkish army"),
    ("British troops left [Baku] for [Tiflis].", "withdrawal", ["Baku", "Tbilisi"], "occurred", "British troops"),
    ("Armenian forces under Dro launched a counter-offensive toward [Kars].",
     "advance", ["Kars"], "occurred", "Armenian forces under Dro"),
    ("The Armenian army was forced to retreat to [Alexandropol].",
     "withdrawal", ["Gyumri"], "occurred", "The Armenian army"),
    ("The 11th Army's advance into [Armenia] began at night.", "advance", ["Armenia"], "occurred", "The 11th Army"),
    ("Nzhdeh was expelled from [Zangezur].", "withdrawal", ["Zangezur"], "occurred", "Nzhdeh"),
    ("The Turks besieged [Kars].", "attack", ["Kars"], "occurred", "The Turks"),
    ("They fought near [Alexandropol], which was captured by the Turks.",
     "occupation", ["Gyumri"], "occurred", "the Turks"),
    ("The Georgian government evacuated to [Kutaisi@chr:kars] and then to [Batum].",
     "withdrawal", ["Kars", "Batumi"], "occurred", "The Georgian government"),
    ("Karabekir's troops then advanced toward [Yerevan].", "advance", ["Yerevan"], "occurred", "Karabekir's troops"),
    ("Ottoman forces pushed into [Zangezur].", "advance", ["Zangezur"], "occurred", "Ottoman forces"),
    ("The Turkish army approached [Erivan].", "advance", ["Yerevan"], "occurred", "The Turkish army"),
    ("Vratsian and other Dashnak leaders escaped to [Persia].", "withdrawal", ["Persia"], "occurred",
     "Vratsian and other Dashnak leaders"),
    ("[Kars] was taken by the Turks.", "occupation", ["Kars"], "occurred", "the Turks"),
    ("After the capture of [Kars] by the Turks, Armenia sued for peace.", "occupation", ["Kars"],
     "occurred", "the Turks"),
    ("The fall of [Alexandropol] ended the war.", "occupation", ["Gyumri"], "occurred", None),
    ("Both the government and the command are hostile, and under this banner they have launched "
     "military action against [Armenia].", "attack", ["Armenia"], "occurred", None),
    ("The retreat of the Armenian army from [Kars] to [Alexandropol] was chaotic.",
     "withdrawal", ["Kars", "Gyumri"], "occurred", "the Armenian army"),
    ("The Turks took [Kars] on 30 October and [Alexandropol] on 7 November.",
     "occupation", ["Kars", "Gyumri"], "occurred", "The Turks"),
    ("The Armenian army tried to retake [Kars], but failed.", "occupation", ["Kars"], "intended",
     "The Armenian army"),
    ("Andranik's forces reached [Shusha].", "advance", ["Shusha"], "occurred", "Andranik's forces"),
    # passives, anaphors, definitions and country adjectives
    (f"The region of [{NAKH_UYEZD}] has been occupied by our troops.",
     "occupation", ["Nakhichevan (uyezd)"], "occurred", "our troops"),
    (f"By this treaty the disputed regions — [Karabakh], [Zangezur], and [{NAKH_UYEZD}] — shall be "
     "occupied by the forces of the RSFSR.",
     "occupation", ["Karabakh", "Zangezur", "Nakhichevan (uyezd)"], "agreed", "the forces of the RSFSR"),
    (f"They ask for the withdrawal of the Red troops from the so-called disputed districts. These are "
     f"the disputed districts — [Karabakh], [Zangezur], [{NAKH_UYEZD}].",
     "withdrawal", ["Karabakh", "Zangezur", "Nakhichevan (uyezd)"], "occurred", "the Red troops"),
    ("Under the agreement the Bazar-Chay area up to the [Kyssyr-Dagh] ridge stays neutral. "
     "Our forces shall occupy [Zangezur] and the area up to the aforementioned ridge.",
     "occupation", ["Zangezur", "Kyssyr-Dagh"], "agreed", "Our forces"),
    ("An uprising began in [Zangezur], where officers of [Karabakh] hid. The rebels, holding this region, "
     "stood firm.", "occupation", ["Zangezur"], "occurred", "The rebels"),
    ("[Armenia] asked for help. Lenin intends to deploy troops on Armenian territory.",
     "advance", ["Armenia"], "intended", "Lenin"),
    ("These herders drive their flocks through a belt of villages from [Vank] through [Shusha] to "
     "[Elizavetpol].", "route", ["Vank (Hadrut)", "Shusha", "Ganja"], "habitual", None),
    ("I relocated the district committee from hostile [Minkend] to neutral [Pirdzhan].",
     "journey", ["Minkend", "Pirjahan"], "occurred", None),
    ("The 11th Army was given the directive to occupy [Zangezur] and [Nakhichevan].",
     "occupation", ["Zangezur", "Nakhchivan"], "ordered", "The 11th Army"),
    ("The RMC expressed a resolute intention to commence an offensive against [Armenia].",
     "advance", ["Armenia"], "intended", "The RMC"),
    ("Huseynov has not yet returned from [Moscow].", "journey", ["Moscow"], "expected", "Huseynov"),
    ("The Armenian government demands the withdrawal of the Red troops from [Zangezur].",
     "withdrawal", ["Zangezur"], "demanded", "the Red troops"),
    ("The delegation proposed the occupation of [Zangezur] by Red troops.",
     "occupation", ["Zangezur"], "proposed", "Red troops"),
    ("THE TURKISH BAYAZET DIVISION HAS BEEN DEPLOYED AGAINST [ARMENIA@chr:armenia]",
     "advance", ["Armenia"], "occurred", "THE TURKISH BAYAZET DIVISION"),
    # verbs and phrases of encyclopedic prose
    ("Andranik's irregulars fought their way towards [Shusha].",
     "advance", ["Shusha"], "occurred", "Andranik's irregulars"),
    ("The relief column turned back near [Abdallar] in the snow.",
     "withdrawal", ["Lachin"], "occurred", "The relief column"),
    ("Kurdish horsemen briefly held [Askeran].", "occupation", ["Askeran"], "occurred", "Kurdish horsemen"),
    ("French troops landed at [Batum] in the spring.", "advance", ["Batumi"], "occurred", "French troops"),
    ("The Menshevik ministers sailed from [Batum] for [Constantinople].",
     "journey", ["Batumi", "Istanbul"], "occurred", "The Menshevik ministers"),
    ("The Armenian delegates embarked at [Batum] for [Constantinople].",
     "journey", ["Batumi", "Istanbul"], "occurred", "The Armenian delegates"),
    ("The Cheka deported the former officers to [Moscow].", "journey", ["Moscow"], "occurred", "The Cheka"),
    ("The mail coach passed through [Goris] twice a week.", "journey", ["Goris"], "occurred", "The mail coach"),
    ("[Kars] was recovered by Armenian troops.", "occupation", ["Kars"], "occurred", "Armenian troops"),
    ("Persian cavalry spread along the river through [Julfa] and [Nakhichevan].",
     "advance", ["Julfa", "Nakhchivan"], "occurred", "Persian cavalry"),
    ("Armenian forces reached the outskirts of [Ganja].", "advance", ["Ganja"], "occurred", "Armenian forces"),
    ("Two battalions were transferred from [Georgia] after the armistice.",
     "transfer", ["Georgia"], "occurred", "Two battalions"),
    ("The Georgians drove the rebels back across the border into [Soviet Russia@chr:russia].",
     "withdrawal", ["Russia"], "occurred", "The Georgians"),
    ("The Azerbaijani command sent two battalions of the Guard under Colonel Sisian from [Ganja].",
     "journey", ["Ganja"], "occurred", "The Azerbaijani command"),
    ("The Red sailors took the captured barges back to [Baku].", "journey", ["Baku"], "occurred", "The Red sailors"),
    ("Kurdish bands attacked the Armenian garrisons of [Kars], [Sarikamish] and [Julfa].",
     "attack", ["Kars", "Sarıkamış", "Julfa"], "occurred", "Kurdish bands"),
    ("The Bolsheviks pushed south towards [Julfa] and east towards [Baku].",
     "advance", ["Julfa", "Baku"], "occurred", "The Bolsheviks"),
    ("The brigade moved along the coast from [Astara] to [Lankaran] and [Salyan].",
     "advance", ["Astara", "Lankaran", "Salyan"], "occurred", "The brigade"),
    ("The British mission returned from [Enzeli] and landed at [Baku].",
     "journey", ["Bandar-e Anzali", "Baku"], "occurred", "The British mission"),
    ("Two Armenian regiments were taken prisoner and [Ganja] was taken shortly afterwards.",
     "occupation", ["Ganja"], "occurred", None),
    ("The Revkom requisitioned grain and arrested the officers, who were sent to [Baku] and from there to "
     "[Moscow].", "journey", ["Baku", "Moscow"], "occurred", "the officers"),
    ("Khalil Pasha, who had arrived from [Moscow], left for [Baku].", "journey", ["Moscow", "Baku"], "occurred",
     "Khalil Pasha"),
    ("The 11th Army, having taken [Baku], advanced along the railway to [Ganja].",
     "occupation", ["Baku", "Ganja"], "occurred", "The 11th Army"),
    ("Hundreds of refugees streamed into [Erivan] from [Kars].",
     "journey", ["Kars", "Yerevan"], "occurred", "Hundreds of refugees"),
    ("From [Julfa] the Red cavalry rode north to [Nakhichevan].",
     "advance", ["Julfa", "Nakhchivan"], "occurred", "the Red cavalry"),
    ("Reserves were rushed to [Kars] by train.", "advance", ["Kars"], "occurred", "Reserves"),
    ("The Armenians lost [Kars] on 30 October.", "withdrawal", ["Kars"], "occurred", "The Armenians"),
    ("The courier made his way through [Zangezur] to [Persia].",
     "journey", ["Zangezur", "Persia"], "occurred", "The courier"),
    ("The 11th Army advanced along the [Baku]–[Tiflis] railway.",
     "advance", ["Baku", "Tbilisi"], "occurred", "The 11th Army"),
    ("The Turkish advance on [Kars] began at dawn.", "advance", ["Kars"], "occurred", None),
    ("The British left [Baku] in August.", "journey", ["Baku"], "occurred", "The British"),
    ("Many Armenians emigrated to [Persia].", "journey", ["Persia"], "occurred", "Many Armenians"),
    ("The Armenian army's retreat from [Kars] to [Alexandropol] turned into a rout.",
     "withdrawal", ["Kars", "Gyumri"], "occurred", "The Armenian army"),
    ("After the assault the British evacuated [Baku] by sea.", "withdrawal", ["Baku"], "occurred", "the British"),
    ("The Red Army's entry into [Erivan] ended the republic.", "occupation", ["Yerevan"], "occurred",
     "The Red Army"),
    ("Nzhdeh's flight to [Persia] ended the resistance.", "withdrawal", ["Persia"], "occurred", "Nzhdeh"),
    ("The Turks drove the Armenians out of [Kars].", "withdrawal", ["Kars"], "occurred", "The Turks"),
    ("Azerbaijani troops were concentrated in [Karabakh].", "advance", ["Karabakh"], "occurred",
     "Azerbaijani troops"),
    ("The Red Army established control over [Zangezur] in July.", "occupation", ["Zangezur"], "occurred",
     "The Red Army"),
    ("The old ministers were exiled from [Armenia] to [Persia].", "journey", ["Armenia", "Persia"], "occurred",
     "The old ministers"),
    ("Three columns converged on [Tiflis].", "advance", ["Tbilisi"], "occurred", "Three columns"),
    ("Karabekir then turned south towards [Julfa].", "advance", ["Julfa"], "occurred", "Karabekir"),
    ("The Turkish army swept through [Kars] in a week.", "advance", ["Kars"], "occurred", "The Turkish army"),
    ("Red cavalry pursued the rebels into [Zangezur].", "advance", ["Zangezur"], "occurred", "Red cavalry"),
    ("Soviet troops took over [Nakhichevan].", "occupation", ["Nakhchivan"], "occurred", "Soviet troops"),
    # more waypoints: chains, origins in the subject or a first verb, rivers and ranges, asides
    ("The Armenians failed to retake [Kars].", "occupation", ["Kars"], "intended", "The Armenians"),
    ("Armenia agreed to withdraw its troops from [Nakhichevan].", "withdrawal", ["Nakhchivan"], "agreed",
     "Armenia"),
    ("Dro attempted to break through to [Nakhichevan].", "advance", ["Nakhchivan"], "intended", "Dro"),
    ("Without waiting for orders, Nzhdeh marched on [Goris].", "advance", ["Goris"], "occurred", "Nzhdeh"),
    ("Dro, sent from [Erivan], took command in [Goris].", "journey", ["Yerevan", "Goris"], "occurred", "Dro"),
    ("Driven out of [Kars], the Armenians regrouped at [Alexandropol].",
     "withdrawal", ["Kars", "Gyumri"], "occurred", "the Armenians"),
    ("Having crossed the [Arpachay], the Turkish army took [Alexandropol].",
     "advance", ["Akhurian", "Gyumri"], "occurred", "the Turkish army"),
    ("The rebels were defeated near [Erivan] and fled to [Zangezur].",
     "withdrawal", ["Yerevan", "Zangezur"], "occurred", "The rebels"),
    ("Insurgent detachments from [Goris], [Sisian] and [Angelyaut] advanced on [Nakhichevan].",
     "advance", ["Goris", "Sisian", "Angeghakot", "Nakhchivan"], "occurred",
     "Insurgent detachments from Goris, Sisian and Angelyaut"),
    ("The Red cavalry occupied [Kars] and, on 3 May 1921, entered [Julfa].",
     "occupation", ["Kars", "Julfa"], "occurred", "The Red cavalry"),
    ("The gunboat, with the commissar on board, sailed from [Baku], shelled the coast and landed at [Enzeli].",
     "journey", ["Baku", "Bandar-e Anzali"], "occurred", "The gunboat"),
    ("Under the armistice Turkish troops withdrew from [Alexandropol] to [Kars].",
     "withdrawal", ["Gyumri", "Kars"], "occurred", "Turkish troops"),
    ("The staff travelled to [Tiflis] and then to [Batum].", "journey", ["Tbilisi", "Batumi"], "occurred",
     "The staff"),
    ("Detachments from [Ganja] were sent into [Karabakh].",
     "advance", ["Ganja", "Karabakh"], "occurred", "Detachments from Ganja"),
    ("The garrison left [Tiflis] in May, moving by rail to [Batum].",
     "withdrawal", ["Tbilisi", "Batumi"], "occurred", "The garrison"),
    ("The envoys left [Baku] on 3 May and embarked for [Enzeli].",
     "journey", ["Baku", "Bandar-e Anzali"], "occurred", "The envoys"),
    ("The congress met in [Tiflis] and moved to [Baku].", "journey", ["Tbilisi", "Baku"], "occurred",
     "The congress"),
    ("Soviet cavalry advanced from [Salyan] along the lower [Kura] into [Mughan].",
     "advance", ["Salyan", "Kura", "Mughan"], "occurred", "Soviet cavalry"),
    ("Armenian infantry advanced from [Alexandropol] over the [Pambak range].",
     "advance", ["Gyumri", "Pambak ridge"], "occurred", "Armenian infantry"),
    ("Partisans moved from [Lenkoran] (now [Lankaran]) towards [Astara].",
     "advance", ["Lankaran", "Astara"], "occurred", "Partisans"),
    ("The Ossetian rebels fled across the [Mamison Pass] to [Vladikavkaz].",
     "withdrawal", ["Mamison Pass", "Vladikavkaz"], "occurred", "The Ossetian rebels"),
    ("Red columns advanced from [Vladikavkaz] over the [Mamison Pass] and along the coast from [Batum] to "
     "[Gori].", "advance", ["Vladikavkaz", "Mamison Pass", "Batumi", "Gori"], "occurred", "Red columns"),
]


@pytest.mark.parametrize(("marked", "kind", "waypoints", "status", "actor"), FORMS,
                         ids=[f[0][:48] for f in FORMS])
def test_movement_form(mark, marked, kind, waypoints, status, actor):
    text, mentions = mark(marked)
    found = find_movements(text, mentions)
    assert [(m.kind, [w.name for w in m.waypoints], m.status, m.actor) for m in found] == \
        [(kind, waypoints, status, actor)]
    movement = found[0]
    assert movement.text == text[movement.start:movement.end]


LEFT_OUT = [
    "The Dashnaks, lacking the means to advance toward [Kurdistan@chr:karabakh], rose up.",
    "If I'm not mistaken, this delegation has already arrived in [Moscow].",
    "Garegin Nzhdeh did not retreat from [Zangezur].",
    "Currently, no Kurd from [Minkend] can safely enter [Pirdzhan].",
    "The decision to transfer [Zangezur] and [Karabakh] to [Armenia] was welcomed.",
    "Azerbaijan voluntarily transferred part of its territory to [Armenia].",
    "The transfer of territories from [Azerbaijan] to [Armenia] has caused concern.",
    "In 1921 [Zangezur] was transferred to [Armenia].",
    "Moscow transferred control of [Karabakh] to [Azerbaijan].",
    "On the Cessation of Military Operations Against [Armenia].",
    "We do not intend to go to war over [Armenia] with anyone.",
    "It is imperative to send additional military forces to [Shusha].",
    "A telegram was sent to [Moscow] yesterday.",
    "Telegram from [Tiflis] to [Moscow].",
    "The distance from [Kars] to [Alexandropol] is 70 km.",
    "The border runs from [Kars] to [Julfa].",
    "The Turks advanced claims to [Kars].",
    "Armenia entered into negotiations with [Turkey].",
    "The conference moved to discuss [Karabakh].",
    "The road from [Shusha] to [Goris] was cut.",
    "The road from [Kars] to [Alexandropol] is long.",
    "The railway passes through [Kars] and [Alexandropol].",
    "The frontier ran along the river from [Julfa] to [Astara].",
    "The river flows from [Armenia] through [Azerbaijan].",
    "[Kars] lies seventy kilometres from [Alexandropol].",
    "The poet was born in [Shusha].",
    "He lived in [Tiflis] for a decade.",
    "She died in [Baku] in 1920.",
    "The avenue was named after [Karabakh].",
    "The treaty was signed in [Moscow] on 16 March.",
    "A congress was held in [Baku] in September.",
    "The news spread to [Tiflis] within a day.",
    "The government asked the British to send troops from [Baku] to [Shusha].",
    "The Georgian army did not land at [Batum].",
    "Reportedly the British sailed from [Batum].",
    "[Kars] and the southern part of [Zangezur] went to [Turkey].",
    "The larger part of the district went to [Armenia].",
    "[Kars] and [Julfa] were left to [Turkey].",
    "Dro took command in [Goris].",
    "The Armenians turned to [Moscow] for help.",
    "A wave of strikes swept through [Baku] in the spring.",
    "The treaty, signed in December, left [Armenia] with little more than two districts.",
    "The plenum resolved to leave [Karabakh] within [Azerbaijan].",
    "After the Ottoman withdrawal, the area had been ruled from [Lankaran] by a White colonel.",
    "The line of demarcation passed through [Shusha].",
    "The railway from [Baku] reached [Tiflis] in 1883.",
    "The Soviets took over the government of [Armenia].",
    "Forwarding Assembly Resolutions Adopted to Save [Armenia]",
    "The Dashnaks resolved to fulfil their ambition, establishing Dashnak rule over [Zangezur].",
    "Neither side advanced towards [Kars].",
    "According to some accounts, the Red Army entered [Shusha] on 15 May.",
    "Oil was carried from [Baku] to [Batumi] through the pipeline.",
    "The lowland parts were left outside [Karabakh].",
]


@pytest.mark.parametrize("marked", LEFT_OUT, ids=[t[:40] for t in LEFT_OUT])
def test_negated_hedged_and_cessions_are_left_out(mark, marked):
    text, mentions = mark(marked)
    assert [m.text for m in find_movements(text, mentions)] == []


def test_unresolved_mentions_are_not_waypoints(mark):
    text, mentions = mark("Armenian troops retreated from [Kars] to [Alexandropol].")
    unresolved = [mentions[0].__class__(m.start, m.end, m.text, None) for m in mentions]
    assert find_movements(text, unresolved) == []


def test_a_date_in_the_sentence_dates_the_movement_else_the_document_date(mark):
    text, mentions = mark("Khalil Pasha departed for [Baku] on 6/VIII. The Dashnaks seized [Khankendi].")
    on = text.index("6/VIII")
    dates = [DatedSpan(on, on + 6, date(1920, 8, 6), date(1920, 8, 6))]
    document = (date(1920, 8, 7), date(1920, 8, 7))
    found = find_movements(text, mentions, dates, document)
    assert [(m.waypoints[0].name, m.earliest, m.latest) for m in found] == [
        ("Baku", date(1920, 8, 6), date(1920, 8, 6)),
        ("Khankendi", date(1920, 8, 7), date(1920, 8, 7)),
    ]


def test_return_without_destination_goes_to_the_place_of_writing(mark):
    text, mentions = mark("[Baku], 9 August 1920. Huseynov has not yet returned from [Moscow].")
    dates = [DatedSpan(6, 19, date(1920, 8, 9), date(1920, 8, 9))]
    found = find_movements(text, mentions, dates)
    assert [[w.name for w in m.waypoints] for m in found] == [["Moscow", "Baku"]]


@pytest.mark.parametrize(("marked", "expected"), [
    ("The Turkish army crossed the [Arpachay] and took [Kars].",
     [("advance", "The Turkish army", ["Akhurian", "Kars"])]),
    ("The Red Army invaded [Georgia] in February and took [Tiflis].",
     [("attack", "The Red Army", ["Georgia", "Tbilisi"])]),
    ("The Red Army, advancing from [Baku], entered [Yerevan].",
     [("advance", "The Red Army", ["Baku", "Yerevan"])]),
    ("The Turks crossed the [Arpachay], and the Armenians retreated from [Kars].",
     [("advance", "The Turks", ["Akhurian"]), ("withdrawal", "the Armenians", ["Kars"])]),
])
def test_one_movers_coordinated_steps_are_one_movement(mark, marked, expected):
    text, mentions = mark(marked)
    found = find_movements(text, mentions)
    assert [(m.kind, m.actor, [w.name for w in m.waypoints]) for m in found] == expected


def test_find_movements_keeps_the_signature_the_pipeline_calls():
    import inspect

    params = inspect.signature(find_movements).parameters
    assert [(p.name, p.default) for p in params.values()] == [
        ("text", inspect.Parameter.empty), ("mentions", inspect.Parameter.empty), ("dates", ()),
        ("default_range", (None, None)), ("network", None),
        ("lines", True)]   # added after the others, with a default: every earlier call stands


@pytest.mark.parametrize(("marked", "expected"), [
    ("The rebels besieged [Gori], which they captured a week later.",
     [("attack", "The rebels", ["Gori"]), ("occupation", None, ["Gori"])]),
    ("The militia fled to [Gori], which was occupied without a fight.",
     [("withdrawal", "The militia", ["Gori"]), ("occupation", None, ["Gori"])]),
    ("The Turks besieged [Kars], which the Armenians left for [Alexandropol].",
     [("attack", "The Turks", ["Kars"]), ("withdrawal", "the Armenians", ["Kars", "Gyumri"])]),
    ("The envoy reached [Tiflis], where he landed after a storm.",
     [("journey", "The envoy", ["Tbilisi"]), ("journey", None, ["Tbilisi"])]),
])
def test_a_relative_clause_moves_to_its_antecedent(mark, marked, expected):
    text, mentions = mark(marked)
    found = find_movements(text, mentions)
    assert [(m.kind, m.actor, [w.name for w in m.waypoints]) for m in found] == expected


def test_a_date_in_a_later_clause_dates_only_that_clause(mark):
    text, mentions = mark("On 2 May the Dashnaks retreated to [Goris], and in July the last units withdrew "
                          "into [Persia] while [Kars] was evacuated on 9 July.")
    spans = [(text.index(t), text.index(t) + len(t), date(1921, 7, d1), date(1921, 7, d2))
             for t, d1, d2 in (("in July", 1, 31), ("on 9 July", 9, 9))]
    first = text.index("2 May")
    dates = [DatedSpan(first, first + 5, date(1921, 5, 2), date(1921, 5, 2))] + [DatedSpan(*s) for s in spans]
    document = (date(1921, 8, 1), date(1921, 8, 1))
    found = find_movements(text, mentions, dates, document)
    assert [(m.waypoints[0].name, m.earliest) for m in found] == [
        ("Goris", date(1921, 5, 2)), ("Persia", date(1921, 7, 1)), ("Kars", date(1921, 7, 9))]


@pytest.mark.parametrize(("marked", "expected"), [
    # a distance is not a waypoint
    ("Armenian troops reached [Shusha], some 30 kilometres from [Goris].", [["Shusha"]]),
    # a name listed after ", and" that is the subject of a new clause
    ("The Turks took [Kars] and [Julfa], and [Batum] was handed to [Georgia].",
     [["Kars", "Julfa"]]),
    # the object of another verb ("handing the city over to")
    ("The garrison left [Batum] and embarked for [Constantinople], handing the city over to [Georgia].",
     [["Batumi", "Istanbul"]]),
    # a date after "on" is not a place
    ("The Red Army entered [Nakhichevan] from [Julfa], and on 28 July a [Baku] delegation arrived.",
     [["Julfa", "Nakhchivan"]]),
    # a river, a range and a town in one route, in text order, step by step
    ("The column crossed the [Arpachay], marched over the [Kyssyr-Dagh] ridge and took [Goris].",
     [["Akhurian", "Kyssyr-Dagh", "Goris"]]),
])
def test_only_the_places_the_movement_passes_are_waypoints(mark, marked, expected):
    text, mentions = mark(marked)
    assert [[w.name for w in m.waypoints] for m in find_movements(text, mentions)] == expected


def test_a_movement_of_several_dated_steps_runs_from_the_first_date_to_the_last(mark):
    text, mentions = mark("The Turks took [Kars] on 30 October and [Alexandropol] on 7 November.")
    dates = [DatedSpan(text.index(t), text.index(t) + len(t), d, d)
             for t, d in (("30 October", date(1920, 10, 30)), ("7 November", date(1920, 11, 7)))]
    (found,) = find_movements(text, mentions, dates)
    assert (found.earliest, found.latest) == (date(1920, 10, 30), date(1920, 11, 7))
