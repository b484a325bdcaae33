#!/usr/bin/env python3
"""Write the two bundled example workshops under ``workshops/``.

Run from anywhere:  python scripts/make_examples.py [--out DIR]

The output is deterministic (fixed seeds, standard library only), so re-running rewrites the
same files byte for byte. The phrase banks below are what people in the network actually say
in many small variants; the generator decides which unit raises what in which round, spreads
the answers over anonymous respondents, and writes the files the way staff would type them.
"""

from __future__ import annotations

import argparse
import re
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from random import Random
from typing import Any

# fmt: off
# Theme and quadrant codes used inside this script.
EQ, AC = "J", "T"  # jämställdhet, tillgänglighet
STR, WEAK, OPP, THR = "S", "W", "O", "T"
QUADRANTS = (STR, WEAK, OPP, THR)
THEMES = (EQ, AC)

SV_THEME = {EQ: "jämställdhet", AC: "tillgänglighet"}
EN_THEME = {EQ: "equality", AC: "accessibility"}
SV_QUADRANT = {STR: "styrkor", WEAK: "svagheter", OPP: "möjligheter", THR: "hot"}
EN_QUADRANT = {STR: "strengths", WEAK: "weaknesses", OPP: "opportunities", THR: "threats"}
SV_KEYS = {
    "theme": "tema", "quadrant": "kvadrant", "text": "text", "importance": "vikt",
    "source": "källa", "respondent": "svarande", "note": "anteckning",
}
EN_KEYS = {k: k for k in SV_KEYS}
SV_SOURCE = {"survey": "enkät", "workshop": "workshop"}
EN_SOURCE = {"survey": "survey", "workshop": "workshop"}

RURAL = {
    "svalov": 2.5, "bjuv": 2.0, "bastad": 2.5, "hoganas": 1.4, "kristianstad": 1.5,
    "perstorp": 2.5, "orkelljunga": 2.8, "klippan": 2.0, "astorp": 1.5,
}
NEWCOMER_HEAVY = {
    "landskrona": 1.7, "bjuv": 1.4, "kristianstad": 1.3, "astorp": 1.6, "helsingborg": 1.3,
}
# fmt: on


@dataclass(frozen=True)
class Item:
    """One thing people say, in the many ways they say it."""

    key: str
    theme: str
    quadrant: str
    variants: tuple[str, ...]
    breadth: float = 0.3  # chance that a unit raises it when it first can
    importance: float = 3.5  # typical importance 1-5
    weight: float = 1.0  # how many respondents of a unit tend to mention it
    first: int = 0  # first round (index) in which it can appear
    resolve: float = 0.0  # chance per round that a unit stops raising a weakness/threat
    units: dict[str, str] = field(default_factory=dict)  # unit -> per round y/n/.
    only: bool = False  # only the units in `units` ever raise it
    boost: dict[str, float] = field(default_factory=dict)  # unit -> breadth multiplier
    # Added with a later round: its dice come from a stream of their own, so the files of the
    # rounds written before it stay byte for byte what they were.
    late: bool = False


def item(key: str, theme: str, quadrant: str, *variants: str, **details: Any) -> Item:
    """An Item written the way the banks below read best: the variants as plain arguments."""
    return Item(key, theme, quadrant, tuple(variants), **details)


