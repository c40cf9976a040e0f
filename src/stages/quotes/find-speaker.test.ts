import { describe, expect, it } from 'vitest';
import { speakerAfter, speakerBefore } from './find-speaker.js';
import { wordsIn } from './words.js';

/** The speaker phrase in the words before (or after) a cue, as `head | apposition`. */
function before(text: string, cue = 'said'): string | null {
  const words = wordsIn(text, 0, text.length);
  const cueWord = wordsIn(cue, 0, cue.length)[0];
  const sp = speakerBefore(words, cueWord);
  return sp ? `${text.slice(sp.head.start, sp.head.end)} | ${sp.apposition ? text.slice(sp.apposition.start, sp.apposition.end) : '-'}` : null;
}
function after(text: string): string | null {
  const sp = speakerAfter(wordsIn(text, 0, text.length));
  return sp ? `${text.slice(sp.head.start, sp.head.end)} | ${sp.apposition ? text.slice(sp.apposition.start, sp.apposition.end) : '-'}` : null;
}

describe('speakerBefore', () => {
  const cases: [string, string, string | null][] = [
    ['Hugh Hill, a doctor,', 'said', 'Hugh Hill | a doctor'],
    // A passive: the subject is spoken to. A progressive keeps its subject.
    ['Now we are', 'told', null],
    ['Smith was not', 'asked', null],
    ['Smith is', 'saying', 'Smith | -'],
    // A partitive introduces the name.
    ['One of them, Hugh Hill, a surgeon who treated the wounded,', 'said', 'Hugh Hill | a surgeon who treated the wounded'],
    // A description, then the name it describes.
    ['A coordinator for the network, Paulo Mendes,', 'told', 'Paulo Mendes | A coordinator for the network'],
    // An acronym subject is not a dateline; a prepositional phrase is not an apposition.
    ['IRNA, in a report reposted by the website Iran Front Page,', 'claimed', 'IRNA | -'],
    // A time adjunct ends the subject; a cue form after a determiner is its noun.
    ['The interior ministry on Monday', 'rejected', 'The interior ministry | -'],
    ['The same report', 'said', 'The same report | -'],
    ['Sen. Elizabeth Warren (D-MA)', 'said', 'Sen. Elizabeth Warren | -'],
    ['More recently, Trump', 'pledged', 'Trump | -'],
    ['Early in his campaign, Trump', 'attacked', 'Trump | -'],
    ['Sooner or later, the New Jersey governor', 'told', 'the New Jersey governor | -'],
    ['A harbour pilot, who asked not to be named because he was not authorised to speak publicly,', 'said', 'A harbour pilot | who asked not to be named because he was not authorised to speak publicly'],
    // A clause of its own before the comma is not the subject: the name before the cue is.
    ['Trump will probably use the debate to make news, Kall', 'said', 'Kall | -'],
    ['Asked about the claim that it had been a bomb, Clinton', 'said', 'Clinton | -'],
    // An interjection opening the sentence is not the subject.
    ['Well, look, Hillary Clinton apparently', 'thinks', 'Hillary Clinton | -'],
    // A citation in brackets is never part of a speaker: a cue inside it takes the subject
    // before the bracket; a clause in brackets has its own subject; a closed citation is skipped.
    ['A second state outlet put the number of injured at over a hundred (ibid,', 'citing', 'A second state outlet | -'],
    ['The ministry said 40 had died (see Reyes, 2015;', 'citing', 'The ministry | -'],
    ['The toll rose again (aides', 'said', 'aides | -'],
    ["If you do not own a home (or you're", 'worried', 'you | -'],
    ['The same report (ibid)', 'said', 'The same report | -'],
    ["The paper (Anna Reyes, 'Witnesses describe the strike', 2015)", 'reported', 'The paper | -'],
    // A negation before the cue belongs to the cue, not to the speaker; an inability reports nothing.
    ["The governor's office didn't", 'respond', "The governor's office | -"],
    ['Trump has not', 'commented', 'Trump | -'],
    ['The council nevertheless', 'voted', 'The council | -'],
    ['Words cannot', 'describe', null],
    ["I can't", 'say', null],
    // A cue after `to` is an infinitive: the object of a preposition before it is not its subject.
    ['to our grandparents to', 'say', null],
    ['Smith went on to', 'note', 'Smith | -'],
    // After a verb of causing or asking, the object before `to` is the infinitive's subject.
    ['The video prompted some Twitter users to', 'argue', 'some Twitter users | -'],
    ['The scandal led Democrats to', 'claim', 'Democrats | -'],
  ];
  it.each(cases)('%j %s', (text, cue, expected) => expect(before(text, cue)).toBe(expected));
});

describe('speakerAfter', () => {
  const cases: [string, string | null][] = [
    ['Sandra Sucher, a Harvard professor.', 'Sandra Sucher | a Harvard professor'],
    // A finite verb: a clause follows the cue, not a speaker.
    ['the price had doubled since 2019.', null],
    // A clause after the comma is not an apposition.
    ["the city's finance office, the bridge will cost $412 million.", "the city's finance office | -"],
    // A description, then the name.
    ['the state transport secretary, Daniel Ruiz:', 'Daniel Ruiz | the state transport secretary'],
    // A noun that is also a cue form ends the phrase as its head noun.
    ["the authority's own annual report, cargo fell by 12 percent.", "the authority's own annual report | -"],
  ];
  it.each(cases)('%j', (text, expected) => expect(after(text)).toBe(expected));
});
