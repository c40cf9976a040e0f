import type { Span } from '../../core/span.js';
import { ORGANISATION, OUTLET } from './describe-speaker.js';

export type Gender = 'male' | 'female' | null;

/** A person named in the text, in order of mention, for resolving later pronouns. */
export interface PersonMention {
  readonly name: string;
  readonly span: Span;
  readonly gender: Gender;
}

/**
 * The most recent person before `at` whose gender does not contradict the pronoun
 * (`he` skips a `Mrs. Smith`; a person of unknown gender fits both). Null for `they`, `it`,
 * `we` and `I`, which name groups or the writer as often as a person.
 */
export function resolvePronoun(pronoun: string, at: number, people: readonly PersonMention[]): PersonMention | null {
  const want: Gender = pronoun === 'he' || pronoun === 'him' || pronoun === 'who' ? 'male' : pronoun === 'she' || pronoun === 'her' ? 'female' : null;
  if (!want && pronoun !== 'who') return null;
  for (let k = people.length - 1; k >= 0; k--) {
    const p = people[k]!;
    if (p.span.start >= at) continue;
    if (pronoun === 'who' || p.gender === null || p.gender === want) return p;
  }
  return null;
}

const FEMALE = new Set(
  (
  'mrs ms miss madam lady queen princess dame hillary nancy elizabeth sarah kate katherine mary susan karen linda patricia jennifer maria lisa ' +
    'michelle laura barbara jane anne ann angela theresa marine nikki carly kellyanne huma debbie jill ivanka melania chelsea claire kirsten ' +
    'tammy amy heidi lisa jeanne dianne maxine elaine samantha susana rachel emily emma olivia sophia hannah alice julia joni kelly megyn ' +
    'dana hope sheryl condoleezza loretta janet sally valerie donna jeanine kamala tulsi cecile stephanie christine catherine margaret helen ' +
    'anna grace clara ruth joan judith carol sharon deborah cynthia kathleen amanda melissa nicole jessica ashley brenda pamela diane ' +
    'virginia martha beverly denise marilyn frances gloria teresa doris evelyn cheryl mildred katie rose julie lauren megan natalie ' +
    'sophie charlotte lucy chloe ines isabel sofia ana carmen lucia miriam fatima aisha leila yasmin priya mei yuki olga irina natalia'
  ).split(' '),
);
const MALE = new Set(
  (
  'mr sir lord king prince pope donald barack joe john james robert michael william david richard charles thomas christopher daniel ' +
    'matthew george paul mark steven steve kevin jeb ted marco rand ben chris mike bernie martin rick scott jim tim tom bill bob ' +
    'mitch harry newt lindsey jeff reince paul marco vladimir xi francois emmanuel justin boris dick al jon andrew peter ryan eric ' +
    'josh sean jason brian gary frank jack henry larry dennis jerry carl roger keith ronald anthony adam nathan ' +
    'corey stephen lamar jared rudy chuck harry elijah trey lou ' +
    'hugh edward walter arthur albert raymond samuel sam patrick alexander alex benjamin gregory douglas howard philip phillip ' +
    'eugene wayne ralph roy louis russell bobby victor martin ernest alan aaron gerald juan carlos jose luis paulo pedro miguel antonio ' +
    'francisco marco giovanni hans klaus ahmed mohammed muhammad ali omar hassan ivan dmitri sergei igor viktor wei hiroshi raj'
  ).split(' '),
);

/** Gender from a title, a gendered role (`spokeswoman`) or a common first name; null when unknown. */
export function genderOf(name: string, context = ''): Gender {
  const t = `${context} ${name}`.toLowerCase().replace(/\./g, '').split(/\s+/);
  for (const w of t) {
    if (FEMALE.has(w) || /^(?:spokes|chair|congress|council|business|assembly)woman$/.test(w)) return 'female';
    if (MALE.has(w) || /^(?:spokes|chair|congress|council|business|assembly)man$/.test(w)) return 'male';
  }
  return null;
}