# The phrase banks are data, laid out for reading and editing: keep the formatter out.
# fmt: off
# ---------------------------------------------------------------------------------------------
# Phrase bank: jämställdhet
# ---------------------------------------------------------------------------------------------
BANK: list[Item] = [
    # -- styrkor ---------------------------------------------------------------------------
    item("j_s_handledare", EQ, STR,
         "Engagerade handledare",
         "Handledarna är engagerade och ser varje deltagare",
         "Engagerade handledare som tar sig tid med deltagarna",
         "engagerad personal",
         "Våra handledare är väldigt engagerade",
         "Personal som brinner för sitt jobb",
         "Engagemanget hos handledarna är stort",
         breadth=0.75, importance=4.0, weight=1.2),
    item("j_s_kollegor", EQ, STR,
         "Bra kollegor som stöttar varandra",
         "Bra sammanhållning i arbetsgruppen",
         "Vi har högt i tak och kan prata om allt",
         "Bra teamwork i arbetslaget",
         "Trevliga och hjälpsamma kollegor",
         "Öppet klimat där man kan ta upp saker",
         breadth=0.55, importance=3.5),
    item("j_s_blandad_personal", EQ, STR,
         "Jämn könsfördelning i personalgruppen",
         "Vi är ungefär lika många kvinnor och män i arbetslaget",
         "Blandad personalgrupp, både män och kvinnor",
         "Både kvinnliga och manliga handledare",
         "Bra mix av kön och åldrar bland personalen",
         breadth=0.45, importance=3.0),
    item("j_s_vilja", EQ, STR,
         "Personalen vill jobba med jämställdhet",
         "Stort intresse för jämställdhetsfrågor bland medarbetarna",
         "Det finns en vilja att förändra",
         "Vi är nyfikna och vill lära oss mer om jämställdhet",
         "Intresse och vilja finns i gruppen",
         breadth=0.5, importance=3.5),
    item("j_s_plan_finns", EQ, STR,
         "Vi har en jämställdhetsplan",
         "Det finns en aktuell jämställdhetsplan",
         "Jämställdhetsplan finns",
         "Kommunen har en plan för jämställdhet som vi kan utgå från",
         "Vi har i alla fall en plan att utgå ifrån",
         breadth=0.5, importance=3.0),
    item("j_s_individ", EQ, STR,
         "Vi utgår från individen, inte från kön",
         "Deltagarens egna önskemål styr valet av arbetsträningsplats",
         "Vi frågar alltid deltagaren vad hen vill prova",
         "Vi ser individen och inte könet",
         "Alla deltagare får samma erbjudande oavsett kön",
         "Individuella planer för varje deltagare",
         breadth=0.6, importance=4.0),
    item("j_s_ledning", EQ, STR,
         "Chefen tar jämställdhetsfrågorna på allvar",
         "Ledningen stöttar jämställdhetsarbetet",
         "Vår enhetschef driver frågan",
         "Stöd från ledningen",
         breadth=0.3, importance=3.5),
    item("j_s_lon", EQ, STR,
         "Lönekartläggning görs varje år",
         "Lika lön för lika arbete i kommunen",
         "Kommunen gör lönekartläggning och rättar till osakliga skillnader",
         breadth=0.2, importance=3.0),
    item("j_s_rutiner", EQ, STR,
         "Tydliga rutiner mot sexuella trakasserier",
         "Vi har en bra rutin för kränkande särbehandling",
         "Efter #metoo pratar vi mer öppet om jargong och bemötande",
         breadth=0.2, importance=3.2),
    item("j_s_keramik", EQ, STR,
         "Keramikverkstaden lockar både kvinnor och män",
         "I keramiken är könsfördelningen jämn bland deltagarna",
         units={"hoganas": "yyy"}, only=True, importance=3.5, weight=1.4),
    item("j_s_sprak", EQ, STR,
         "Många språk i personalgruppen – vi når fler kvinnor med utländsk bakgrund",
         "Personal som talar arabiska, somaliska och dari",
         units={"landskrona": "y.."}, only=True, importance=4.0),
    item("j_s_kvinnlig_handledare", EQ, STR,
         "Vi har kvinnliga handledare i verkstaden som visar att det går",
         "En kvinnlig snickare som handledare är en bra förebild",
         units={"kristianstad": "yy", "bjuv": "ny"}, only=True, importance=3.6),
    item("j_s_strateg", EQ, STR,
         "Vi kan få stöd av kommunens jämställdhetsstrateg",
         "Kommunens jämställdhetsstrateg hjälper oss med planen",
         units={"lund": "yy", "helsingborg": "yyy"}, only=True, importance=3.8),
    item("j_s_kvinnofrid", EQ, STR,
         "Bra samarbete med kvinnojouren",
         "Samverkan med kvinnofridssamordnaren fungerar bra",
         units={"angelholm": "y.", "klippan": "y.."}, only=True, importance=3.4),
    # later rounds: progress
    item("j_s_aktiviteter", EQ, STR,
         "Vi har genomfört aktiviteter från jämställdhetsplanen",
         "Jämställdhetsplanen används nu och följs upp varje termin",
         "Aktiviteterna i jämställdhetsplanen har kommit igång",
         "Nu gör vi faktiskt det som står i planen!",
         "Jämställdhetsplanen är uppdelad i aktiviteter med ansvariga",
         "vi jobbar med planen nu, två aktiviteter klara",
         first=1, breadth=0.35, importance=4.0, weight=1.3),
    item("j_s_statistik", EQ, STR,
         "Vi tar nu fram könsuppdelad statistik",
         "Statistik per kön följs upp varje månad",
         "Könsuppdelad statistik finns i verksamhetssystemet nu",
         "Vi ser nu hur många kvinnor och män som går vidare till jobb eller studier",
         first=1, breadth=0.35, importance=3.8),
    item("j_s_utbildad", EQ, STR,
         "All personal har gått utbildning i jämställdhetsintegrering",
         "Vi har fått utbildning i jämställdhetsintegrering",
         "Utbildningen via nätverket gav oss ett gemensamt språk",
         "Bättre kunskap om jämställdhet efter utbildningsdagen",
         first=1, breadth=0.45, importance=3.8, weight=1.2),
    item("j_s_apt", EQ, STR,
         "Jämställdhet är en stående punkt på APT",
         "Vi pratar jämställdhet på varje arbetsplatsträff",
         "Jämställdhet finns med på våra möten nu",
         first=1, breadth=0.35, importance=3.4),
    item("j_s_otraditionellt", EQ, STR,
         "Fler kvinnor provar verkstad och fastighet",
         "Vi har fått fler män till köket och caféet",
         "Fler deltagare väljer otraditionellt nu",
         "Några kvinnor har provat snickeriet och trivs",
         first=1, breadth=0.3, importance=3.8),
    # -- svagheter -------------------------------------------------------------------------
    item("j_w_plan", EQ, WEAK,
         "Vi har en jämställdhetsplan men genomför inga aktiviteter",
         "Jämställdhetsplanen finns men inga aktiviteter genomförs",
         "vi har en plan för jämställdhet men ingen gör något",
         "Planen för jämställdhet följs inte upp",
         "Jämställdhetsplanen ligger i en pärm och används inte",
         "Det finns en jämställdhetsplan men vi jobbar inte med den",
         "Plan finns men inga aktiviteter",
         "Jämställdhetsplanen är inte känd bland personalen",
         "Ingen follow-up på jämställdhetsplanen",
         breadth=0.85, importance=4.2, weight=1.4, resolve=0.4),
    item("j_w_segregering", EQ, WEAK,
         "Arbetsträningsplatserna är könssegregerade",
         "Männen hamnar i verkstaden och kvinnorna i köket",
         "Könsuppdelade arbetsträningsplatser – män i snickeriet, kvinnor i tvätten",
         "Kvinnor placeras oftare i kök, tvätt och second hand",
         "Traditionella könsmönster i vilka praktikplatser vi erbjuder",
         "Män i fastighet och snickeri, kvinnor i kök och städ",
         "Stereotypa arbetsträningsplatser",
         "Second hand-butiken är nästan bara kvinnor och verkstaden nästan bara män",
         "Vi slussar deltagare till traditionella yrken",
         breadth=0.8, importance=4.0, weight=1.3, resolve=0.2),
    item("j_w_statistik", EQ, WEAK,
         "Vi saknar könsuppdelad statistik",
         "Ingen könsuppdelad statistik över deltagarna",
         "Statistiken delas inte upp på kön",
         "Vi vet inte hur många kvinnor resp. män som går vidare till jobb",
         "Resultaten följs inte upp per kön",
         "Saknar statistik på kön",
         breadth=0.6, importance=3.6, resolve=0.45),
    item("j_w_chefer", EQ, WEAK,
         "Mansdominerade chefsled",
         "Nästan bara män i ledningsgruppen",
         "Cheferna är mest män medan personalen mest är kvinnor",
         "Ledningen är mansdominerad",
         "Män i chefspositioner, kvinnor på golvet",
         breadth=0.4, importance=3.2, resolve=0.05),
    item("j_w_kompetens", EQ, WEAK,
         "Vi har inte fått någon utbildning i jämställdhet",
         "Kunskap om jämställdhetsintegrering saknas",
         "Personalen behöver kompetensutveckling i jämställdhetsintegrering",
         "Låg kunskap om genus och normer",
         "Ingen har gått utbildning i jämställdhetsintegrering",
         "Vi vet inte riktigt vad jämställdhetsintegrering betyder i praktiken",
         "Okunskap om jämställdhet",
         breadth=0.75, importance=3.8, weight=1.2, resolve=0.5),
    item("j_w_bemotande", EQ, WEAK,
         "Olika bemötande beroende på kön",
         "Stereotypa förväntningar på vad kvinnor och män klarar av",
         "Vi förväntar oss omedvetet olika saker av kvinnor och män",
         "Jargongen i verkstaden kan vara grabbig",
         "Skämt och jargong som inte är ok",
         '"Tjejerna är ju bättre på sånt" – sådana kommentarer hörs fortfarande',
         breadth=0.45, importance=3.2, resolve=0.25),
    item("j_w_utrikes_kvinnor", EQ, WEAK,
         "Kvinnor med utländsk bakgrund når vi inte",
         "Utrikesfödda kvinnor står långt från arbetsmarknaden och får för lite stöd",
         "Få insatser riktade till nyanlända kvinnor",
         "Kvinnor med utländsk bakgrund blir kvar länge i försörjningsstöd",
         "Det är oftast mannen i familjen som får praktikplats först",
         "Vi når inte kvinnorna som inte pratar svenska",
         breadth=0.55, importance=4.0, resolve=0.15, boost=NEWCOMER_HEAVY),
    item("j_w_barn", EQ, WEAK,
         "Arbetsträningens tider passar inte den som har små barn",
         "Deltagare med barn får svårt att få ihop tiderna",
         "Barnomsorg saknas på obekväma tider",
         "Kvinnor går ner på deltid för att få ihop vardagen",
         "Ensamstående mammor har svårt att delta på heltid",
         breadth=0.4, importance=3.3, resolve=0.1),
    item("j_w_tid", EQ, WEAK,
         "Ingen tid avsatt för jämställdhetsarbetet",
         "Jämställdhet hamnar alltid sist på dagordningen",
         "Vi hinner inte prata om jämställdhet på APT",
         "Tidsbrist",
         "Det finns inte tid att jobba med jämställdhet i vardagen",
         breadth=0.45, importance=3.4, resolve=0.35),
    item("j_w_personberoende", EQ, WEAK,
         "Jämställdhetsarbetet hänger på en eller två personer",
         "Frågan är personberoende",
         "Om jämställdhetsombudet slutar stannar allt",
         breadth=0.25, importance=3.5, resolve=0.2),
    item("j_w_lantbruk", EQ, WEAK,
         "Lantbrukspraktiken är helt mansdominerad",
         "Praktik på gårdarna går nästan bara till män",
         units={"svalov": "yy", "klippan": "..."}, only=True, importance=3.4),
    item("j_w_turism", EQ, WEAK,
         "Säsongsjobben i turismen är väldigt könsuppdelade",
         "Sommarjobben på hotell och restaurang styrs av traditionella könsroller",
         units={"bastad": "y.."}, only=True, importance=3.6),
    item("j_w_stor_organisation", EQ, WEAK,
         "Stor organisation – svårt att nå ut till alla enheter med jämställdhetsarbetet",
         "Vi är utspridda på många arbetsplatser och gör olika",
         "Många verksamheter – svårt att få samma arbetssätt överallt",
         units={"kristianstad": "yy", "helsingborg": "yyn"}, only=True, importance=3.5),
    item("j_w_manliga_handledare", EQ, WEAK,
         "Inga kvinnliga handledare i verkstaden",
         "Bara manliga handledare på fastighetssidan",
         units={"bjuv": "yn", "svalov": "..", "astorp": "y.."}, only=True, importance=3.2),
    item("j_w_nar_inte_ut", EQ, WEAK,
         "Aktiviteterna i planen når inte deltagarna ännu",
         "Planen är igång men det märks inte i vardagen",
         "Vi har gjort aktiviteter men inte följt upp effekten",
         first=1, breadth=0.3, importance=3.2),
    item("j_w_siffror_oanvanda", EQ, WEAK,
         "Könsuppdelad statistik tas fram men används inte",
         "Vi har siffrorna men ingen analyserar dem",
         first=1, breadth=0.2, importance=3.0),
    # -- möjligheter -----------------------------------------------------------------------
    item("j_o_natverk", EQ, OPP,
         "Nätverket mellan arbetsmarknadsenheterna i Skåne nordväst",
         "Att lära av varandra i nätverket",
         "Samarbete med andra kommuner i nätverket",
         "Erfarenhetsutbyte med de andra AME:erna",
         "Nätverket ger oss möjlighet att jämföra oss",
         "Dela metoder och material med nätverket",
         "Gemensamma träffar i nätverket",
         breadth=0.8, importance=4.0, weight=1.1),
    item("j_o_esf", EQ, OPP,
         "ESF-projekt kan ge resurser",
         "Söka medel från Europeiska socialfonden",
         "Nytt ESF+-projekt kan finansiera utbildning",
         "Projektmedel från ESF",
         "Söka pengar för ett gemensamt projekt",
         breadth=0.45, importance=3.6),
    item("j_o_myndighet", EQ, OPP,
         "Stöd och material från Jämställdhetsmyndigheten",
         "Jämställdhetsmyndighetens webbutbildningar",
         "Använda Jämställdhetsmyndighetens verktyg för jämställdhetsintegrering",
         "Det finns mycket gratis material från Jämställdhetsmyndigheten och SKR",
         "jämställdhetsmyndigheten har bra stöd att hämta",
         breadth=0.5, importance=3.4),
    item("j_o_branscher", EQ, OPP,
         "Nya branscher att samarbeta med",
         "Bryta mönster genom att erbjuda praktik i nya branscher",
         "Samarbete med näringslivet om otraditionella yrkesval",
         "Låta deltagare prova yrken där det egna könet är underrepresenterat",
         "Arbetsgivare inom vård och bygg söker folk – chans att bryta könsmönster",
         breadth=0.55, importance=3.6),
    item("j_o_utbildning", EQ, OPP,
         "Utbildning i jämställdhetsintegrering för all personal",
         "Gemensam utbildningsdag i nätverket",
         "Studiecirkel om normer och genus",
         "Kompetensutveckling i jämställdhet på APT",
         breadth=0.55, importance=3.8),
    item("j_o_statistik", EQ, OPP,
         "Börja ta fram könsuppdelad statistik i verksamhetssystemet",
         "Verksamhetssystemet kan ta fram statistik per kön om vi ställer in det",
         "Följa upp resultat per kön varje kvartal",
         breadth=0.3, importance=3.2),
    item("j_o_forebilder", EQ, OPP,
         "Använda förebilder, t.ex. kvinnliga snickare och manliga undersköterskor",
         "Bjuda in förebilder som valt otraditionellt",
         "Studiebesök på arbetsplatser med otraditionella yrkesval",
         breadth=0.3, importance=3.0),
    item("j_o_sfi", EQ, OPP,
         "Koppla SFI närmare arbetsträningen",
         "SFI kombinerat med praktik för kvinnor",
         "Samarbete med vuxenutbildningen kring språkpraktik",
         "Yrkessvenska på arbetsträningen",
         breadth=0.35, importance=3.6, boost=NEWCOMER_HEAVY),
    item("j_o_hogskola", EQ, OPP,
         "Högskolan Kristianstad kan bidra med kunskap och studenter",
         "Samarbete med högskolan om genusfrågor",
         units={"kristianstad": "y."}, only=True, importance=3.0),
    item("j_o_universitet", EQ, OPP,
         "Studenter från Lunds universitet kan göra uppsatser hos oss",
         "Samarbete med Lunds universitet",
         units={"lund": "yy"}, only=True, importance=3.0),
    item("j_o_foreningar", EQ, OPP,
         "Samarbete med kvinnoföreningar och studieförbund",
         "Föreningslivet når kvinnor som vi inte når",
         units={"landskrona": "yy", "astorp": ".y."}, only=True, importance=3.7),
    item("j_o_kommunmal", EQ, OPP,
         "Kommunens nya mål om jämställdhet ger oss mandat",
         "Jämställdhet finns med i kommunens mål och budget",
         units={"hoganas": "y.", "angelholm": "..", "klippan": "..."}, only=True,
         importance=3.5),
    # -- hot -------------------------------------------------------------------------------
    item("j_t_besparingar", EQ, THR,
         "Besparingar",
         "Besparingskrav i kommunen",
         "Nedskärningar gör att jämställdhet prioriteras bort",
         "Ekonomin – budgeten minskar nästa år",
         "Sparbeting på hela förvaltningen",
         "Minskade anslag",
         "Kommunens ekonomi är ansträngd",
         breadth=0.85, importance=4.4, weight=1.3, resolve=0.1),
    item("j_t_omsattning", EQ, THR,
         "Hög personalomsättning",
         "Kunskapen försvinner när personal slutar",
         "Personalomsättning gör att vi börjar om från noll",
         "Många vikarier och nya i arbetsgruppen",
         "Nyckelpersoner slutar",
         breadth=0.7, importance=4.0, resolve=0.15),
    item("j_t_politik", EQ, THR,
         "Politiska prioriteringar ändras",
         "Nya politiska beslut kan ta bort fokus från jämställdhet",
         "Frågan prioriteras inte av politikerna",
         "Efter valet kan inriktningen ändras",
         "Politiken styr om till andra frågor",
         breadth=0.55, importance=3.8, resolve=0.1),
    item("j_t_projekt", EQ, THR,
         "Att jämställdhet blir ett projekt som tar slut",
         "När projektpengarna tar slut så tar arbetet slut",
         "Risk att det blir en engångsinsats",
         "Frågan blir en projektgrej och inte en del av vardagen",
         "Projekttrötthet",
         breadth=0.6, importance=4.0, resolve=0.1),
    item("j_t_motstand", EQ, THR,
         'Attityden "vi behandlar alla lika" gör att man inte ser skillnaderna',
         "Motstånd hos vissa kollegor",
         "Uppfattningen att jämställdhet redan är löst",
         "Trötthet på ordet jämställdhet",
         '"Det har vi alltid gjort" – gamla vanor sitter i väggarna',
         breadth=0.35, importance=3.4, resolve=0.2),
    item("j_t_arbetsgivare", EQ, THR,
         "Arbetsgivare efterfrågar män till vissa jobb",
         "Arbetsgivarnas fördomar när vi söker praktikplatser",
         "Praktikvärdar som bara vill ha killar på lagret",
         "Arbetsgivare som inte vill ta emot kvinnor med slöja",
         "Näringslivets könsmönster",
         breadth=0.45, importance=3.6, resolve=0.1),
    item("j_t_snabba_resultat", EQ, THR,
         "Andra frågor tränger undan jämställdheten",
         "Fokus på att få ut folk i jobb snabbt, inte på jämställdhet",
         "Krav på snabba resultat",
         breadth=0.3, importance=3.0, resolve=0.1),
    item("j_t_finansiering", EQ, THR,
         "Osäkert om nätverket får fortsatt finansiering",
         "Vad händer när nätverksprojektet är slut?",
         "Risk att nätverket läggs ner när projekttiden är slut",
         first=1, breadth=0.3, importance=3.6),
]

