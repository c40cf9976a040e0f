/**
 * Word lists the claim rules read. Every pattern is bounded (no unbounded repetition that could
 * backtrack), so a 1 MB sentence costs one linear scan per pattern.
 */

const words = (s: string): string => s.trim().split(/\s+/).join('|');

// `7-2`, `412`, `8.4`, `1,200`: digits. Dates and clock times are removed before counting.
export const DIGITS = /\d/;

const NUMBER_WORDS = words(`
  two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
  seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
  hundred hundreds thousand thousands million millions billion billions trillion dozen dozens
  half third quarter percent
`);
/** Number words and amounts (`forty`, `dozens of`, `per cent`, `a third of`). `one` is left out: `one of them`. */
export const NUMBER_WORD = new RegExp(`\\b(?:${NUMBER_WORDS}|per cent|scores of)\\b|[%$£€¥]`, 'i');

const MONTHS = words('january february march april june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec');
const WEEKDAYS = words('monday tuesday wednesday thursday friday saturday sunday');

/**
 * Dates and times, to be blanked before numbers are counted (`on 4 June`, `June 4th`, `in 2019`,
 * `10:30`, `3 p.m.`) and read as a sign of an event. `May` counts only next to a day number.
 */
export const DATE = new RegExp(
  [
    `\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTHS}|May)\\b\\.?(?:,?\\s+(?:1[89]|20)\\d\\d\\b)?`,
    `\\b(?:${MONTHS}|May)\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?\\b(?:,?\\s+(?:1[89]|20)\\d\\d\\b)?`,
    `\\b(?:in|since|by|until|of|from|before|after|during|early|late|mid)[\\s-]{1,3}(?:${MONTHS}|May)?\\s?(?:1[89]|20)\\d\\d(?:s)?\\b`,
    `\\b(?:1[89]|20)\\d\\d\\b(?![\\s-]*(?:people|men|women|children|civilians|soldiers|troops|dead|deaths|votes|homes|workers|flights|percent|per cent))`,
    `\\b\\d{1,2}[:.]\\d\\d\\b`,
    `\\b\\d{1,2}\\s?(?:a\\.m\\.|p\\.m\\.|am\\b|pm\\b)`,
  ].join('|'),
  'gi',
);

/** Words that place a statement in time (a sign of an event, not of a quantity). */
export const TIME_WORD = new RegExp(
  `\\b(?:${MONTHS}|${WEEKDAYS}|yesterday|today|tonight|last (?:week|month|year|night)|earlier this (?:week|month|year))\\b`,
  'i',
);

export const CASUALTY = new RegExp(
  `\\b(?:${words(`
    killed kill kills dead died die dies death deaths wounded wounding injured injuries casualties
    fatalities toll victims displaced missing executed massacred murdered
  `)})\\b`,
  'i',
);

export const EVENT_VERB = new RegExp(
  `\\b(?:${words(`
    attacked attacks struck strikes hit hits fired fires bombed shelled shelling launched launches
    seized seizes captured captures crossed crosses invaded invades arrested arrests detained
    released releases signed signs voted votes approved approves passed passes rejected rejects
    resigned resigns elected won wins lost met meets visited visits held began begins started
    ended ends collapsed collapses exploded explodes erupted occurred happened raided deployed
    withdrew withdraws imposed imposes lifted banned bans blocked blocks closed closes opened
    opens destroyed damaged burned flooded fled flees evacuated stormed ruled sentenced convicted
    charged fined sued bought sold acquired merged built completed fell falls rose rises dropped
    climbed increased decreased doubled tripled halved cut raised introduced enacted vetoed
    abandoned surrendered retreated advanced shot stabbed kidnapped abducted freed protested
    marched rallied clashed crashed sank hijacked ordered issued published suspended cancelled
    canceled postponed expelled sanctioned agreed reached laid arrived left entered returned
    moved took gave paid spent received sent shut found discovered detected
  `)})\\b`,
  'i',
);

/** `was destroyed`, `have been arrested`, `had been ordered`: a passive verb reports an event. */
export const PASSIVE = /\b(?:was|were|been|is being|are being)\s+(?:[a-z]{1,20}ly\s+)?[a-z]{2,20}(?:ed|en|wn|ht|ut|ld|ck|ng)\b/i;

export const CAUSAL = new RegExp(
  `\\b(?:because|result of|the cause of|led to|lead to|leads to|leading to|caused|causes|causing|cause of|as a result|resulted in|results in|resulting in|due to|owing to|thanks to|triggered|sparked|prompted|forced|therefore|consequently|blamed (?:[a-z]+ )?(?:on|for))\\b`,
  'i',
);

