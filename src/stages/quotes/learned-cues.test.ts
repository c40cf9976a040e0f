import { describe, expect, it } from 'vitest';
import { clauseEnd, clauseStart, findReportedSpeech, skipAddressee, skipAdjunct } from './find-reported-speech.js';
import { takesAddressee } from './cue-lexicon.js';
import { cueModelFromJson, cueModelToJson, shippedCueModel } from './learned-cue-model.js';
import { cueCandidates, feature, scoreCandidate, type CueModel } from './learned-cues.js';
import { wordsIn } from './words.js';

const helpers = { clauseStart, clauseEnd, skipAdjunct, skipAddressee, takesAddressee };

/** `cue | speaker | content` of each relation found in a one-sentence text. */
function relations(text: string, model?: CueModel | null): string[] {
  return findReportedSpeech({ text, sentences: [{ start: 0, end: text.length, paragraph: 1 }], taken: [], people: [], outlets: undefined, ...(model === undefined ? {} : { model }) }).map((r) =>
    [text.slice(r.cue.start, r.cue.end), r.speaker.mention ? text.slice(r.speaker.mention.start, r.speaker.mention.end) : '-', r.content.map((c) => text.slice(c.start, c.end)).join(' … ')].join(' | '),
  );
}

describe('learned attribution cues (shipped model, PolNeAR train)', () => {
  const cases: [string, string[]][] = [
    // Wishes, findings, refusals, beliefs: attributions PolNeAR marks beyond speech verbs.
    ['Clinton wants to avoid giving any grist to her opponents.', ['wants | Clinton | to avoid giving any grist to her opponents']],
    ['The poll found that 43% of Ohio voters support Strickland, while 42% back Portman.', ['found | The poll | that 43% of Ohio voters support Strickland, while 42% back Portman']],
    ['Gore declined an interview request from Politico.', ['declined | Gore | an interview request from Politico']],
    // A subject the speaker rules leave alone (a determiner and a plural noun).
    ['Most voters believe the economy has improved since 2009.', ['believe | Most voters | the economy has improved since 2009']],
    // A cue with its particle.
    ['Sanders has called for the release of the transcripts.', ['called for | Sanders | the release of the transcripts']],
    // Not attributions.
    ['The coalition said nothing about the strike.', []],
    ['The council repaired the bridge in May.', []],
  ];
  it.each(cases)('%s', (text, expected) => {
    expect(relations(text)).toEqual(expected);
  });

  it('ships a model under 2 MB with its lexicon', () => {
    const model = shippedCueModel();
    expect(model).not.toBeNull();
    expect(model!.forms.get('said')).toBeGreaterThan(0.5);
    expect(model!.weights.byteLength).toBeLessThan(2 * 1024 * 1024);
  });

  it('finds none of them without the model', () => {
    expect(relations('Clinton wants to avoid giving any grist to her opponents.', null)).toEqual([]);
  });
});

describe('cueCandidates', () => {
  const forms = new Map([
    ['fighting', 0.3],
    ['endorsed', 0.7],
  ]);
  const propose = (text: string) => cueCandidates(text, wordsIn(text, 0, text.length), forms, [], [], helpers).map((c) => `${text.slice(c.speaker.head.start, c.speaker.head.end)} | ${text.slice(c.content.start, c.content.end)}`);

  it('proposes the clause-long and the comma-bounded content', () => {
    expect(propose('Obama endorsed Clinton, the former secretary of state, on Thursday.')).toEqual(['Obama | Clinton, the former secretary of state, on Thursday', 'Obama | Clinton']);
  });

  it('proposes the object after a preposition beside the phrase with it', () => {
    expect(propose('Democrats have been fighting about Obama ever since he entered office.')).toEqual([
      'Democrats | about Obama ever since he entered office',
      'Democrats | Obama ever since he entered office',
    ]);
  });

  it('proposes nothing without a subject, or for a noun after an article', () => {
    expect(propose('The endorsed candidate won.')).toEqual([]);
    expect(propose('Endorsed by the party, he won.')).toEqual([]);
  });

  it('leaves cues inside quotations and cues already found alone', () => {
    const text = 'Obama endorsed Clinton on Thursday.';
    const words = wordsIn(text, 0, text.length);
    expect(cueCandidates(text, words, forms, [], [{ start: 0, end: text.length }], helpers)).toEqual([]);
    expect(cueCandidates(text, words, forms, [{ cue: { start: 6, end: 14 }, content: [{ start: 15, end: 34 }] }], [], helpers)).toEqual([]);
  });
});

describe('features and the model file', () => {
  it('hashes a feature the same way every time, and tells names and values apart', () => {
    const name = 0x811c9dc5; // any name hash
    expect(feature(name, 'said')).toBe(feature(name, 'said'));
    expect(feature(name, 'said')).not.toBe(feature(name, 'says'));
    expect(feature(name, 'a', 'bc')).not.toBe(feature(name, 'ab', 'c'));
  });

  it('scores 0.5 with zero weights, and reads the masked weight', () => {
    const weights = new Float32Array(16);
    const model: CueModel = { version: 't', forms: new Map(), bits: 4, weights, threshold: 0.5 };
    expect(scoreCandidate(model, [123456789])).toBe(0.5);
    weights[123456789 & 15] = 2;
    expect(scoreCandidate(model, [123456789])).toBeCloseTo(1 / (1 + Math.exp(-2)));
  });

  it('round-trips a model through its JSON file', () => {
    const model: CueModel = { version: 't', forms: new Map([['said', 0.923], ['believes', 0.2]]), bits: 3, weights: Float32Array.from([0, 1, -1.5, 2, 0, 0, 0.25, 0]), threshold: 0.3 };
    const back = cueModelFromJson(JSON.parse(JSON.stringify(cueModelToJson(model))));
    expect([...back.forms]).toEqual([['believes', 0.2], ['said', 0.923]]);
    expect([...back.weights]).toEqual([...model.weights]);
    expect(back.threshold).toBe(0.3);
  });

  it('throws on a file that is not a cue model, or has the wrong number of weights', () => {
    const file = cueModelToJson({ version: 't', forms: new Map(), bits: 2, weights: new Float32Array(4), threshold: 0.5 });
    expect(() => cueModelFromJson({ ...file, format: 'claimtrace-rhetoric' as never })).toThrow(/Expected an attribution cue model/);
    expect(() => cueModelFromJson({ ...file, bits: 3 })).toThrow(/Expected 8 weights, not 4/);
  });
});