# ---------------------------------------------------------------------------------------------
# Phrase bank: tillgänglighet
# ---------------------------------------------------------------------------------------------
BANK += [
    # -- styrkor ---------------------------------------------------------------------------
    item("t_s_individ", AC, STR,
         "Individanpassning",
         "Vi är bra på att anpassa efter individen",
         "Individanpassade insatser",
         "Vi anpassar arbetsuppgifterna efter varje deltagares förutsättningar",
         "Flexibla lösningar för den enskilde",
         "Vi möter deltagaren där hen är",
         "Stor flexibilitet i schema och arbetstider",
         breadth=0.85, importance=4.2, weight=1.3),
    item("t_s_personal", AC, STR,
         "Kunnig personal",
         "Personal med kunskap om NPF",
         "Handledarna har lång erfarenhet av att jobba med personer med funktionsnedsättning",
         "Kompetent och erfaren personal",
         "Erfarna handledare",
         breadth=0.75, importance=4.0),
    item("t_s_samverkan", AC, STR,
         "Bra samverkan med Arbetsförmedlingen",
         "Bra samarbete med Försäkringskassan och vården",
         "Samordningsförbundet ger oss stöd",
         "Fungerande samverkan med AF och FK",
         "Nära samarbete med socialtjänsten och psykiatrin",
         breadth=0.45, importance=3.6),
    item("t_s_bredd", AC, STR,
         "Stor bredd av arbetsträningsplatser",
         "Många olika praktikplatser att välja mellan",
         "Varierade arbetsuppgifter som passar olika behov",
         "Vi har allt från kontor till trädgård",
         breadth=0.5, importance=3.5),
    item("t_s_miljo", AC, STR,
         "Små grupper och lugn miljö",
         "Vi har tid för varje deltagare",
         "Trygg miljö där man får ta det i sin egen takt",
         "Lugnt tempo",
         breadth=0.35, importance=3.4),
    item("t_s_lokaler", AC, STR,
         "Lokalerna ligger i markplan",
         "Hiss och ramp finns i huvudbyggnaden",
         "Nyrenoverade lokaler med bra tillgänglighet",
         breadth=0.15, importance=3.5, boost={"angelholm": 5.0, "helsingborg": 2.0}),
    item("t_s_arbetsterapeut", AC, STR,
         "Arbetsterapeut i teamet",
         "Tillgång till arbetsterapeut för bedömning av arbetsförmåga",
         "Vi har egen arbetsterapeut som gör anpassningar",
         breadth=0.2, importance=3.8),
    item("t_s_bemotande", AC, STR,
         "Bra bemötande",
         "Deltagarna känner sig välkomna",
         "Respektfullt bemötande av alla deltagare",
         "Vi är bra på att skapa relationer",
         breadth=0.45, importance=3.8),
    item("t_s_horslinga", AC, STR,
         "Hörslinga installerad i stora mötesrummet",
         "Nu finns det hörslinga i mötesrummen",
         "Hörslingan är lagad och testad",
         first=1, breadth=0.25, importance=3.4),
    item("t_s_lattlast", AC, STR,
         "Lättläst information finns nu på webben",
         "Vi har tagit fram broschyrer på lättläst svenska",
         "Informationen finns nu på lättläst och med bildstöd",
         first=1, breadth=0.35, importance=3.6),
    item("t_s_npf_utbildad", AC, STR,
         "Alla handledare har gått NPF-utbildning",
         "Utbildningen om NPF har gett oss bättre verktyg",
         "Bättre kunskap om NPF efter utbildningen",
         first=1, breadth=0.45, importance=4.0, weight=1.2),
    item("t_s_ramp", AC, STR,
         "Ramp vid entrén är klar",
         "Trösklarna är borttagna i verkstaden",
         "Dörröppnare är installerad vid entrén",
         first=1, breadth=0.2, importance=3.6),
    item("t_s_bildstod", AC, STR,
         "Vi använder bildstöd i scheman och instruktioner",
         "Tydliggörande pedagogik på arbetsträningen",
         "Scheman med bildstöd i alla grupper",
         first=1, breadth=0.3, importance=3.5),
    # -- svagheter -------------------------------------------------------------------------
    item("t_w_lokaler", AC, WEAK,
         "Lokalerna är inte tillgängliga",
         "Trappor och ingen hiss till övervåningen",
         "Höga trösklar och tunga dörrar",
         "Lokalerna är gamla och otillgängliga för den som använder rullstol",
         "Ingen hiss",
         "Trösklar och trånga korridorer i verkstaden",
         "Lokaler: trappor, trösklar och ingen hiss",
         "otillgängliga lokaler",
         "Svårt att ta sig in i lokalerna med rullator",
         "Tillgängligheten i lokalerna är dålig",
         breadth=0.85, importance=4.4, weight=1.4, resolve=0.25,
         boost={"angelholm": 0.2}),
    item("t_w_toalett", AC, WEAK,
         "Toaletten är inte anpassad för rullstol",
         "Ingen RWC",
         "Saknar handikapptoalett",
         "Toaletterna är för små",
         breadth=0.4, importance=3.8, resolve=0.3),
    item("t_w_lattlast", AC, WEAK,
         "Lättläst information saknas",
         "Informationen är svår att förstå",
         "Inget material på lättläst svenska",
         "Broschyrerna är skrivna på krånglig myndighetssvenska",
         "Blanketter och info finns inte på lättläst",
         "Vi saknar information med bildstöd",
         "Informationen finns bara på svenska, och på svår svenska",
         breadth=0.7, importance=3.9, weight=1.1, resolve=0.4),
    item("t_w_horslinga", AC, WEAK,
         "Hörslinga saknas",
         "Ingen hörslinga i mötesrummen",
         "Hörslingan fungerar inte",
         "Teknik för personer med hörselnedsättning saknas",
         breadth=0.4, importance=3.2, resolve=0.45),
    item("t_w_webb", AC, WEAK,
         "Webbplatsen är inte tillgänglig",
         "Hemsidan går inte att läsa med skärmläsare",
         "Vår information på kommunens webb är svår att hitta",
         "Hemsidan uppfyller inte tillgänglighetskraven",
         "Webben är inte anpassad",
         breadth=0.4, importance=3.2, resolve=0.3),
    item("t_w_npf", AC, WEAK,
         "Okunskap om NPF",
         "Bristande kunskap om neuropsykiatriska funktionsnedsättningar",
         "Personalen behöver mer kunskap om NPF",
         "Vi vet för lite om adhd och autism",
         "Okunskap om dolda funktionsnedsättningar",
         "Saknar kompetens kring NPF",
         "Kunskapen om npf varierar mycket mellan handledarna",
         breadth=0.8, importance=4.1, weight=1.3, resolve=0.4),
    item("t_w_attityder", AC, WEAK,
         "Attityder och fördomar om funktionsnedsättning",
         "Negativa attityder hos en del kollegor",
         "Man ser funktionsnedsättningen före personen",
         "Låga förväntningar på deltagare med funktionsnedsättning",
         "Okunskap och rädsla för att göra fel",
         breadth=0.45, importance=3.5, resolve=0.2),
    item("t_w_platser", AC, WEAK,
         "För få anpassade praktikplatser",
         "Svårt att hitta anpassade praktikplatser hos arbetsgivare",
         "Brist på platser för den som behöver mycket stöd",
         "Praktikplatserna är inte anpassade för personer med funktionsnedsättning",
         "Det saknas platser med lägre tempo",
         breadth=0.75, importance=4.0, weight=1.2, resolve=0.15),
    item("t_w_digitalt", AC, WEAK,
         "Digitala verktyg är inte tillgängliga",
         "Deltagarna har svårt med e-tjänster och BankID",
         "Brist på hjälpmedel och digitala verktyg",
         "Våra datorer saknar talsyntes och skärmläsare",
         "Digitala möten utesluter en del deltagare",
         breadth=0.4, importance=3.3, resolve=0.2),
    item("t_w_kollektivtrafik", AC, WEAK,
         "Dålig kollektivtrafik till arbetsträningen",
         "Svårt att ta sig hit utan bil",
         "Bussarna går för sällan",
         "Långt till närmaste busshållplats",
         "Färdtjänst gäller inte till praktiken",
         "Kollektivtrafiken fungerar dåligt på landsbygden",
         breadth=0.3, importance=3.6, resolve=0.05, boost=RURAL),
    item("t_w_ljud", AC, WEAK,
         "Stökig och bullrig miljö i verkstaden",
         "Hög ljudnivå i lunchrummet",
         "Inga lugna rum att dra sig undan till",
         "Starkt lysrörsljus och mycket ljud – jobbigt för den med NPF",
         breadth=0.35, importance=3.2, resolve=0.25),
    item("t_w_utspridd", AC, WEAK,
         "Verksamheten är utspridd på flera adresser med olika tillgänglighet",
         "Vissa av våra lokaler är tillgängliga, andra inte alls",
         units={"kristianstad": "yy", "helsingborg": "..."}, only=True, importance=3.6),
    item("t_w_tolk", AC, WEAK,
         "Tolk saknas ofta vid möten",
         "Svårt att få tolk med kort varsel",
         units={"landskrona": "yy", "helsingborg": ".y.", "astorp": "..."}, only=True,
         importance=3.5),
    item("t_w_hamnen", AC, WEAK,
         "Lokalen vid hamnen saknar ramp",
         "Caféet i hamnen går inte att nå med rullstol",
         units={"bastad": "yy."}, only=True, importance=3.8),
    item("t_w_kallare", AC, WEAK,
         "Snickeriet ligger i källaren utan hiss",
         "Snickeriet i källaren går inte att nå för den som inte kan gå i trappor",
         units={"hoganas": "yy."}, only=True, importance=4.0),
    item("t_w_slinga_okand", AC, WEAK,
         "Hörslingan finns men personalen kan inte använda den",
         "Ingen vet hur man slår på hörslingan",
         first=1, breadth=0.15, importance=2.8),
    item("t_w_lattlast_gammalt", AC, WEAK,
         "Lättläst material finns men är inte uppdaterat",
         "Det lättlästa materialet stämmer inte längre med verksamheten",
         first=1, breadth=0.12, importance=2.8),
    # -- möjligheter -----------------------------------------------------------------------
    item("t_o_samverkan", AC, OPP,
         "Samarbete med Försäkringskassan och Arbetsförmedlingen",
         "Bättre samverkan med Arbetsförmedlingen kring lönebidrag",
         "Gemensamma kartläggningar med Försäkringskassan",
         "Samordningsförbundet kan finansiera gemensamma insatser",
         "Tätare samarbete med AF och FK",
         breadth=0.7, importance=3.9, weight=1.1),
    item("t_o_digitalt", AC, OPP,
         "Digitala verktyg som talsyntes och bildstöd",
         "Appar för planering och struktur",
         "Nya digitala hjälpmedel gör det lättare att anpassa",
         "Digitala hjälpmedel, t.ex. påminnelser i mobilen",
         breadth=0.45, importance=3.4),
    item("t_o_utbildning", AC, OPP,
         "Utbildning i NPF för all personal",
         "Kompetensutveckling om funktionsnedsättning via nätverket",
         "Webbutbildningar från Myndigheten för delaktighet",
         "Gemensam NPF-utbildning med de andra kommunerna",
         "Lära oss mer om tydliggörande pedagogik",
         breadth=0.6, importance=3.9, weight=1.1),
    item("t_o_arbetsgivare", AC, OPP,
         "Fler arbetsgivare vill ta socialt ansvar",
         "Arbetsgivare som kan tänka sig att anställa med lönebidrag",
         "Brist på arbetskraft gör arbetsgivare mer öppna",
         "Företag som vill jobba med CSR och mångfald",
         breadth=0.5, importance=3.6),
    item("t_o_ombyggnad", AC, OPP,
         "Ombyggnad av lokalerna är planerad",
         "Flytt till nya lokaler kan lösa tillgängligheten",
         "Fastighetsägaren är positiv till att bygga om",
         breadth=0.2, importance=3.8),
    item("t_o_lattlast", AC, OPP,
         "Ta fram lättläst material tillsammans med deltagarna",
         "Kommunens kommunikatörer kan hjälpa oss med lättläst",
         "Använda bildstöd och film i stället för text",
         breadth=0.35, importance=3.4),
    item("t_o_natverk", AC, OPP,
         "Nätverket – dela erfarenheter om anpassningar",
         "Lära av andra kommuner i nätverket",
         "Gemensam inventering av lokalerna i nätverket",
         "Gemensamma rutiner för tillgänglighet i nätverket",
         breadth=0.6, importance=3.7),
    item("t_o_brukare", AC, OPP,
         "Samarbete med funktionsrättsorganisationer",
         "Låta deltagare och brukarorganisationer granska vår tillgänglighet",
         "Bjuda in brukarföreningar till APT",
         breadth=0.3, importance=3.3),
    item("t_o_dos", AC, OPP,
         "DOS-lagen tvingar fram en bättre webb",
         "Lagkraven på digital tillgänglighet hjälper oss att prioritera",
         breadth=0.15, importance=3.0),
    # -- hot -------------------------------------------------------------------------------
    item("t_t_nedskarningar", AC, THR,
         "Nedskärningar",
         "Besparingar drabbar anpassningarna först",
         "Mindre pengar till hjälpmedel",
         "Budgetneddragningar kan ta bort arbetsträningsplatser",
         "Ekonomiska nedskärningar i kommunen",
         "Neddragningar",
         breadth=0.85, importance=4.4, weight=1.3, resolve=0.1),
    item("t_t_handlaggning", AC, THR,
         "Långa handläggningstider hos Försäkringskassan",
         "Lång väntan på beslut från Arbetsförmedlingen",
         "Långa handläggningstider för hjälpmedel",
         "Det tar för lång tid att få en NPF-utredning",
         "Långa väntetider",
         "Långa handläggningstider",
         breadth=0.75, importance=4.0, weight=1.1, resolve=0.1),
    item("t_t_af", AC, THR,
         "Arbetsförmedlingens omorganisation",
         "Förändringar hos Arbetsförmedlingen gör samarbetet osäkert",
         "Färre anvisningar från Arbetsförmedlingen",
         "AF har dragit ner på lokala kontor",
         "Oklart vad Arbetsförmedlingen ska göra framöver",
         breadth=0.55, importance=3.8, resolve=0.1),
    item("t_t_arbetsgivare", AC, THR,
         "Arbetsgivares fördomar om funktionsnedsättning",
         "Arbetsgivare vågar inte ta emot deltagare med funktionsnedsättning",
         "Arbetsgivare är rädda att det ska bli krångligt",
         "Attityder på arbetsmarknaden",
         breadth=0.55, importance=3.7, resolve=0.1),
    item("t_t_ohalsa", AC, THR,
         "Ökad psykisk ohälsa bland deltagarna",
         "Fler deltagare med komplexa behov",
         "Deltagarna har allt tyngre problematik",
         "Fler unga med psykisk ohälsa",
         breadth=0.45, importance=3.8, resolve=0.05),
    item("t_t_personal", AC, THR,
         "Personalbrist och hög arbetsbelastning",
         "Vi är för få för att hinna anpassa",
         "Sjukskrivningar bland personalen",
         "Stressad personal hinner inte se alla",
         breadth=0.45, importance=3.8, resolve=0.15),
    item("t_t_buss", AC, THR,
         "Indragna busslinjer",
         "Skånetrafiken drar in turer",
         "Risk att busslinjen till industriområdet läggs ner",
         breadth=0.15, importance=3.5, boost=RURAL),
    item("t_t_hyresvard", AC, THR,
         "Hyresvärden vill inte bygga om",
         "Vi hyr lokalen och får inte göra ändringar",
         "Ombyggnaden dröjer för att ingen vill betala",
         breadth=0.2, importance=3.4, resolve=0.1),
]

