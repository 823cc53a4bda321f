// Demo text for the three ontwikkelperspectieven (fictional; figures are illustrative). Keyed by
// component, one array of paragraphs each.
import type { ComponentKey } from '@novex/shared'

export type PerspectiveText = Readonly<Record<ComponentKey, readonly string[]>>

export const PERSPECTIVE_TEXTS: Readonly<Record<string, PerspectiveText>> = {
  'de-peel': {
    hoofdopgave: [
      'De hoofdopgave in De Peel is een landelijk gebied waar landbouw, natuur en water weer in balans zijn. De stikstofdepositie op de Peelvenen moet fors omlaag en de verdroging van de hoge zandgronden moet stoppen.',
      'Meekoppelend: zon en wind langs bestaande infrastructuur, woningbouw in de kernen en behoud van voorzieningen in de dorpen.',
    ],
    toekomstbestendig: [
      'De Peel is gevormd door turfwinning, ontginning en waterwerken: rechte kavels, kanalen en resten hoogveen. Nieuwe functies volgen de hoogteverschillen en de grondwaterstromen van de Peelrandbreuk.',
      'De wijstgronden langs de breuk zijn uniek in Nederland. Wij beschermen ze door bebouwing en drainage daar te beperken.',
    ],
    'ruimtelijke-keuzes': [
      'Rond de Natura 2000-gebieden komen hydrologische bufferzones waar natte, extensieve landbouw voorrang krijgt. Zonneparken alleen op daken, langs de A67 en op vrijgekomen bouwvlakken.',
      'Geen nieuwe intensieve veehouderij binnen de bufferzones rond de Peelvenen. Bedrijven die willen omschakelen krijgen ruimte in de overgangszone.',
    ],
    'bijdrage-nationaal': [
      'Bijdrage aan het Nationaal Programma Landelijk Gebied, de Regionale Energiestrategie, de woningbouwopgave en het Programma Ruimte voor Defensie (cijfers illustratief).',
      'Tot 2030 levert De Peel ongeveer 9.000 woningen, 1,2 TWh duurzame opwek en 2.500 hectare natuurherstel (illustratief).',
    ],
    doelstellingen: [
      'In 2035 is de grondwaterstand rond de Peelvenen gemiddeld 30 cm hoger; in 2030 is de stikstofdepositie gehalveerd ten opzichte van 2019 (illustratief).',
    ],
    samenhang: [
      "Bouwt voort op de gebiedsgerichte aanpak, de Regio Deal en de waterbeheerprogramma's van de drie waterschappen; uitvoering via de bestaande gebiedstafels.",
    ],
    partners: [
      'Gesprekken met agrarische collectieven, natuurorganisaties, bewoners en ondernemers; een versnellingstafel helpt initiatiefnemers.',
    ],
    vooruitblik: ['Na instemming volgt binnen een jaar een uitvoeringsagenda met regionale investeringsagenda.'],
  },
  'regio-zwolle': {
    hoofdopgave: [
      'Regio Zwolle groeit snel. De hoofdopgave is die groei op te vangen zonder de delta van IJssel en Vecht kwetsbaarder te maken: wonen en werken bij de knooppunten, water als ordenend principe.',
      'Meekoppelend: betere bereikbaarheid van Zwolle per spoor, ruimte voor de energietransitie op bedrijventerreinen en een robuust natuurnetwerk langs de rivieren.',
    ],
    toekomstbestendig: [
      'De regio ligt op de overgang van hoog naar laag. Uiterwaarden, kampen en essen bepalen het beeld. Nieuwe wijken houden rekening met overstromingsrisico en bodemdaling in het veenweidegebied.',
    ],
    'ruimtelijke-keuzes': [
      'Woningbouw concentreert zich in en rond Zwolle, Kampen en Meppel, bij stations. Laaggelegen polders blijven open als waterberging.',
      'Nieuwe grootschalige bedrijvigheid alleen op bestaande terreinen met een goede spoor- of vaarwegontsluiting.',
    ],
    'bijdrage-nationaal': [
      'Bijdrage aan de woningbouwopgave (ongeveer 40.000 woningen tot 2040), het Deltaprogramma en het Programma Landelijk Gebied (cijfers illustratief).',
    ],
    doelstellingen: [
      'In 2040 ligt 80 procent van de nieuwe woningen binnen 1.200 meter van een station; in 2030 is de waterveiligheid langs de IJssel op de nieuwe norm (illustratief).',
    ],
    samenhang: ['Sluit aan op de Verstedelijkingsstrategie Regio Zwolle, het MIRT-onderzoek en de Regio Deal.'],
    partners: [
      'Afstemming met gemeenten, waterschap Drents Overijsselse Delta, ProRail, woningcorporaties en natuurbeheerders.',
    ],
    vooruitblik: ['Uitwerking in een gezamenlijk programma met een jaarlijkse voortgangsrapportage aan het BO-MIRT.'],
  },
  'zuid-limburg': {
    hoofdopgave: [
      'Zuid-Limburg moet economisch sterker en sociaal gezonder worden in een landschap met hoogteverschillen en grenzen aan drie kanten. De hoofdopgave is krimp en vergrijzing om te zetten in een aantrekkelijk woon- en werkgebied.',
    ],
    toekomstbestendig: [
      'Het Heuvelland, de Maasvallei en de mijnstreek geven het gebied zijn eigen karakter. Erosie en wateroverlast bij hevige regen vragen om maatregelen op de hellingen.',
    ],
    'ruimtelijke-keuzes': [
      'Herstructurering van verouderde woonwijken gaat voor uitbreiding. Het Heuvelland blijft vrij van nieuwe grootschalige bebouwing; zonne-energie op daken en bij bedrijventerreinen.',
    ],
    'bijdrage-nationaal': [
      'Bijdrage aan het Programma Landelijk Gebied, de Nationale Woon- en Bouwagenda en het Klimaatakkoord (illustratief).',
    ],
    doelstellingen: ['In 2035 is de wateroverlast in de beekdalen met de helft verminderd (illustratief).'],
    samenhang: [
      'Bouwt voort op het Nationaal Programma Vitaal Zuid-Limburg en de grensoverschrijdende samenwerking in de Euregio.',
    ],
    partners: ['Afstemming met gemeenten, waterschap Limburg, Belgische en Duitse buurregio’s en het onderwijs.'],
    vooruitblik: ['Na instemming een uitvoeringsprogramma met projecten per deelgebied.'],
  },
}
