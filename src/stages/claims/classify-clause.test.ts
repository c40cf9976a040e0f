import { describe, expect, it } from 'vitest';
import { dev, heldOut, heldOut2 } from './cases.js';
import { classifyClause, clauseFeatures } from './classify-clause.js';
import { measureCases } from './measure-cases.js';

describe('classifyClause', () => {
  it.each(dev)('%s → %s', (sentence, label) => {
    expect(classifyClause(sentence)).toBe(label);
  });

  it.each([
    ['By Miriam Castell', 'none'],
    ['The Silence Over Darvan Valley', 'none'],
    ['"Stop!" he shouted.', 'attributed'],
    ['Forty people died on Friday!', 'quantity'],
    ['Not the generals, and not the ministers who send them.', 'opinion'],
    ['"I have seen this before," he said.', 'attributed'],
  ] as const)('%s → %s', (sentence, label) => {
    expect(classifyClause(sentence)).toBe(label);
  });

  it('reads a clause that holds a quote as attributed', () => {
    expect(classifyClause('You do not forget the sound.', { quoted: true })).toBe('attributed');
    expect(classifyClause('Is this the best we can do?', { quoted: true })).toBe('attributed');
  });

  it('does not count dates and years as quantities', () => {
    expect(clauseFeatures('The president met the delegation on 4 June 2015.').quantity).toBe(false);
    expect(clauseFeatures('The factory was closed in 2019.').quantity).toBe(false);
    expect(clauseFeatures('The factory was closed in 2019.').time).toBe(true);
    expect(clauseFeatures('The talks began at 10:30.').quantity).toBe(false);
    expect(clauseFeatures('2019 people signed the petition.').quantity).toBe(true);
  });
});

describe('the labelled set (a sanity check, not a benchmark: we wrote both the rules and the sentences)', () => {
  it('dev: every sentence right', () => {
    const score = measureCases(dev);
    expect(score.errors).toEqual([]);
  });

  it('held out: claim precision and recall stay at least 0.9', () => {
    // First run, before any change prompted by these sentences: P 1.00, R 1.00, kind accuracy 0.90
    // (`the two leaders`, `the two countries` read as quantities). The known-set rule fixed both.
    const score = measureCases(heldOut);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.kindAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('second held-out set: no worse than after the one round of fixes it prompted', () => {
    // First run (the honest figure): P 0.68 (17/25), R 1.00 (17/17), kind accuracy 0.65 (11/17).
    // Opinion with no evaluative word fell through to `other`; normative words (`should`, `owes`),
    // sweeping subjects (`Nobody`, `Everyone`), agentless `was announced`, `will visit`, `the result
    // of` were then added. Now P 1.00, R 1.00, kind 0.88 — on sentences the rules have now seen.
    const score = measureCases(heldOut2);
    expect(score.precision).toBeGreaterThanOrEqual(0.95);
    expect(score.recall).toBeGreaterThanOrEqual(0.95);
    expect(score.kindAccuracy).toBeGreaterThanOrEqual(0.85);
  });
});