# Said only in the AMEIS network's quarterly follow-up.
AMEIS_BANK: list[Item] = [
    item("a_j_s_traffar", EQ, STR,
         "Nätverksträffarna varje kvartal ger energi",
         "Bra att träffa de andra AME:erna regelbundet",
         "AMEIS-träffarna håller frågan levande",
         breadth=0.35, importance=3.6),
    item("a_j_s_utbildningsdag", EQ, STR,
         "Den gemensamma utbildningsdagen om jämställdhetsintegrering var bra",
         "Utbildningsdagen i nätverket gav oss verktyg",
         "Vi har fått ett gemensamt språk kring jämställdhet efter utbildningen",
         first=1, breadth=0.45, importance=3.8, weight=1.2),
    item("a_j_o_enkat", EQ, OPP,
         "Gemensam enkät gör att vi kan jämföra oss över tid",
         "Kvartalsuppföljningen visar om vi gör framsteg",
         breadth=0.35, importance=3.4),
    item("a_t_s_checklista", AC, STR,
         "Gemensam checklista för tillgänglighet på praktikplatser",
         "Checklistan från nätverket används när vi besöker arbetsgivare",
         "Vi använder nätverkets checklista för tillgänglighet",
         first=1, breadth=0.4, importance=3.7),
    item("a_t_s_inventering", AC, STR,
         "Tillgänglighetsinventering av lokalerna är gjord",
         "Vi har inventerat våra lokaler tillsammans med en brukarorganisation",
         first=2, breadth=0.35, importance=3.8),
    item("a_t_w_liten", AC, WEAK,
         "Få arbetsträningsplatser att välja mellan i en liten kommun",
         "Liten enhet – svårt att erbjuda anpassade platser",
         "Vi är få och blir sårbara när någon är sjuk",
         units={"perstorp": "yyy", "orkelljunga": "yy.", "bjuv": "...", "klippan": "y..",
                "svalov": "..."},
         only=True, importance=3.8, weight=1.3),
    item("a_t_w_restid", AC, WEAK,
         "Lång restid med buss för deltagare från landsbygden",
         "Deltagare från byarna har svårt att komma hit",
         units={"orkelljunga": "yyy", "perstorp": "...", "klippan": "...", "bastad": "...",
                "svalov": "..."},
         only=True, importance=3.7),
    item("a_t_t_omorg", AC, THR,
         "Omorganisation i förvaltningen",
         "Ny organisation gör att vi inte vet vem som ansvarar",
         units={"helsingborg": "yy.", "landskrona": ".y."}, only=True, importance=3.5),
    item("a_t_o_upphandling", AC, OPP,
         "Gemensam upphandling av hjälpmedel och lättläst material",
         "Dela på kostnaden för lättläst och film i nätverket",
         breadth=0.25, importance=3.3),
]

