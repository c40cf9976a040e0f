import type { Speaker, SpeakerKind } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import type { OutletRegistry } from '../../core/stage.js';
import type { SpeakerPhrase } from './find-speaker.js';
import { resolvePronoun, type PersonMention } from './resolve-pronoun.js';

// Words of a title or role before a name (`French Prime Minister Manuel Valls` → `Manuel Valls`).
const TITLE_WORDS = new Set(
  (
    'mr mrs ms miss dr prof sen senator rep representative gov governor president vice prime minister secretary general judge justice chief ' +
    'chancellor mayor rev reverend director spokesman spokeswoman spokesperson former deputy attorney speaker leader majority minority chairman ' +
    'chairwoman chair adviser advisor ceo professor king queen pope prince princess ambassador commissioner congressman congresswoman lt col capt ' +
    'sgt adm maj gen cmdr court circuit district supreme state house senate white press democratic republican gop u.s us american candidate ' +
    'presidential nominee front-runner frontrunner sheriff officer detective agent lawyer attorney strategist analyst pollster economist author ' +
    'founder executive manager member delegate councilman councilwoman councillor councilor alderman alderwoman coordinator volunteer surgeon doctor nurse correspondent reporter editor anchor spokesperson assemblyman assemblywoman lord lady sir dame st saint then-candidate then-president ' +
    'democrat republican independent texas florida ohio california new york the'
  ).split(' '),
);

export const ORGANISATION = /\b(?:Department|Ministry|Committee|Party|Council|Group|Association|Institute|University|College|Company|Inc|Corp|Corporation|Campaign|Agency|Commission|Office|Bank|Fund|Organi[sz]ation|Foundation|Center|Centre|Union|Coalition|Administration|Pentagon|Kremlin|White House|Congress|Senate|Parliament|Police|Army|Navy|Court|Board|Bureau|Service|Society|League|Federation|Network|Alliance|Project|Watch|Trust|PAC|Club|Authority|Government|FBI|CIA|NATO|UN|EU|GOP|DNC|RNC|ACLU|NRA|Twitter|Facebook|Google|Microsoft|Apple)\b/;
export const OUTLET = /\b(?:Times|Post|Journal|News|Reuters|Associated Press|AP|CNN|BBC|MSNBC|NPR|Fox|Politico|POLITICO|Breitbart|Bloomberg|Tribune|Herald|Gazette|Magazine|Newsweek|Atlantic|Guardian|Telegraph|Economist|Radio|Television|TV|Newspaper|Daily|Press|Agence France-Presse|AFP|Xinhua|Tass|TASS|IRNA|Fars|Axios|HuffPost|Huffington|Wire|Chronicle|Observer|Examiner|Review|Report|Sun|Mail|Express|Mirror)\b/;
// A newspaper's name: capitalised words ending in a masthead word (`the Sioux Falls Argus
// Leader`, `The Valmora Daily`), not a title (`Senate Majority Leader`, `Party Leader`).
const NEWSPAPER = /^(?!.*\b(?:Majority|Minority|House|Senate|Party|Opposition|Team|Group|Council|Deputy|Former|World|Supreme|Spiritual)\s+Leader$)(?:\p{Lu}[\p{L}.’'\-]*\s+)+(?:Leader|Times|Post|Herald|Gazette|Tribune|Journal|News|Daily|Radio|TV|Courier|Sentinel|Inquirer|Dispatch|Globe|Register|Bulletin|Star|Chronicle|Examiner|Observer|Record)$/u;
const UNNAMED_OUTLET = /^(?:a|an|one|another|the|a second|a third)\s+(?:\S+\s+){0,3}(?:outlet|newspaper|broadcaster|news agency|tabloid|daily|weekly|news site|website)$/;
const DOCUMENT_HEAD = /\b(?:report|reports|study|studies|survey|surveys|poll|polls|statement|document|documents|paper|analysis|filing|letter|memo|review|audit|assessment|data|figures|records|release|investigation|article|editorial|estimate|estimates)$/;
const ANONYMOUS = /\b(?:sources?|insiders?|anonymity|(?:not|asked|declined)\b.{0,30}\b(?:named|identified)|familiar with|officials?|aides?|people close to|a person|someone|one official|diplomats?)\b/i;
const PLURAL_GROUP = /^(?:officials|sources|aides|advisers|advisors|analysts|critics|experts|observers|insiders|supporters|opponents|residents|witnesses|police|authorities|democrats|republicans|investigators|prosecutors|lawmakers|economists|people|voters|activists|researchers|scientists|doctors|protesters|organizers|diplomats)$/i;

// `the ministry said`: a common noun naming an organisation.
const ORGANISATION_NOUN = /^(?:the|its|their|his|her)\s+(?:\S+\s+){0,3}(?:ministry|department|government|agency|company|campaign|committee|police|army|military|administration|party|group|court|office|embassy|firm|council|union|commission|bank|university|hospital|school|board|legislature|regime|authority|authorities|organi[sz]ation|network|station|newspaper|paper)$/;

// `his call for "…"`: a possessive pronoun resolves like its subject form.
const POSSESSIVE = new Map([['his', 'he'], ['their', 'they'], ['its', 'it'], ['my', 'i'], ['our', 'we']]);

export const PRONOUN_SET = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'him', 'her', 'them']);