/** Verbs of saying that make a sentence an attributed statement (a subset of the quotes stage's cues). */
export const SPEECH_VERB = new RegExp(
  `\\b(?:${words(`
    say said says saying told tells tell added adds wrote writes claimed claims claiming stated
    states announced announces announcing reported reports reporting declared declares insisted
    insists argued argues warned warns denied denies alleged alleges accused accuses acknowledged
    acknowledges admitted admits confirmed confirms conceded concedes revealed reveals disclosed
    testified asserted asserts maintained maintains noted notes explained explains described
    describes called calls tweeted posted replied responded shouted chanted yelled asked
  `)})\\b(?<!so-called)|\\baccording to\\b|\\bciting\\b`,
  'i',
);

/** A first-person frame of belief: "I think", "in my view". */
export const OPINION_FRAME =
  /^(?:[\s"“”‘’'(\[«—–-]{0,10})(?:frankly|honestly|clearly|obviously|surely|sadly|thankfully|of course)\b|\b(?:I|we) (?:think|believe|feel|suspect|doubt|hope|fear|suppose|reckon|am convinced|am sure)\b|\bin (?:my|our) (?:view|opinion|judgement|judgment)\b|\bto (?:me|us),|\bit (?:seems|seemed) to (?:me|us)\b/i;

/** Calls to act and slogans: "We must", "Let us", "Justice for …", "No to …", "Free …". */
export const EXHORTATION_FRAME =
  /^(?:[\s"“”‘’'(\[«—–-]{0,10})(?:let us|let's|we must|we need to|we should|we cannot|we can't|justice for|no to|yes to|free|down with|long live|never again|enough is enough|stop|join|vote|support|remember|stand|end|save|bring|don't|do not|tell|ask|call|write to|contact|demand|sign|share)\b/i;

/** `will visit`, `is to meet`: a scheduled event. */
export const FUTURE_EVENT =
  /\b(?:will|shall|is to|are to|is due to|are due to|plans to|is expected to|are expected to)\s+(?:visit|meet|sign|vote|hold|open|close|travel|announce|launch|begin|start|end|publish|release|resign|attend|host|deploy|withdraw|leave|arrive|return|rule|decide)\b/i;

/** `was announced`, `were said to`: a verb of saying with no one saying it is no attribution. */
export const AGENTLESS_SPEECH =
  /\b(?:was|were|been|is|are|be)\s+(?:[a-z]{1,20}ly\s+)?(?:said|announced|reported|claimed|described|called|told|stated|alleged|confirmed|denied|acknowledged|revealed|disclosed)\b(?!\s+by\b)/gi;

/** Norms and sweeping judgements with no fact: `should`, `owes`, `nobody believes`, `make no mistake`. */
export const NORMATIVE =
  /\b(?:should|ought to|must|needs? to|deserves?|owes?|owed)\b|^(?:nobody|no one|everyone|everybody|anyone|anybody)\b|\b(?:make no mistake|the fact is|let's be clear|let us be clear|speaks? for (?:itself|themselves)|exactly the kind of|history (?:shows|teaches|tells))\b/i;

/** Evaluative words: a sentence with these and no fact of any kind reads as opinion. */
export const EVALUATIVE = new RegExp(
  `\\b(?:${words(`
    shameful shame disgrace disgraceful outrageous outrage cowardly coward brave bravery heroic
    reckless absurd farce ridiculous terrible awful wonderful excellent appalling shocking
    scandalous tragic powerful moving necessary unnecessary wrong unfair unjust pathetic
    dangerous irresponsible incompetent brilliant beautiful ugly evil cruel brutal barbaric
    inhumane hypocritical hypocrisy nonsense foolish stupid naive misguided calmer bold
    courageous admirable remarkable extraordinary shameless callous sinister vile monstrous
    grotesque laughable insane crazy historic crucial vital essential sensible disastrous
    catastrophe catastrophic fiasco betrayal cynical deplorable despicable inexcusable
    unacceptable troubling worrying alarming welcome regrettable sorry harshly proud
  `)})\\b|\\b(?:less|more|very|too|deeply|truly)\\s+(?:certain|sure|cautious|careful|confident|optimistic|pessimistic|hopeful|measured|restrained|troubling|worrying)\\b`,
  'i',
);

/** A finite verb, roughly: auxiliaries and copulas, or an `-s`/`-ed` word after the first. */
export const FINITE_VERB = /\b(?:is|are|was|were|has|have|had|does|do|did|will|would|can|could|may|might|must|shall|should)\b|\s[a-z]{2,20}(?:ed|es|s)\b/;

/** "By Miriam Castell", "— reporting by Sam Adeyemi": bylines, not claims. */
export const BYLINE = /^(?:by|reporting by|additional reporting by|written by)\s+[A-Z\u00C0-\u00DE]/i;