# Kvartal 2 2026: what a year of quarterly meetings has started to bring. A list of its own:
# benchmarks/generate.py builds its national population from BANK and AMEIS_BANK, and these
# must not change it.
AMEIS_LATE_BANK: list[Item] = [
    item("a_j_s_planen_lever", EQ, STR,
         "Jämställdhetsplanen gås igenom på varje APT",
         "Planen har blivit ett levande dokument som vi följer upp",
         "Vi stämmer av jämställdhetsplanen varje månad",
         first=3, breadth=0.45, importance=3.9, late=True),
    item("a_j_s_statistik_kon", EQ, STR,
         "Vi redovisar nu alla resultat uppdelat på kön",
         "Könsuppdelad statistik tas fram varje kvartal",
         first=3, breadth=0.35, importance=3.7, late=True),
    item("a_t_s_lattlast_material", AC, STR,
         "Informationen till deltagarna finns nu på lättläst svenska",
         "Vi har gjort om broschyrerna till lättläst",
         first=3, breadth=0.35, importance=3.6, late=True),
    item("a_t_o_regionbuss", AC, OPP,
         "Nya busslinjer från Skånetrafiken till hösten",
         "Tätare bussturer gör det lättare att ta sig till arbetsträningen",
         first=3, breadth=0.25, importance=3.3, late=True),
]

# Per-workshop fixed storylines: item key -> unit -> per round y (raises it) / n (does not).
HOGANAS_STORY: dict[str, dict[str, str]] = {
    "j_w_plan": {"hoganas": "yn", "angelholm": "yn", "lund": "y.", "bjuv": "yy",
                 "kristianstad": "yy", "landskrona": "yy"},
    "j_s_aktiviteter": {"hoganas": "ny", "angelholm": "ny"},
    "j_w_kompetens": {"hoganas": "yn", "svalov": "yn"},
    "j_s_utbildad": {"hoganas": "ny", "svalov": "ny"},
    "j_w_statistik": {"lund": "yn", "kristianstad": "yy"},
    "j_s_statistik": {"lund": "ny"},
    "t_w_horslinga": {"landskrona": "yn", "hoganas": "yn"},
    "t_s_horslinga": {"landskrona": "ny"},
    "t_w_lattlast": {"angelholm": "yn", "lund": "yn", "bjuv": "yy"},
    "t_s_lattlast": {"angelholm": "ny", "lund": "ny"},
    "t_w_npf": {"hoganas": "yn", "landskrona": "yn", "kristianstad": "yy"},
    "t_s_npf_utbildad": {"hoganas": "ny", "landskrona": "ny"},
    "t_w_lokaler": {"hoganas": "yy", "bjuv": "yy", "svalov": "yy", "lund": "yn"},
    "t_s_ramp": {"lund": "ny"},
    "j_w_segregering": {"hoganas": "yy", "kristianstad": "yy", "landskrona": "yy"},
    "t_t_nedskarningar": {"bjuv": "yy", "kristianstad": "yy"},
}
# The fourth letter is Kvartal 2 2026: a year in, several needs are no longer raised.
AMEIS_STORY: dict[str, dict[str, str]] = {
    "j_w_plan": {"helsingborg": "yynn", "hoganas": "nnnn", "perstorp": "yyyn",
                 "orkelljunga": "yy.n", "astorp": "yynn", "bjuv": "...n", "svalov": "...n"},
    "j_s_aktiviteter": {"helsingborg": "nnyy", "hoganas": "yyyy", "astorp": "nnyy",
                        "perstorp": "...y"},
    "t_w_npf": {"helsingborg": "yynn", "angelholm": "yn.n", "bjuv": "yyyn"},
    "t_s_npf_utbildad": {"helsingborg": "nnyy", "angelholm": "nyyy", "bjuv": "...y"},
    "t_w_lokaler": {"hoganas": "yyyy", "bjuv": "yyyy", "angelholm": "nnnn"},
    "t_s_lokaler": {"angelholm": "yyyy"},
    "t_w_kallare": {"hoganas": "yynn"},
    "t_s_ramp": {"hoganas": "nnyy"},
    "j_w_kompetens": {"landskrona": "yynn", "klippan": "yy.n", "svalov": "...n",
                      "bastad": "...n"},
    "a_j_s_utbildningsdag": {"landskrona": "nyyy"},
    "j_w_statistik": {"helsingborg": "...n", "landskrona": "...n", "bastad": "...n"},
    "a_j_s_planen_lever": {"perstorp": "...y", "astorp": "...y"},
    "a_j_s_statistik_kon": {"helsingborg": "...y"},
}
# Needs the network worked on together in spring 2026 (easy-read texts, the hearing loops,
# the website, attitudes): most units no longer raise them in Kvartal 2 2026.
for _key in ("t_w_lattlast", "t_w_horslinga", "t_w_webb", "t_w_attityder", "j_w_tid"):
    AMEIS_STORY.setdefault(_key, {}).update(
        {unit: "...n" for unit in ("bjuv", "bastad", "hoganas", "angelholm", "landskrona",
                                   "svalov", "astorp", "helsingborg")}
    )