/**
 * The speaker record for a phrase found next to a cue. A pronoun is resolved against the
 * people named earlier (`mention` stays the pronoun, `name` and `antecedent` come from the
 * person); a described speaker keeps the description and any organisation named in it.
 */
export function describeSpeaker(
  text: string,
  phrase: SpeakerPhrase | null,
  people: readonly PersonMention[],
  outlets: OutletRegistry | undefined,
): Speaker {
  if (!phrase) return unknownSpeaker();
  const headText = text.slice(phrase.head.start, phrase.head.end);
  const appText = phrase.apposition ? text.slice(phrase.apposition.start, phrase.apposition.end) : null;
  const lower = headText.toLowerCase();
  if (PRONOUN_SET.has(lower) || lower === 'who' || POSSESSIVE.has(lower)) {
    const person = resolvePronoun(POSSESSIVE.get(lower) ?? lower, phrase.head.start, people);
    return {
      mention: phrase.head,
      name: person?.name ?? null,
      description: null,
      kind: person ? 'person' : lower === 'it' || lower === 'they' ? 'unknown' : 'person',
      organisation: null,
      antecedent: person?.span ?? null,
    };
  }
  const bare = headText.replace(/^the\s+/i, '').replace(/[’']s$/, '');
  if (outlets?.byName(bare) || outlets?.byName(headText) || (isProperPhrase(bare) && ((OUTLET.test(bare) && !ORGANISATION.test(bare)) || NEWSPAPER.test(bare)))) {
    return { mention: phrase.head, name: bare, description: appText, kind: 'outlet', organisation: null, antecedent: null };
  }
  // `The National Institute on Drug Abuse`: capitalised words after `on`/`of`/`for` end a body's name, not a person's.
  const tail = personName(headText);
  const name = tail && headText.endsWith(tail) && /\s(?:of|on|for|and|the|de)\s*$/.test(headText.slice(0, headText.length - tail.length)) ? null : tail;
  const whole = appText ? `${headText}, ${appText}` : headText;
  const organisation = organisationIn(appText ?? '') ?? (name ? null : organisationIn(headText));
  if (name) {
    const description = descriptionOf(headText, name, appText);
    const short = people.find((p) => p.name !== name && p.name.endsWith(` ${name}`));
    return {
      mention: phrase.head,
      name: short ? short.name : name,
      description,
      kind: 'person',
      organisation,
      antecedent: short ? short.span : null,
    };
  }
  // `local residents`, `Independent hydrologists`: an unnamed group, its head noun last.
  const words = lower.split(/\s+/);
  const group = words.length <= 3 && (PLURAL_GROUP.test(words[words.length - 1]!) || /^\p{L}+(?:ists|logists)$/u.test(words[words.length - 1]!)) && !/\s\p{Lu}/u.test(headText) && !/^(?:the|his|her|their|its|our|my)$/.test(words[0]!);
  if (ANONYMOUS.test(whole) || PLURAL_GROUP.test(lower) || group) {
    return { mention: phrase.head, name: null, description: whole, kind: 'anonymous', organisation, antecedent: null };
  }
  if (isProperPhrase(bare) && ORGANISATION.test(bare)) {
    return { mention: phrase.head, name: bare, description: appText, kind: 'organisation', organisation: bare, antecedent: null };
  }
  if (isProperPhrase(bare)) {
    // A single capitalised word or two that match nothing: a person's short name (`Trump`).
    const kind: SpeakerKind = /^[A-Z]{2,}$/.test(bare) ? 'organisation' : 'person';
    const full = people.find((p) => p.name !== bare && p.name.endsWith(` ${bare}`));
    return { mention: phrase.head, name: full ? full.name : bare, description: appText, kind, organisation: kind === 'organisation' ? bare : null, antecedent: full ? full.span : null };
  }
  const orgNoun = ORGANISATION_NOUN.test(lower);
  // `the interior ministry`, `the city's finance office` name one body; `the ministry` refers back.
  const named = orgNoun && /^\S+\s+\S+\s+\S+/.test(lower) && /^the\s/.test(lower) ? headText.replace(/^the\s+/i, '') : null;
  // `the authority's own annual report`, `The same report`, `a new poll`: a document speaks for
  // someone not named here; it is no person.
  // `A second state outlet`, `a local newspaper`: an outlet not named.
  const kind: SpeakerKind = UNNAMED_OUTLET.test(lower) ? 'outlet' : orgNoun || (organisation && !/^(?:a|an|the)\s+[a-z]/i.test(whole)) ? 'organisation' : DOCUMENT_HEAD.test(lower) ? 'unknown' : 'person';
  return { mention: phrase.head, name: named, description: whole, kind, organisation, antecedent: null };
}

export function unknownSpeaker(): Speaker {
  return { mention: null, name: null, description: null, kind: 'unknown', organisation: null, antecedent: null };
}

/** A person's name at the end of a phrase of capitalised words, titles removed. */
export function personName(phrase: string): string | null {
  const words = phrase.split(/\s+/).filter(Boolean);
  const name: string[] = [];
  for (let k = words.length - 1; k >= 0; k--) {
    const w = words[k]!.replace(/[’']s$/, '');
    if (!/^\p{Lu}[\p{L}’'.\-]*$/u.test(w) && !/^(?:de|van|von|der|el|al|bin|la|le|da|di|du)$/.test(w)) break;
    if (TITLE_WORDS.has(w.toLowerCase().replace(/\.$/, ''))) break;
    name.unshift(words[k]!.replace(/[’']s$/, ''));
  }
  while (name.length > 0 && /^(?:de|van|von|der|el|al|bin|la|le|da|di|du)$/.test(name[0]!)) name.shift();
  if (name.length === 0) return null;
  const joined = name.join(' ');
  if (ORGANISATION.test(joined) || OUTLET.test(joined)) return null;
  if (name.length === 1 && words.length > 1 && /^(?:a|an|the)$/i.test(words[0]!)) return null;
  if (name.length === 1 && words.length === 1) return null; // decided by the caller
  return joined;
}

const TITLE_BEFORE_NAME = /(?:^|\s)(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Rev|Col|Gen|Lt|Maj|Capt|Sgt|Cpl|Pvt|Adm|Cmdr|Brig|Sen|Rep|Gov|Amb|Supt|Insp|Pres)\.?$/;

function descriptionOf(head: string, name: string, apposition: string | null): string | null {
  // An honorific alone (`Ms. Jones`) describes nothing.
  const raw = head.endsWith(name) ? head.slice(0, head.length - name.length).trim() : '';
  // A rank or title abbreviated before the name (`coalition spokesman Col. Peter Marsh`) belongs
  // to the name, not to the description: `coalition spokesman`.
  const before = raw.replace(TITLE_BEFORE_NAME, '').trim();
  if (apposition && before) return `${before}; ${apposition}`;
  return apposition ?? (before || null);
}

/** The capitalised run holding an organisation word (`International Crisis Group`). */
export function organisationIn(s: string): string | null {
  const m = /(?:\p{Lu}[\p{L}&.\-’']*\s+(?:(?:of|for|and|the|on)\s+)?){0,5}(?:\p{Lu}[\p{L}&.\-’']*)/gu;
  let best: string | null = null;
  let r: RegExpExecArray | null;
  while ((r = m.exec(s)) !== null) {
    const run = r[0].replace(/^(?:The|A|An)\s+/, '');
    if (ORGANISATION.test(run) || OUTLET.test(run)) {
      best = run;
      break;
    }
  }
  return best;
}

/**
 * Capitalised words, joined by a few function words: `Iran Front Page`, `Institute for the Study
 * of War`. Not `An anchor on RT` or `A coordinator for the network`, which describe a speaker.
 */
function isProperPhrase(s: string): boolean {
  const words = s.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6 || !/^\p{Lu}/u.test(s)) return false;
  if (words.length > 1 && /^(?:A|An)$/.test(words[0]!)) return false;
  return words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || /^(?:of|for|the|and|on|de|del|la|le|al|el|&)$/.test(w));
}

export type { Span };