// A role noun right before a name (`ministry spokeswoman Clara Ventos`, `the state transport
// secretary, Daniel Ruiz`): the name is a person's.
const ROLE_BEFORE = /\b(?:spokes(?:wo)?man|spokesperson|secretary|minister|director|coordinator|official|analyst|volunteer|correspondent|reporter|councill?or|council(?:wo)?man|mayor|governor|senator|president|chairman|chairwoman|chair|surgeon|doctor|nurse|professor|lawyer|attorney|judge|commander|general|colonel|officer|pilot|resident|witness|researcher|economist|manager|founder|chief|head|leader|activist|teacher|farmer|owner|editor|author|writer|driver|worker)\s*,?\s*$/i;

function roleBefore(text: string, at: number): string {
  const m = ROLE_BEFORE.exec(text.slice(Math.max(0, at - 40), at));
  return m ? m[0].trim().replace(/,$/, '') : '';
}

// What follows a person's name: an apposition (`Hugh Hill, a surgeon`, `Grace Whitfield, 71,`),
// a speech verb (`Paulo Mendes said`).
const AFTER_PERSON = /^(?:,\s+(?:a|an|the|who|whose|one|\d{1,3}\b|former|then)\b|\s+(?:said|says|told|tells|added|adds|wrote|writes|asked|explained|recalled|argued)\b)/;

function readsAsPerson(text: string, end: number): boolean {
  return AFTER_PERSON.test(text.slice(end, end + 20));
}

const TITLED = /\b(?:(Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Rev|Prof|President|Senator|Governor|Secretary|Judge)\.?\s+)?(\p{Lu}[\p{Ll}’'\-]+(?:\s+\p{Lu}\.)?(?:\s+\p{Lu}[\p{Ll}\p{Lu}’'\-]+){0,2})/gu;

/**
 * People named in the text, in order: runs of capitalised words that start with a known first
 * name or follow a title (`Sen. Warren`, `Hugh Hill`), then later bare surnames of those people
 * (`Hill`), which carry the full name. Linear: one regex pass, no backtracking between runs.
 */
export function findPeople(text: string): PersonMention[] {
  const out: PersonMention[] = [];
  const bySurname = new Map<string, PersonMention>();
  TITLED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TITLED.exec(text)) !== null) {
    const title = m[1] ?? '';
    let run = m[2]!;
    let start = m.index + m[0].length - run.length;
    let parts = run.split(/\s+/);
    // `Then John Brown arrived`: a capitalised word before the first name is not part of it.
    const firstName = parts.findIndex((w) => FEMALE.has(w.toLowerCase()) || MALE.has(w.toLowerCase()));
    if (!title && firstName > 0 && parts.length - firstName >= 2) {
      const skip = parts.slice(0, firstName).join(' ').length + 1;
      run = run.slice(skip).replace(/^\s+/, '');
      start = m.index + m[0].length - run.length;
      parts = parts.slice(firstName);
    }
    const first = parts[0]!.toLowerCase();
    // The role before the name is read only when needed: it is a regex over the text before
    // every capitalised run, the stage's costliest step here.
    let role: string | null = title ? '' : null;
    const roleHere = (): string => (role ??= roleBefore(text, start));
    if ((title || FEMALE.has(first) || MALE.has(first) || (parts.length >= 2 && parts.length <= 3 && !ORGANISATION.test(run) && !OUTLET.test(run) && (roleHere() || readsAsPerson(text, start + run.length)))) && parts.length >= (title ? 1 : 2)) {
      const gender = genderOf(parts[0]!, title) ?? genderOf('', roleHere());
      const p: PersonMention = { name: run, span: { start, end: start + run.length }, gender };
      out.push(p);
      if (parts.length >= 2) bySurname.set(parts[parts.length - 1]!, p);
      continue;
    }
    const known = bySurname.get(parts[parts.length - 1]!) ?? (parts.length === 1 ? bySurname.get(run) : undefined);
    if (known && parts.length <= 2) {
      out.push({ name: known.name, span: { start, end: start + run.length }, gender: known.gender });
    }
  }
  return out;
}
