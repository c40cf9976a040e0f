/**
 * Verbs that introduce a quotation or reported speech, by inflected form. Kept to verbs whose
 * subject is nearly always the source (`said`, `told`, `argued`) so that every cue found is
 * worth reporting; `called` and the verbs of belief are handled apart because they often are not.
 */
const SPEECH = [
  'say said says saying',
  'tell told tells telling',
  'add added adds adding',
  'ask asked asks asking',
  'write wrote writes writing written',
  'tweet tweeted tweets tweeting',
  'argue argued argues arguing',
  'claim claimed claims claiming',
  'insist insisted insists insisting',
  'note noted notes noting',
  'explain explained explains explaining',
  'warn warned warns warning',
  'state stated states stating',
  'announce announced announces announcing',
  'report reported reports reporting',
  'declare declared declares declaring',
  'respond responded responds responding',
  'reply replied replies replying',
  'continued', // `would continue to …` is rarely a cue, `Cruz continued:` is
  'conclude concluded concludes concluding',
  'recall recalled recalls recalling',
  'remember remembered remembers',
  'answered',
  'acknowledge acknowledged acknowledges acknowledging',
  'admit admitted admits admitting',
  'contend contended contends contending',
  'suggest suggested suggests suggesting',
  'observe observed observes observing',
  'remark remarked remarks remarking',
  'quip quipped quips quipping',
  'joke joked jokes joking',
  'complain complained complains complaining',
  'urge urged urges urging',
  'predict predicted predicts predicting',
  'promise promised promises promising',
  'vow vowed vows vowing',
  'comment commented comments commenting',
  'whisper whispered whispers whispering',
  'interject interjected interjects interjecting',
  'pledge pledged pledges pledging',
  'testify testified testifies testifying',
  'emphasize emphasized emphasizes emphasizing emphasise emphasised emphasises',
  'stress stressed stresses stressing',
  'confirm confirmed confirms confirming',
  'deny denied denies denying',
  'allege alleged alleges alleging',
  'assert asserted asserts asserting',
  'maintain maintained maintains maintaining',
  'concede conceded concedes conceding',
  'counter countered counters countering',
  'boast boasted boasts boasting',
  'lament lamented laments lamenting',
  'muse mused muses musing',
  'recount recounted recounts recounting',
  'post posted posts posting',
  'chant chanted chants chanting',
  'shout shouted shouts shouting',
  'yell yelled yells yelling',
  'scream screamed screams screaming',
  'exclaim exclaimed exclaims exclaiming',
  'wonder wondered wonders wondering',
  'caution cautioned cautions cautioning',
  'demand demanded demands demanding',
  'proclaim proclaimed proclaims proclaiming',
  'reiterate reiterated reiterates reiterating',
  'repeat repeated repeats repeating',
  'estimate estimated estimates estimating',
  'tout touted touts touting',
  'charge charged charges charging',
  'retort retorted retorts retorting',
  'snap snapped snaps snapping',
  'read reads',
  'describe described describes describing',
  'accuse accused accuses accusing',
  'thank thanked thanks thanking',
  'echo echoed echoes echoing',
  'recommend recommended recommends recommending',
  'advise advised advises advising',
  'inform informed informs informing',
  'reveal revealed reveals revealing',
  'disclose disclosed discloses disclosing',
  'agree agreed agrees agreeing',
  'predict predicted predicts predicting',
  'hint hinted hints hinting',
  'blast blasted blasts blasting',
  'mock mocked mocks mocking',
  'praise praised praises praising',
  'criticize criticized criticizes criticizing criticise criticised',
  'fume fumed fumes fuming',
  'plead pleaded pleads pleading',
  'whisper whispered whispers whispering',
  'sing sang sings singing',
];

/** Verbs of belief and knowledge: a cue only with a named subject and a clause after. */
const BELIEF = ['believe believed believes believing', 'think thought thinks thinking', 'fear feared fears', 'expect expected expects', 'hope hoped hopes', 'worry worried worries'];

/** Verbs whose object is a quoted naming (`called the deal "a disaster"`). */
const NAMING = ['call called calls calling', 'dub dubbed dubs dubbing', 'label labeled labelled labels labeling', 'brand branded brands branding'];

function index(lines: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of lines) {
    const forms = line.split(' ');
    for (const f of forms) m.set(f, forms[0]!);
  }
  return m;
}

const speech = index(SPEECH);
const belief = index(BELIEF);
const naming = index(NAMING);

export type CueClass = 'speech' | 'belief' | 'naming';

// One lookup a word: speech wins over naming, naming over belief, as the three tests did in turn.
const classes = new Map<string, CueClass>();
for (const [map, cls] of [[belief, 'belief'], [naming, 'naming'], [speech, 'speech']] as const) for (const form of map.keys()) classes.set(form, cls);

/** The class of a lower-cased word as a cue, or null. */
export function cueClass(lower: string): CueClass | null {
  return classes.get(lower) ?? null;
}

export function lemmaOf(lower: string): string | null {
  return speech.get(lower) ?? naming.get(lower) ?? belief.get(lower) ?? null;
}

/** `told` names its addressee next, never the speaker (`"…," told Smith` is not English). */
export function takesAddressee(lower: string): boolean {
  const l = lemmaOf(lower);
  return l === 'tell' || l === 'inform' || l === 'advise' || l === 'thank' || l === 'urge' || l === 'accuse' || l === 'warn' || l === 'ask' || l === 'remind';
}

/** Participles that open a second attribution after a comma (`, adding that …`). */
export function isParticipleCue(lower: string): boolean {
  return lower.endsWith('ing') && cueClass(lower) === 'speech';
}
