// Demo text for the provincial ruimtelijke voorstellen, one array of paragraphs per template section
// (fictional; figures are illustrative).
export const VOORSTEL_TEXTS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  'noord-brabant': [
    [
      'Dit voorstel beschrijft hoe Noord-Brabant de nationale opgaven ruimtelijk inpast. Het is opgesteld met gemeenten, waterschappen en partners.',
    ],
    [
      'Water en bodem zijn sturend. Op de hoge zandgronden houden wij regenwater langer vast en beperken wij beregening uit grondwater.',
    ],
    [
      'Rond kwetsbare natuur, zoals de Peelvenen, komen overgangszones met extensieve landbouw.',
      'De agrifoodsector blijft een economische pijler; groei van de veehouderij is mogelijk op locaties buiten de overgangszones.',
    ],
    [
      'Tot 2030 bouwen wij ongeveer 120.000 woningen, vooral in en bij de steden en in kernen met voorzieningen (illustratief).',
    ],
    ['De A2, A58 en A67 en het spoor Eindhoven–Venlo zijn de dragers van de bereikbaarheid.'],
    ['Brainport Eindhoven groeit; nieuwe werklocaties liggen bij bestaande knooppunten.'],
    ['Zon op daken eerst; netcongestie vraagt om slimme clustering van opwek en gebruik.'],
    ['Ruimte voor defensie bij Volkel, Oirschot en de Peel; afstemming over geluidszones.'],
    ['De Peel is het NOVEX-gebied van deze provincie; de gebiedsgerichte aanpak wordt hier uitgewerkt.'],
    [
      'Waar het schuurt: de groei van agrifood tegenover het herstel van de Peelvenen. Dit vraagt een gezamenlijke keuze van Rijk en regio.',
    ],
  ],
  overijssel: [
    ['Dit voorstel vertaalt de nationale opgaven naar keuzes voor Overijssel, in samenhang met Regio Zwolle.'],
    [
      'De IJssel en de Vecht bepalen waar gebouwd kan worden. Laaggelegen gebieden blijven beschikbaar voor waterberging.',
    ],
    ['Het veenweidegebied rond Staphorst vraagt om een hogere waterstand en ander landgebruik.'],
    ['Woningbouw vooral in Zwolle, Deventer, Enschede en Hengelo, bij stations en in bestaand stedelijk gebied.'],
    ['Versterking van de spoorverbinding Zwolle–Twente en de N35.'],
    ['Bedrijventerreinen worden eerst verduurzaamd en verdicht voordat nieuwe worden aangelegd.'],
    ['Windenergie langs infrastructuur; zon bij voorkeur op daken en restgronden.'],
    ['Ruimte voor defensie in Twente; afstemming over oefenterreinen.'],
    ['Regio Zwolle is het NOVEX-gebied waaraan Overijssel met drie andere provincies bijdraagt.'],
    ['Waar het schuurt: woningbouw tegenover waterberging langs de IJssel.'],
  ],
  limburg: [
    [
      'Dit voorstel beschrijft de ruimtelijke keuzes voor Limburg, met bijzondere aandacht voor Zuid-Limburg en De Peel.',
    ],
    ['De Maas en de beekdalen zijn sturend; na de overstromingen van 2021 krijgt water meer ruimte.'],
    ['Het Heuvelland blijft kleinschalig; in Noord-Limburg is ruimte voor moderne tuinbouw buiten kwetsbare natuur.'],
    ['Herstructurering van woonwijken in Parkstad; nieuwbouw bij Venlo, Roermond en Maastricht.'],
    ['Grensoverschrijdende treinverbindingen naar Aken en Luik worden verbeterd.'],
    ['Chemelot en Greenport Venlo zijn economische kernen; nieuwe bedrijvigheid bij bestaande clusters.'],
    ['Netuitbreiding is nodig voor de verduurzaming van de industrie.'],
    ['Ruimte voor defensie bij Weert en de luchtmachtbasis Geilenkirchen (over de grens).'],
    ['Limburg draagt bij aan de NOVEX-gebieden Zuid-Limburg en De Peel.'],
    ['Waar het schuurt: industriële groei tegenover gezondheid en leefbaarheid rond Chemelot.'],
  ],
}