# fmt: on


# ---------------------------------------------------------------------------------------------
# How people type
# ---------------------------------------------------------------------------------------------
# fmt: off
TYPOS = {
    "jämställdhetsplanen": "jämställdhetsplnen",
    "Jämställdhetsplanen": "Jämställdhetsplnen",
    "tillgänglighet": "tillgänglihet",
    "Tillgänglighet": "Tillgänglihet",
    "tillgängliga": "tillgängia",
    "jämställdhet": "jämstäldhet",
    "statistik": "statestik",
    "information": "infomation",
    "Informationen": "Infomationen",
    "funktionsnedsättning": "funktionsnedsätting",
    "praktikplatser": "praktikplaster",
    "Handledarna": "Handledrna",
    "kompetensutveckling": "kompetensutvekling",
    "personalomsättning": "personalomsätning",
    "arbetsträningen": "arbetstäningen",
    "Arbetsförmedlingen": "Arbetsförmedligen",
    "kollektivtrafik": "kolektivtrafik",
    "handläggningstider": "handläggningstier",
    "saknas": "sakas",
    "Besparingar": "Besparningar",
    "engagerade": "engagerad",
}
KEEP_CAPITAL = {
    "Arbetsförmedlingen", "Arbetsförmedlingens", "Försäkringskassan", "Samordningsförbundet",
    "Jämställdhetsmyndigheten", "Jämställdhetsmyndighetens", "Skånetrafiken", "Högskolan",
    "Europeiska", "Lunds", "Keramikverkstaden",
}


TYPOS_MADE: set[str] = set()  # two people rarely make the same slip in the same sentence
# fmt: on


def human_touch(text: str, rng: Random) -> str:
    """The small unevenness of typed answers: case, full stops, 'och' as '&', typos."""
    # 'tillgänglighet' is the word people trip over most
    if rng.random() < (0.3 if "illgänglighet" in text else 0.08):
        # the longest word is the likeliest slip; the dictionary's order breaks ties
        hits = sorted((w for w in TYPOS if w in text), key=len, reverse=True)
        hits.sort(key=lambda w: "illgänglighet" not in w)
        if hits:
            word = hits[0] if rng.random() < 0.7 else rng.choice(hits)
            typo = text.replace(word, TYPOS[word], 1)
            if typo not in TYPOS_MADE and (word != "jämställdhet" or rng.random() < 0.4):
                TYPOS_MADE.add(typo)
                text = typo
    if "NPF" in text and rng.random() < 0.25:
        text = text.replace("NPF", "npf")
    if " och " in text and ", och" not in text and rng.random() < 0.04:
        text = text.replace(" och ", " & ", 1)
    first = text.split()[0]
    if (
        rng.random() < 0.14
        and first[0].isupper()
        and first[1:].islower()
        and first.strip(",.:") not in KEEP_CAPITAL
    ):
        text = text[0].lower() + text[1:]
    if text[-1].isalnum() and rng.random() < 0.12:
        text += "."
    return text


# ---------------------------------------------------------------------------------------------
# YAML writing
# ---------------------------------------------------------------------------------------------
YAML_SPECIAL_START = set("-?:,[]{}#&*!|>'\"%@`")
YAML_WORDS = re.compile(
    r"^(?:y|n|yes|no|true|false|on|off|null|~|[-+]?[0-9][0-9_.:eE+-]*)$", re.IGNORECASE
)


def scalar(text: str) -> str:
    """Plain YAML when that reads back as the same string, else quoted."""
    plain = (
        text == text.strip()
        and text[0] not in YAML_SPECIAL_START
        and ": " not in text
        and " #" not in text
        and not text.endswith(":")
        and not YAML_WORDS.match(text)
    )
    if plain:
        return text
    if '"' in text:
        return "'" + text.replace("'", "''") + "'"
    return '"' + text.replace("\\", "\\\\") + '"'


@dataclass
class Entry:
    theme: str
    quadrant: str
    text: str
    importance: int | None
    source: str  # survey | workshop
    respondent: str | None = None
    note: str | None = None
    item_key: str = ""


@dataclass
class FileStyle:
    english: bool = False  # English keys and values
    abbreviate: str = ""  # "" | "all" | "workshop": quadrant as S/W/O/T


def entry_yaml(entry: Entry, style: FileStyle, abbreviate: bool) -> str:
    keys = EN_KEYS if style.english else SV_KEYS
    themes = EN_THEME if style.english else SV_THEME
    quadrants = EN_QUADRANT if style.english else SV_QUADRANT
    sources = EN_SOURCE if style.english else SV_SOURCE
    lines = [
        f"- {keys['theme']}: {themes[entry.theme]}",
        f"  {keys['quadrant']}: {entry.quadrant if abbreviate else quadrants[entry.quadrant]}",
        f"  {keys['text']}: {scalar(entry.text)}",
    ]
    if entry.importance is not None:
        lines.append(f"  {keys['importance']}: {entry.importance}")
    lines.append(f"  {keys['source']}: {sources[entry.source]}")
    if entry.respondent:
        lines.append(f"  {keys['respondent']}: {entry.respondent}")
    if entry.note:
        lines.append(f"  {keys['note']}: {scalar(entry.note)}")
    return "\n".join(lines) + "\n"


def entries_file(
    unit_name: str, round_name: str, entries: list[Entry], style: FileStyle, workshop_note: str
) -> str:
    if style.english:
        head = [
            "# yaml-language-server: $schema=../../schema/entries.schema.json",
            f"# {unit_name} · {round_name}",
            "# One entry per dash (-). Add new entries at the bottom.",
            "# theme: equality | accessibility",
            "# quadrant: strengths | weaknesses | opportunities | threats",
            "# importance: 1–5 (optional) · source: survey | workshop · respondent: anonymous id",
        ]
    else:
        head = [
            "# yaml-language-server: $schema=../../schema/entries.schema.json",
            f"# {unit_name} · {round_name}",
            "# En post per streck (-). Nya poster läggs till längst ned.",
            "# tema: jämställdhet | tillgänglighet",
            "# kvadrant: styrkor | svagheter | möjligheter | hot",
            "# vikt: 1–5 (valfri) · källa: enkät | workshop · svarande: anonymt id",
        ]
    if style.abbreviate == "all":
        head.append("# (kvadrant förkortad: S = styrkor, W = svagheter, O = möjligheter, T = hot)")
    out = "\n".join(head) + "\n"
    previous = None
    for entry in entries:
        group = entry.respondent or "workshop"
        if group != previous:
            out += "\n"
            if group == "workshop":
                out += workshop_note
                if style.abbreviate == "workshop":
                    out += " (kvadrant: S/W/O/T)"
                out += "\n"
            previous = group
        abbreviate = style.abbreviate == "all" or (
            style.abbreviate == "workshop" and entry.source == "workshop"
        )
        out += entry_yaml(entry, style, abbreviate)
    return out


# ---------------------------------------------------------------------------------------------
# Generating a workshop
# ---------------------------------------------------------------------------------------------
@dataclass
class RoundPlan:
    """One round: who was expected, who answered, and who recorded consensus entries."""

    id: str
    name: str
    date: str
    expected: dict[str, int]
    responded: dict[str, int]  # units missing here have no file
    workshop_entries: dict[str, tuple[int, int]]  # unit -> (min, max) consensus entries
    answers_per_respondent: dict[int, int]  # how many entries -> relative frequency
    workshop_note: str
    workshop_note_en: str = ""


@dataclass
class WorkshopPlan:
    """Everything that makes one example workshop what it is."""

    folder: str
    name: str
    title_comment: str
    units: list[tuple[str, str]]
    rounds: list[RoundPlan]
    bank: list[Item]
    story: dict[str, dict[str, str]]
    step: float  # how much one round moves things (1.0 = a year, smaller = a quarter)
    styles: dict[tuple[str, str], FileStyle]
    notes: dict[tuple[str, str, str | int], str]  # (round, unit, item key or index) -> note


def pattern(item_: Item, story: dict[str, dict[str, str]], unit: str, r: int) -> str:
    """'y' or 'n' when the storyline decides for this unit and round, '-' never, '.' by chance."""
    units = {**item_.units, **story.get(item_.key, {})}
    p = units.get(unit)
    if p is None:
        return "-" if item_.only else "."
    return p[r] if r < len(p) else "."


