import { type MovePatterns, wordPattern as w } from './pattern-types.js'

const ORG_NOUN =
  '(?:Startup|Start-up|Firma|Unternehmen|Unternehmens|Firmen|Konzern|Konzerns|Labor|Venture|Startups)'
// A German clause piece without sentence or clause punctuation.
const GAP = '[^.;:!?]'

/** German trigger lexicon and cues. Separable verbs ("tritt ... zurück") match as one span. */
export const PATTERNS_DE: MovePatterns = {
  triggers: [
    {
      name: 'de:leave',
      pattern: w(
        `verl(?:ässt|assen|ieß|ießen|asse|äßt)|(?:tritt|treten|trat|traten)${GAP}{0,60}?zurück|zurück(?:getreten|treten|zutreten)|abgetreten|abtreten|(?:kehrt|kehren|kehrte|kehrten)${GAP}{0,50}?den Rücken|(?:muss|musste|müssen)${GAP}{0,30}?(?:Posten|Hut|Stuhl|Platz)${GAP}{0,20}?(?:räumen|nehmen)|(?:räumt|räumte|räumen)${GAP}{0,20}?(?:Posten|Stuhl)|(?:scheidet|schied|scheiden)${GAP}{0,50}?aus|ausgeschieden|ausscheiden|(?:geht|gehen|ging) (?:Ende|Anfang|Mitte|im|zum Jahresende|in den Ruhestand)|(?:hört|hörte)${GAP}{0,30}? auf|verabschiedet sich|(?:gab|gibt|geben|hat|haben)${GAP}{0,40}?(?:seinen|ihren) (?:Rücktritt|Abschied|Abgang|Weggang|Ausstieg)`,
      ),
      frame: 'leave',
      mover: 'either',
      kind: 'departure',
    },
    {
      name: 'de:leave-noun',
      pattern: w(
        '(?:Weggang|Abgang|Rücktritt|Abschied|Ausstieg|Ausscheiden|Nachfolger(?:in)?) (?:von|des|der|für)',
      ),
      frame: 'leave',
      mover: 'after',
      kind: 'departure',
    },
    {
      name: 'de:join',
      pattern: w(
        `(?:wechselt|wechseln|wechselte|wechselten|gewechselt|wechsle)|(?:einem|einen|den|der|dem) Wechsel|(?:geht|gehen|ging|gingen)${GAP}{0,40}?zu(?:m|r)?|zu(?:m|r)?${GAP}{1,50}?gehen|(?:heuert|heuern|heuerte|heuerten)${GAP}{0,60}?an|angeheuert|(?:kehrt|kehren|kehrte|kehrten)${GAP}{0,40}?zu(?:m|r)?${GAP}{0,50}?zurück|zurückgekehrt|zu(?:m|r)?${GAP}{1,50}?zurück(?:kehren|zukehren|kehrt|kehren)|(?:schließt|schließen|schloss|schlossen) sich${GAP}{0,50}? an|(?:stößt|stieß|stoßen) zu|kommt zu`,
      ),
      frame: 'join',
      mover: 'either',
      kind: 'hire',
    },
    {
      name: 'de:found',
      pattern: w(
        `(?:gründet|gründen|gründete|gründeten|gegründet|mitgegründet|mitbegründet|mitgründete|gründen wollen)|(?:baut|bauen|baute|bauten) (?:ein|eine|einen|sein|seine|seinen|ihr|ihre|ihren)? ?(?:eigene[sn]? |neue[sn]? )?(?:[\\p{L}]+-)?${ORG_NOUN}${GAP}{0,30}?auf|Aufbau (?:einer|eines) (?:eigenen )?(?:[\\p{L}-]+-)?${ORG_NOUN}|(?:ein|eine|einen|sein|seine|seinen|ihr|ihre|ihren) eigene[sn]? (?:[\\p{L}]+-)?${ORG_NOUN}`,
      ),
      frame: 'found',
      mover: 'either',
      kind: 'founding',
    },
    {
      name: 'de:become',
      pattern: w(
        `(?:übernimmt|übernehmen|übernahm|übernahmen|übernommen)${GAP}{0,40}?(?:die Leitung|den Vorstandsvorsitz|den Vorsitz|den Posten|die Rolle|das Amt|die Führung|den Chefposten|die Geschäftsführung|das Ruder|die Verantwortung)|(?:steigt|stieg)${GAP}{0,50}?auf|aufsteigt|aufsteigen|aufgestiegen|(?:führt|führen|leitet|leiten)(?:(?!\\sseit\\s)${GAP}){0,50}?als|gehandelt|(?:rückt|rücken|rückte)${GAP}{0,40}?(?:auf|nach)|folgt auf|(?:ernannt|befördert|berufen|bestellt) (?:worden|wurde|werden)|(?:wurde|wird|werden) ${GAP}{0,40}?(?:ernannt|befördert|berufen|bestellt)`,
      ),
      frame: 'become',
      mover: 'either',
    },
    {
      name: 'de:hire',
      pattern: w(
        `(?:holt|holen|holte|holten)(?! sich)|geholt|(?:stellt|stellen|stellte|stellten)(?! sich)${GAP}{0,60}?ein|eingestellt|(?:wirbt|werben|warb)${GAP}{0,50}?ab|abgeworben|(?:verpflichtet|verpflichtete|gewinnt|gewann)(?! sich)|(?:verhandelt|verhandeln|verhandelte) mit`,
      ),
      frame: 'hireBy',
      mover: 'after',
      kind: 'hire',
    },
    {
      name: 'de:appoint',
      pattern: w('(?:ernennt|ernennen|ernannte|beruft|berief|bestellt|bestellte)(?! sich)'),
      frame: 'hireBy',
      mover: 'after',
      promoteIfSame: true,
    },
    {
      name: 'de:promote',
      pattern: w('(?:befördert|befördern|beförderte)'),
      frame: 'hireBy',
      mover: 'after',
      kind: 'promotion',
    },
    {
      name: 'de:fire',
      pattern: w(
        `(?:feuert|feuerte|entlässt|entließ)|(?:setzt|setzte)${GAP}{0,40}?vor die Tür|abberufen|(?:beruft|berief)${GAP}{0,40}?ab|entlassen|gefeuert|geschasst|abgesetzt`,
      ),
      frame: 'fireBy',
      mover: 'afterFirst',
      kind: 'departure',
    },
  ],
  rumor: [
    w(
      'angeblich|Gerüchten? zufolge|Gerücht\\w*|Insidern? zufolge|laut Insidern|Insider|könnte|könnten|im Gespräch|gehandelt|verhandelt|verhandeln|Verhandlungen|Branchenkreisen|Medienberichten zufolge|laut (?:einem )?Medienberichts?|offenbar|denkt\\s.*\\snach|erwägt|überlegt|spekuliert\\w*|dürfte|vor einem Wechsel|im Raum|wohl',
    ),
  ],
  weakRumor: [w('soll|sollen|wollen|will')],
  official: w(
    'teilte\\s.*\\smit|teilt\\s.*\\smit|bestätigte|bestätigt|gab\\s.*\\sbekannt|gibt\\s.*\\sbekannt|kündigte\\s.*\\san|soll dort|offiziell',
  ),
  denial: [
    w(
      'dementier\\w*|bestreit\\w*|bestritt\\w*|(?:weist|wies|weisen)\\s.*\\szurück|zurückgewiesen|nicht verlassen|bleibe an Bord|bleibt an Bord|(?:sind|ist|seien|sei) falsch|haltlos|kein Wechsel',
    ),
  ],
  veto: [
    w(
      'Auszeit|Elternzeit|Sabbatical|Sabbatjahr|beurlaubt|abgelehnt|ablehnen|lehnt\\S*\\s.*\\sab|schlug\\s.*\\saus|ausgeschlagen|verlässt sich|verlassen sich|verließ sich',
    ),
  ],
  background: [
    // "nach Dohmkes Abgang", "Nach ihrem Abschied von Adept"
    w(
      `(?:nach|seit|vor|bis zu) (?:[\\p{L}-]+ ){0,3}?(?:Abgang|Weggang|Rücktritt|Abschied|Ausscheiden|Ausstieg|Wechsel)${GAP}*?(?=,|$|\\s(?:gründe|wechsel|hol|heuer|verl))`,
    ),
    w(
      '(?:gegründet|mitgegründet) (?:\\d{4} )?(?:von|durch) [^,.;]*|(?:von|durch) [^,.;]{1,40}? (?:gegründet|mitgegründet)',
    ),
    // "Sollte Gross nun wechseln, ...", "falls sie geht": a condition, not a move.
    // Case matters: a capital "Sollte" opens a conditional, a lower-case one is a modal.
    /(?<![\p{L}])(?:Sollte|Sollten|falls|Falls)\s[^,.;]*/gu,
  ],
  relativeStart: /,\s*(?:der|die|das|dem|den|deren|dessen|denen|wo|wonach|welche[rsnm]?)\s/giu,
  subordinators: w(
    'obwohl|weil|während|nachdem|wenn|als|dass|da|sodass|bevor|aber|doch|jedoch|sondern|wobei|trotz|denn|damit',
  ),
  prepositionBefore: w(
    'von|vom|nach|für|über|an|auf|gegen|durch|ohne|um|wie|als Nachfolger von|Nachfolger|Nachfolgerin|folgt auf|auf|zu|zum|zur|bei|beim',
  ),
  comitativeBefore: w('(?:zusammen |gemeinsam )?mit'),
  speech: w(
    'sagte|sagt|teilte|teilt|schrieb|schreibt|erklärte|erklärt|bestätigte|berichtet|berichtete|meldet|meldete|laut|so',
  ),
  pronoun: w('er|Sie'),
  orgAnaphor: w(
    `(?:das|dem|den|der|des) (?:[\\p{L}-]+ )?(?:Unternehmens?|Konzerns?|Startups?|Start-ups?|Firma|Labors?|Hauses?)|dort|(?:seines|ihres|seinem|ihrem|seinen|ihren|seine|ihre|sein|ihr) (?:bisherigen? )?(?:Arbeitgebers?|Unternehmens?|Konzerns?|Startups?)`,
  ),
  fromMarker: w(
    'von|vom|aus|aus der|aus dem|ex|früher bei|zuvor bei|bisher bei|bislang bei|verlässt|verlassen|kam von|kommt von|nach (?:seinem|ihrem) Abschied von',
  ),
  toMarker: w('zu|zum|zur|bei|beim|in den|in die|an'),
  pastMarker: w(
    'frühere[rnms]?|ehemalige[rnms]?|ex|einstige[rnms]?|zuvor|früher|bis (?:Mai|Juni|Juli|Ende|zuletzt|vor)\\S*|zuletzt|kam von',
  ),
  insiderMarker: w(
    'bisherige[rnms]?|bisher|bislang|bereits|langjährige[rnms]?|intern|seines|ihres|des Konzerns|des Unternehmens|zusätzlich',
  ),
  outsiderMarker: w('neue[rnms]?|externe[rnms]?'),
  newRoleMarker:
    /(?:(?:^|\s)(?:als|zum|zur|wird|werden|wurde|neuer|neue|neuen|dort|zu)\s+(?:(?:der|die|das|des|den|dem|neuer|neue|neuen|alleiniger|alleinige|ersten?|erster|kommissarischer|kommissarische)\s+)*)$/iu,
  roleVerbPhrase: [w('(?:die|das|den|eine[nm]?) [^,.;]{2,50}? (?:leiten|führen|verantworten)')],
  copula: w('wird|werden|wurde'),
  sharedMarker: w('alle|beide|beiden|jeweils'),
  productAfter: w('Projekt|App|Modell|Modelle|Produkt|Dienst|Plattform|Chip|Chips|Funktion|Fonds'),
  anonymous: w(
    'Forscher|Forscherinnen|Mitarbeiter|Mitarbeitende|Ingenieure|Entwickler|Manager|Fachleute|Profis|Beschäftigte|Teammitglieder',
  ),
}
