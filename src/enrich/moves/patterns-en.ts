import { type MovePatterns, wordPattern as w } from './pattern-types.js'

const ORG_NOUN = '(?:company|startup|start-up|venture|firm|business|lab|outfit|studio)'

/** English trigger lexicon and cues. Order matters only for overlapping matches: longer wins. */
export const PATTERNS_EN: MovePatterns = {
  triggers: [
    // Passive removals come before the active verbs so "was fired as" is not read as "fired X".
    {
      name: 'en:fired-passive',
      pattern: w(
        '(?:was|were|has been|have been|had been|got|is being|will be) (?:fired|ousted|dismissed|removed|sacked|pushed out|let go|forced out)',
      ),
      frame: 'leave',
      mover: 'before',
      kind: 'departure',
    },
    {
      name: 'en:leave',
      pattern: w(
        'leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|quit(?:s|ting)?|exit(?:s|ed|ing)?|resign(?:s|ed|ing)?|retir(?:e|es|ed|ing)|step(?:s|ped|ping)? (?:down|aside)|walk(?:s|ed|ing)? away from|bow(?:s|ed|ing)? out',
      ),
      frame: 'leave',
      mover: 'before',
    },
    {
      name: 'en:departure-noun',
      pattern: w(
        '(?:announc|confirm|disclos)(?:e|es|ed|ing) (?:his|her|their) (?:departures?|exits?|resignations?|retirements?)',
      ),
      frame: 'leave',
      mover: 'before',
      kind: 'departure',
    },
    {
      name: 'en:replacement-for',
      pattern: w(
        '(?:a|the|his|her) (?:replacement|successor) for|(?:departure|exit|resignation|ouster|firing) of',
      ),
      frame: 'leave',
      mover: 'after',
      kind: 'departure',
    },
    {
      name: 'en:join',
      pattern: w(
        'join(?:s|ed|ing)?|rejoin(?:s|ed|ing)?|(?:is|are|was|were) back at|return(?:s|ed|ing)? (?:to|as)|(?:is|are|was|were) moving to|mov(?:e|es|ed|ing) to|defect(?:s|ed|ing)? to|jump(?:s|ed|ing)? (?:ship )?to|head(?:s|ed|ing)? to|leav(?:e|es|ing) for|left for|sign(?:s|ed) on (?:with|at)',
      ),
      frame: 'join',
      mover: 'before',
      kind: 'hire',
    },
    {
      // "are going back to OpenAI"; not "went back to the drawing board".
      name: 'en:go-back',
      pattern: w('(?:go|goes|going|went|com(?:e|es|ing)|came) back to'),
      frame: 'join',
      mover: 'before',
      kind: 'hire',
      needsOrgRightAfter: true,
    },
    {
      name: 'en:found',
      pattern: w(
        `co-?found(?:s|ed)?|found(?:s|ed)|(?:co-?)?founding (?:a|an|his|her|their) (?:own |new )?${ORG_NOUN}|(?:to|will|would) found|start(?:s|ed|ing)? (?:a|an|his|her|their|its)? ?(?:own )?(?:new )?(?:[\\p{L}-]+ ){0,3}?${ORG_NOUN}|set(?:s|ting)? up (?:a|an|his|her|their)? ?(?:own )?(?:new )?(?:[\\p{L}-]+ ){0,2}?${ORG_NOUN}|unveil(?:s|ed|ing)? (?:his|her|their) (?:new )?${ORG_NOUN}|(?:become|becomes|became|becoming) a (?:startup |company )?founder(?: again)?|rais(?:e|es|ed|ing) money for (?:a|an|his|her) (?:new )?(?:[\\p{L}-]+ ){0,2}?${ORG_NOUN}|build (?:his|her|their) own ${ORG_NOUN}`,
      ),
      frame: 'found',
      mover: 'before',
      kind: 'founding',
    },
    {
      name: 'en:launch',
      pattern: w('launch(?:es|ed|ing)?|spun out|spin(?:s)? out'),
      frame: 'found',
      mover: 'before',
      kind: 'founding',
      needsOrgAfter: true,
    },
    {
      // "starts Eureka Labs", "in founding Thinking Machines"; not "founding member", "started work".
      name: 'en:found-name',
      pattern: w('(?:co-?)?founding|start(?:s|ed)'),
      frame: 'found',
      mover: 'before',
      kind: 'founding',
      needsOrgRightAfter: true,
    },
    {
      name: 'en:promoted-passive',
      pattern: w('(?:was|were|has been|have been|is being|will be|got) (?:promoted|elevated)'),
      frame: 'become',
      mover: 'before',
      kind: 'promotion',
    },
    {
      name: 'en:named-passive',
      pattern: w(
        '(?:was|were|has been|have been|is being|will be|is to be) (?:named|appointed|tapped|made|picked|chosen)',
      ),
      frame: 'become',
      mover: 'before',
    },
    {
      name: 'en:become',
      pattern: w(
        "(?:become|becomes|became|becoming)|tak(?:e|es|ing) over as|took over as|take over|succeed(?:s|ed|ing)?|replac(?:e|es|ed|ing) (?:him|her|them|[\\p{Lu}][\\p{L}'’-]*(?: [\\p{Lu}][\\p{L}'’-]*)?) as|serv(?:e|es|ing) as|(?:will|to|would) chair|step(?:s|ped|ping)? (?:up|in) as|in line to (?:run|lead|head|become)|seen as the (?:most )?likely (?:next|new)|frontrunner to (?:become|succeed|lead|run)",
      ),
      frame: 'become',
      mover: 'before',
    },
    {
      name: 'en:hire',
      pattern: w(
        'hir(?:e|es|ed|ing)(?: away)?|poach(?:es|ed|ing)?|recruit(?:s|ed|ing)?|lur(?:e|es|ed|ing)|brought (?:in|on)|bring(?:s|ing)? (?:in|on)|snap(?:s|ped|ping)? up|add(?:s|ed|ing)?',
      ),
      frame: 'hireBy',
      mover: 'after',
      kind: 'hire',
    },
    {
      name: 'en:appoint',
      pattern: w(
        'appoint(?:s|ed|ing)?|nam(?:e|es|ed|ing)|tap(?:s|ped|ping)?|pick(?:s|ed)|install(?:s|ed)',
      ),
      frame: 'hireBy',
      mover: 'after',
      promoteIfSame: true,
    },
    {
      name: 'en:promote',
      pattern: w('promot(?:e|es|ed|ing)|elevat(?:e|es|ed|ing)'),
      frame: 'hireBy',
      mover: 'after',
      kind: 'promotion',
    },
    {
      name: 'en:fire',
      pattern: w(
        'fir(?:e|es|ed|ing)|oust(?:s|ed|ing)?|dismiss(?:es|ed|ing)?|sack(?:s|ed|ing)?|push(?:es|ed)? out',
      ),
      frame: 'fireBy',
      mover: 'after',
      kind: 'departure',
    },
  ],
  rumor: [
    w(
      'in (?:advanced )?(?:talks|discussions|negotiations)|(?:is|are|was|were) (?:expected|poised|set to be|said|believed|thought|rumou?red|tipped) to|expected to|poised to|consider(?:s|ed|ing)|weigh(?:s|ing)|eye(?:s|ing)|might|could|in line to|in the running|frontrunner|likely next|seen as|sources (?:say|said)|people (?:familiar|briefed|close)|according to (?:two|three|several|some)? ?(?:people|sources|insiders)|speculat\\w*|rumou?r\\w*|reportedly in talks|about to',
    ),
  ],
  weakRumor: [w('(?:plans?|planning) to')],
  official: w(
    '(?:the company|the firm|the startup) (?:said|confirmed|announced)|announced|confirmed|told staff|wrote|said in a (?:statement|post)',
  ),
  denial: [
    w(
      "den(?:y|ies|ied|ying)|(?:is|are|were|was) (?:false|untrue|wrong|baseless)|not (?:leaving|going anywhere|stepping down|joining|departing)(?! because)|no plans to (?:leave|step down|depart)|dismiss(?:ed|es) (?:the )?(?:reports?|rumou?rs?)|reject(?:ed|s) (?:the )?(?:reports?|rumou?rs?)|remain(?:s|ed)? (?:fully )?committed|isn't leaving|is not leaving",
    ),
  ],
  veto: [
    w(
      'leave of absence|extended leave|(?:parental|medical|personal) leave|sabbatical|(?:take|takes|taking|took) (?:a |an )?(?:extended |short |brief )?(?:leave|break|time off)|declined(?! to comment)|turn(?:s|ed)? down|rebuff(?:s|ed)|reject(?:s|ed) (?:an|the|his|her) offer',
    ),
  ],
  background: [
    // "DeepL, founded in 2017 by ...", "the startup founded by Mira Murati"
    w('(?:co-)?founded (?:in \\d{4} )?by [^,.;]*|(?:led|run|started|launched) by [^,.;]*'),
    // "the lab he co-founded", "the startup they co-founded with Mira Murati"
    w(
      `(?<=(?:the|a|an) (?:[\\p{L}-]+ )?(?:${ORG_NOUN}|lab|group|team|project)s? )(?:that |which )?(?:he|she|they|it|we) (?:had |has |have )?(?:co-)?(?:founded|started|launched|helped (?:start|found|create|launch))[^,.;]*`,
    ),
    // "after joining Anthropic", "following her departure from X", "since leaving Google"
    w(
      '(?:(?:just|months|weeks|days|years|shortly|soon|a few|several|\\d+) )*(?:after|since|before|following|upon|until) (?:his |her |their )?(?:joining|leaving|quitting|departing|founding|co-founding|exiting|moving|returning|rejoining|heading|starting|launching|departure|exit|resignation|stint)[^,.;]*',
    ),
    w('who (?:had )?(?:co-)?(?:founded|created|built|started)[^,.;]*'),
    // "has since started Safe Superintelligence", "has since become an investor": a later step
    // told after the news, not the news.
    w('(?:has|have) since [^,.;]*'),
    // "If Gross leaves, ...", "unless she joins": a condition, not a move.
    w('(?:if|unless|should (?:he|she|they)|in case) [^,.;]*'),
    // "while on partial leave from Stanford": not leaving
    w('(?:while )?on (?:a )?(?:partial |extended |unpaid )?leave from [^,.;]*'),
  ],
  relativeStart: /(?:,\s*|\s)(?:who|whom|whose|which|where)\s/giu,
  subordinators: w(
    'although|though|while|whereas|because|when|unless|since|but|yet|so|if|saying|citing|ending|after',
  ),
  prepositionBefore: w(
    'from|by|for|of|to|after|about|replacing|replace|succeed|succeeds|succeeding|follow|under|than|against|like|including|besides|alongside',
  ),
  comitativeBefore: w('(?:together |along )?with'),
  speech: w(
    'said|says|told|tells|wrote|writes|confirmed|confirms|announced|announces|reported|reports|added|posted|tweeted|according to',
  ),
  pronoun: w('he|she'),
  orgAnaphor: w(
    `(?:the|that|this) (?:[\\p{L}-]+ )?(?:${ORG_NOUN}|group|giant|maker|chipmaker|lab|unit)(?:'s|’s)?|its|(?:[\\p{Lu}][\\p{L}]+(?:'s|’s)) (?:[\\p{L}-]+ )?company`,
  ),
  fromMarker: w(
    'from|leaving|left|leaves|quitting|quit|exiting|ex|former|formerly|previously (?:at|with)|most recently (?:at|worked at)|worked at|came from|come from|come over from',
  ),
  toMarker: w('to|joins?|joined|joining|at|for'),
  pastMarker: w(
    'former|formerly|ex|previously|most recently|once|erstwhile|who left|who ran|who led|who worked|came from|until',
  ),
  insiderMarker: w(
    "currently|already|longtime|long-time|its|the company(?:'s|’s)|internal(?:ly)?|existing|incumbent",
  ),
  outsiderMarker: w('new|outside|external'),
  newRoleMarker:
    /(?:\b(?:as|to|become|becomes|became|becoming|be|its|their|the company's|serve as|named|appointed|chair|is its|will be)\s+(?:(?:the|a|an|its|their|new|first|sole|permanent|interim|next)\s+)*)$/iu,
  roleVerbPhrase: [
    w(
      '(?:to|will) (?:lead|run|head|oversee|helm)(?!s)(?: (?:its|the|a|an|their|his|her|this|that))? [^,.;]{2,60}?(?=,|\\.|;| as | after | while | according | and will |$)',
    ),
  ],
  copula: w('will be|would be|is to be|to be'),
  sharedMarker: w('both|all|each|all of them'),
  productAfter: w(
    'project|app|model|models|product|service|platform|tool|chip|chips|feature|initiative|coin|token|browser|device|fund',
  ),
  anonymous: w(
    'researchers|engineers|employees|staffers|executives|people|workers|scientists|members|co-founders|cofounders',
  ),
}