def active_items(plan: WorkshopPlan, unit: str) -> list[dict[str, float]]:
    """For each round: item key -> how strongly this unit talks about it (0 = not at all)."""
    early = Random(f"swot-examples:{plan.folder}:active:{unit}")
    later = Random(f"swot-examples:{plan.folder}:active-late:{unit}")
    result: list[dict[str, float]] = []
    previous: dict[str, float] = {}
    for r in range(len(plan.rounds)):
        current: dict[str, float] = {}
        for it in plan.bank:
            p = pattern(it, plan.story, unit, r)
            rng = later if it.late else early
            roll = rng.random()  # always drawn, so one item's story does not shift the rest
            # Some things are on everyone's lips in a unit, most are said once or twice.
            strength = (0.3 + it.breadth) ** 2 * rng.lognormvariate(0, 0.5)
            if it.quadrant == OPP:  # people need a nudge to name opportunities, but they do
                strength *= 1.4
            if p in ("-", "n") or (r < it.first and p != "y"):
                continue
            chance = min(0.97, it.breadth * it.boost.get(unit, 1.0))
            if it.key in previous:
                # weaknesses get resolved; strengths mostly stay
                resolved = it.quadrant in (WEAK, THR) and roll < it.resolve * plan.step
                take = not resolved and (it.quadrant in (WEAK, THR) or roll < 0.92)
                strength = previous[it.key] / it.weight
            elif r <= it.first:  # the first round it can be said in
                take = roll < chance
            else:
                late = 0.35 if it.quadrant in (STR, OPP) else 0.12
                take = roll < chance * late * plan.step
            if p == "y":
                take = True
                if not it.only:  # a storyline item is what the unit talks about
                    strength = max(strength, 1.8)
            if not take:
                continue
            weight = it.weight * strength
            if it.key in previous:
                if it.quadrant in (WEAK, THR):
                    weight *= 0.75**plan.step
                elif it.quadrant == STR:
                    weight *= 1 + 0.6 * plan.step
            current[it.key] = weight
        result.append(current)
        previous = current
    return result


def draw_importance(it: Item, plan: WorkshopPlan, r: int, rng: Random) -> float:
    base = it.importance
    if r > it.first:
        if it.quadrant in (WEAK, THR):
            base -= 0.8 * plan.step * (r - it.first)
        elif it.quadrant == STR:
            base += 0.2 * plan.step * (r - it.first)
    return base + rng.gauss(0, 0.8)


def clamp(value: float) -> int:
    return max(1, min(5, round(value)))


def weighted_sample(pool: list[tuple[Item, float]], k: int, rng: Random) -> list[Item]:
    pool = list(pool)
    chosen: list[Item] = []
    while pool and len(chosen) < k:
        total = sum(w for _, w in pool)
        x = rng.random() * total
        for i, (it, w) in enumerate(pool):
            x -= w
            if x <= 0:
                chosen.append(it)
                del pool[i]
                break
        else:
            chosen.append(pool.pop()[0])
    return chosen


def survey_entries(
    plan: WorkshopPlan, rp: RoundPlan, r: int, unit: str, active: dict[str, float]
) -> list[Entry]:
    rng = Random(f"swot-examples:{plan.folder}:{rp.id}:{unit}:survey")
    items = {it.key: it for it in plan.bank}
    pools = {
        th: [(items[k], w) for k, w in active.items() if items[k].theme == th] for th in THEMES
    }
    counts = list(rp.answers_per_respondent)
    freqs = list(rp.answers_per_respondent.values())
    order = {q: i for i, q in enumerate(QUADRANTS)}
    n_respondents = rp.responded[unit]
    # A storyline item is said by at least two people, whatever the dice say.
    must: dict[int, list[Item]] = {}
    for key in active:
        if pattern(items[key], plan.story, unit, r) == "y":
            for n in rng.sample(range(1, n_respondents + 1), min(n_respondents, 2)):
                must.setdefault(n, []).append(items[key])
    entries: list[Entry] = []
    for n in range(1, n_respondents + 1):
        respondent = f"r{n:02d}"
        k = rng.choices(counts, freqs)[0]
        if k >= 2 and rng.random() < 0.88:
            k_eq = rng.randint(1, k - 1)
        else:
            k_eq = k if rng.random() < 0.5 else 0
        k_ac = k - k_eq
        given = must.get(n, [])
        picked = list(given)
        for th, k_theme in ((EQ, k_eq), (AC, k_ac)):
            pool = [(it, w) for it, w in pools[th] if it not in given]
            wanted = k_theme - sum(1 for it in given if it.theme == th)
            wanted = min(wanted, k - len(picked))
            picked += weighted_sample(pool, wanted, rng)
        if rng.random() < 0.85:  # most people follow the form's order
            picked.sort(key=lambda it: (THEMES.index(it.theme), order[it.quadrant]))
        for it in picked:
            importance: int | None = clamp(draw_importance(it, plan, r, rng))
            if rng.random() < (0.18 if it.quadrant == STR else 0.12):
                importance = None
            text = human_touch(rng.choice(it.variants), rng)
            entries.append(
                Entry(
                    it.theme, it.quadrant, text, importance, "survey", respondent, item_key=it.key
                )
            )
    return entries


def workshop_entries(
    plan: WorkshopPlan,
    rp: RoundPlan,
    r: int,
    unit: str,
    active: dict[str, float],
    survey: list[Entry],
) -> list[Entry]:
    """The unit's agreed entries: its most mentioned items, covering every theme × quadrant."""
    rng = Random(f"swot-examples:{plan.folder}:{rp.id}:{unit}:workshop")
    lo, hi = rp.workshop_entries[unit]
    target = rng.randint(lo, hi)
    items = {it.key: it for it in plan.bank}
    mentions = Counter(e.item_key for e in survey)
    ranked = sorted(active, key=lambda k: (-mentions[k], -active[k], k))
    chosen: list[str] = []
    for th in THEMES:
        for q in QUADRANTS:
            if any(e.theme == th and e.quadrant == q for e in survey):
                continue
            # a box nobody wrote in: the group fills it in the room
            candidates = [k for k in ranked if items[k].theme == th and items[k].quadrant == q]
            if not candidates:
                candidates = sorted(
                    (
                        it.key
                        for it in plan.bank
                        if it.theme == th
                        and it.quadrant == q
                        and not it.only
                        and it.first <= r
                        and pattern(it, plan.story, unit, r) != "n"
                    ),
                    key=lambda k: -items[k].breadth,
                )[:3]
                rng.shuffle(candidates)
            chosen.append(candidates[0])
    for k in ranked:
        if len(chosen) >= target:
            break
        if k not in chosen:
            chosen.append(k)
    order = {q: i for i, q in enumerate(QUADRANTS)}
    chosen.sort(key=lambda k: (THEMES.index(items[k].theme), order[items[k].quadrant]))
    result = []
    for k in chosen:
        it = items[k]
        rated = [e.importance for e in survey if e.item_key == k and e.importance]
        value = sum(rated) / len(rated) + 0.3 if rated else draw_importance(it, plan, r, rng)
        importance: int | None = clamp(value)
        if rng.random() < 0.06:
            importance = None
        text = it.variants[0] if rng.random() < 0.6 else it.variants[1]
        result.append(Entry(it.theme, it.quadrant, text, importance, "workshop", item_key=k))
    return result


def workshop_yaml(plan: WorkshopPlan) -> str:
    lines = [
        "# yaml-language-server: $schema=schema/workshop.schema.json",
        f"# Workshop: {plan.title_comment}",
        "# Redigera i en vanlig texteditor (Anteckningar, VS Code). Spara som UTF-8.",
        "# Indrag görs med mellanslag, aldrig tabb. Kör `swot validate` efteråt.",
        f"name: {scalar(plan.name)}",
        "language: sv",
        "response_target: 75          # procent svarande som krävs per enhet",
        "themes: [equality, accessibility]",
        "units:",
    ]
    for i, (uid, name) in enumerate(plan.units):
        line = f"  - id: {uid}"
        if i == 0:
            line = line.ljust(29) + "# a–z, 0–9 och '-', inga å ä ö (id är filnamnet)"
        lines.append(line)
        lines.append(f"    name: {name}")
        lines.append(f"    municipality: {name}")
    lines.append("rounds:                      # i tidsordning; den sista är den senaste")
    for i, rp in enumerate(plan.rounds):
        lines.append(f"  - id: {scalar(rp.id)}")
        lines.append(f"    name: {scalar(rp.name)}")
        lines.append(f"    date: {rp.date}")
        comment = "                # förväntat antal svarande per enhet" if i == 0 else ""
        lines.append(f"    expected:{comment}")
        width = max(len(u) for u in rp.expected)
        for uid, n in rp.expected.items():
            lines.append(f"      {uid}:{' ' * (width - len(uid))} {n}")
    return "\n".join(lines) + "\n"


def build(plan: WorkshopPlan, out: Path) -> dict[tuple[str, str], list[Entry]]:
    folder = out / plan.folder
    TYPOS_MADE.clear()
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "entries").mkdir(parents=True)
    (folder / "workshop.yaml").write_text(workshop_yaml(plan), encoding="utf-8", newline="\n")
    names = dict(plan.units)
    written: dict[tuple[str, str], list[Entry]] = {}
    for uid, _ in plan.units:
        per_round = active_items(plan, uid)
        for r, rp in enumerate(plan.rounds):
            if uid not in rp.responded:
                continue
            survey = survey_entries(plan, rp, r, uid, per_round[r])
            consensus: list[Entry] = []
            if uid in rp.workshop_entries:
                consensus = workshop_entries(plan, rp, r, uid, per_round[r], survey)
            entries = survey + consensus
            for (round_id, unit_id, where), note in plan.notes.items():
                if round_id == rp.id and unit_id == uid:
                    if isinstance(where, int):
                        entries[where].note = note
                    else:  # the first entry about the first of these items it has
                        about = [e for k in where.split() for e in entries if e.item_key == k]
                        about[0].note = note
            style = plan.styles.get((rp.id, uid), FileStyle())
            path = folder / "entries" / rp.id / f"{uid}.yaml"
            path.parent.mkdir(parents=True, exist_ok=True)
            note = rp.workshop_note_en if style.english else rp.workshop_note
            text = entries_file(names[uid], rp.name, entries, style, note)
            path.write_text(text, encoding="utf-8", newline="\n")
            written[(rp.id, uid)] = entries
    return written


# ---------------------------------------------------------------------------------------------
# The two workshops
# ---------------------------------------------------------------------------------------------
# fmt: off
def hoganasmodellen() -> WorkshopPlan:
    units = [
        ("hoganas", "Höganäs"), ("lund", "Lund"), ("angelholm", "Ängelholm"),
        ("landskrona", "Landskrona"), ("bjuv", "Bjuv"), ("svalov", "Svalöv"),
        ("bastad", "Båstad"), ("kristianstad", "Kristianstad"),
    ]
    expected_base = {"hoganas": 16, "lund": 18, "angelholm": 14, "landskrona": 15, "bjuv": 10,
                     "svalov": 11, "bastad": 12, "kristianstad": 16}
    expected_follow = {"hoganas": 16, "lund": 17, "angelholm": 15, "landskrona": 15, "bjuv": 11,
                       "svalov": 11, "bastad": 12, "kristianstad": 18}
    baseline = RoundPlan(
        id="forprojektering", name="Förprojektering (nulägesanalys)", date="2025-11-13",
        expected=expected_base,
        responded={"hoganas": 15, "lund": 15, "angelholm": 13, "landskrona": 13, "bjuv": 9,
                   "svalov": 10, "bastad": 10, "kristianstad": 14},
        workshop_entries={u: (4, 10) for u, _ in units},
        answers_per_respondent={2: 34, 3: 30, 4: 18, 5: 10, 6: 5, 7: 2, 8: 1},
        workshop_note="# Workshop 13 november 2025 – gruppens gemensamma poster",
    )
    follow_up = RoundPlan(
        id="uppfoljning", name="Uppföljning", date="2026-11-12",
        expected=expected_follow,
        responded={"hoganas": 14, "lund": 13, "angelholm": 12, "landskrona": 12, "bjuv": 7,
                   "svalov": 9, "kristianstad": 12},
        workshop_entries={u: (3, 6) for u in
                          ("hoganas", "lund", "angelholm", "landskrona", "svalov")},
        answers_per_respondent={2: 36, 3: 30, 4: 18, 5: 9, 6: 5, 7: 2},
        workshop_note="# Uppföljningsworkshop 12 november 2026 – gemensamma poster",
        workshop_note_en="# Follow-up workshop 12 November 2026 – agreed entries",
    )
    return WorkshopPlan(
        folder="hoganasmodellen",
        name="Höganäsmodellen – jämställdhet och tillgänglighet",
        title_comment="Höganäsmodellen",
        units=units,
        rounds=[baseline, follow_up],
        bank=BANK,
        story=HOGANAS_STORY,
        step=1.0,
        styles={
            ("uppfoljning", "lund"): FileStyle(english=True),
            ("forprojektering", "landskrona"): FileStyle(abbreviate="all"),
            ("uppfoljning", "svalov"): FileStyle(abbreviate="workshop"),
        },
        notes={
            ("forprojektering", "hoganas", 3): "inskrivet av facilitator från pappersenkät",
            ("forprojektering", "bjuv", "t_w_lokaler t_w_ljud"):
                "gäller främst verkstaden",
            ("forprojektering", "kristianstad", "t_w_utspridd t_w_lokaler"):
                "gäller främst lokalerna på Näsby",
            ("uppfoljning", "hoganas", "t_w_kallare t_w_lokaler"):
                "samma som vid förprojekteringen, inget har hänt",
            ("uppfoljning", "lund", 4): "entered by facilitator",
        },
    )


def ameis() -> WorkshopPlan:
    units = [
        ("bjuv", "Bjuv"), ("bastad", "Båstad"), ("hoganas", "Höganäs"),
        ("angelholm", "Ängelholm"), ("landskrona", "Landskrona"), ("perstorp", "Perstorp"),
        ("svalov", "Svalöv"), ("astorp", "Åstorp"), ("helsingborg", "Helsingborg"),
        ("klippan", "Klippan"), ("orkelljunga", "Örkelljunga"),
    ]
    expected = {"bjuv": 7, "bastad": 8, "hoganas": 10, "angelholm": 12, "landskrona": 13,
                "perstorp": 5, "svalov": 6, "astorp": 8, "helsingborg": 22, "klippan": 7,
                "orkelljunga": 5}
    answers = {1: 18, 2: 42, 3: 25, 4: 10, 5: 5}
    kv3 = RoundPlan(
        id="2025-kv3", name="Kvartal 3 2025", date="2025-09-18",
        expected=dict(expected),
        responded={"bjuv": 6, "bastad": 7, "hoganas": 9, "angelholm": 10, "landskrona": 10,
                   "perstorp": 4, "svalov": 5, "astorp": 6, "helsingborg": 17, "klippan": 5,
                   "orkelljunga": 4},
        workshop_entries={},
        answers_per_respondent=answers,
        workshop_note="",
    )
    kv4 = RoundPlan(
        id="2025-kv4", name="Kvartal 4 2025", date="2025-12-04",
        expected={**expected, "helsingborg": 24, "astorp": 9},
        responded={"bjuv": 5, "bastad": 6, "hoganas": 8, "angelholm": 10, "landskrona": 9,
                   "perstorp": 5, "svalov": 4, "astorp": 6, "helsingborg": 16, "klippan": 4,
                   "orkelljunga": 3},
        workshop_entries={"helsingborg": (3, 5), "landskrona": (2, 4), "hoganas": (2, 4),
                          "angelholm": (2, 3), "bjuv": (2, 3), "astorp": (2, 4),
                          "perstorp": (2, 3)},
        answers_per_respondent=answers,
        workshop_note="# Nätverksträff 4 december 2025 – enhetens gemensamma poster",
        workshop_note_en="# Network meeting 4 December 2025 – the unit's agreed entries",
    )
    kv1 = RoundPlan(
        id="2026-kv1", name="Kvartal 1 2026", date="2026-03-19",
        expected={**expected, "helsingborg": 24, "astorp": 9, "angelholm": 11},
        responded={"bjuv": 6, "bastad": 5, "hoganas": 9, "angelholm": 9, "landskrona": 8,
                   "perstorp": 3, "svalov": 5, "astorp": 5, "helsingborg": 18},
        workshop_entries={"helsingborg": (2, 4), "landskrona": (2, 3)},
        answers_per_respondent=answers,
        workshop_note="# Nätverksträff 19 mars 2026 – gemensamma poster",
    )
    kv2 = RoundPlan(
        id="2026-kv2", name="Kvartal 2 2026", date="2026-06-11",
        expected={**expected, "helsingborg": 24, "astorp": 9, "angelholm": 11},
        responded={"bjuv": 6, "bastad": 6, "hoganas": 9, "angelholm": 9, "landskrona": 10,
                   "perstorp": 4, "svalov": 5, "astorp": 7, "helsingborg": 19, "klippan": 5,
                   "orkelljunga": 3},
        workshop_entries={"helsingborg": (2, 4), "hoganas": (2, 3), "bjuv": (2, 3)},
        answers_per_respondent=answers,
        workshop_note="# Nätverksträff 11 juni 2026 – årsuppföljning, gemensamma poster",
    )
    return WorkshopPlan(
        folder="ameis-skane-nordvast",
        name="AMEIS Skåne Nordväst – nätverket för arbetsmarknadsenheter",
        title_comment="AMEIS Skåne Nordväst",
        units=units,
        rounds=[kv3, kv4, kv1, kv2],
        bank=BANK + AMEIS_BANK + AMEIS_LATE_BANK,
        story=AMEIS_STORY,
        step=0.5,
        styles={
            ("2025-kv4", "helsingborg"): FileStyle(english=True),
            ("2025-kv3", "klippan"): FileStyle(abbreviate="all"),
            ("2026-kv1", "perstorp"): FileStyle(abbreviate="all"),
        },
        notes={
            ("2025-kv3", "orkelljunga", 2): "lämnat muntligt, inskrivet av handledare",
            ("2025-kv4", "helsingborg", "t_w_lokaler t_w_utspridd t_w_ljud"):
                "applies mainly to the workshop premises",
            ("2026-kv1", "svalov", "t_w_lokaler j_s_handledare"):
                "gäller både Svalöv och Teckomatorp",
            ("2026-kv2", "hoganas", "t_w_lokaler"): "fortfarande ingen hiss till källarplanet",
        },
    )
# fmt: on


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parent.parent / "workshops"
    parser.add_argument("--out", type=Path, default=default, help="folder to write into")
    args = parser.parse_args()
    for plan in (hoganasmodellen(), ameis()):
        written = build(plan, args.out)
        total = sum(len(v) for v in written.values())
        print(f"{plan.folder}: {len(written)} files, {total} entries")


if __name__ == "__main__":
    main()
