import { describe, expect, it } from 'vitest';
import { emptyMeta, type ArticleInput, type Link } from '../../core/document.js';
import type { Quote, Speaker } from '../../core/layers.js';
import { loadOutletRegistry } from '../../registry/load-outlet-registry.js';
import { citationsStage } from '../citations/index.js';
import { structureStage } from '../structure/index.js';
import { outletsStage } from './index.js';

const registry = loadOutletRegistry();

function run(text: string, options: { siteName?: string; url?: string; links?: Link[]; quotes?: Quote[] } = {}) {
  const input: ArticleInput = {
    text,
    source: { path: 't', format: 'text', encoding: 'utf-8', bytes: text.length },
    meta: { ...emptyMeta, siteName: options.siteName ?? null, url: options.url ?? null },
    ...(options.links ? { links: options.links } : {}),
  };
  const ctx = { input, resources: { outlets: registry } };
  const structure = structureStage.run(ctx, {}).layer;
  const quotes = { quotes: options.quotes ?? [], markedPhrases: [] };
  const citations = citationsStage.run(ctx, { structure, quotes }).layer;
  return outletsStage.run(ctx, { structure, quotes, citations }).layer.outlets;
}

function speakerQuote(text: string, id: string, name: string, kind: Speaker['kind'], mention: string): Quote {
  const m = text.indexOf(mention);
  return {
    id,
    kind: 'direct',
    content: [{ start: 0, end: 1 }],
    cue: null,
    speaker: { mention: { start: m, end: m + mention.length }, name, description: null, kind, organisation: null, antecedent: null },
    confidence: 1,
  };
}

describe('outletsStage', () => {
  it('merges every sighting of an outlet into one entry, ordered by first appearance', () => {
    const text = "IRNA said the toll was 63 (posted on Iran Front Page, 5 June, 'Toll rises'). More came later (ibid, citing FARS news agency). The Islamic Republic News Agency repeated it.";
    const outlets = run(text, { siteName: 'The Guardian', url: 'https://www.theguardian.com/world/1' });
    expect(outlets.map((o) => [o.id, o.facts.key, o.aliasesSeen, o.roles, o.mentions.map((m) => text.slice(m.start, m.end))])).toEqual([
      ['o1', 'irna', ['IRNA', 'Islamic Republic News Agency'], ['named'], ['IRNA', 'Islamic Republic News Agency']],
      ['o2', 'iran-front-page', ['Iran Front Page'], ['cited'], ['Iran Front Page']],
      ['o3', 'fars-news-agency', ['FARS news agency'], ['named', 'via'], ['FARS news agency']],
      ['o4', 'guardian', ['The Guardian'], ['publisher'], []],
    ]);
  });

  it('gives unlisted outlets minimal facts and listed ones their registry facts', () => {
    const [front, fars] = run("It said so (posted on Iran Front Page, 5 June, 'T'), citing Fars News Agency.");
    expect(front?.facts).toEqual({ key: 'iran-front-page', name: 'Iran Front Page', aliases: [], domains: [], country: null, stateAffiliated: false, registry: null });
    expect([fars?.facts.key, fars?.facts.stateAffiliated, fars?.facts.country, fars?.facts.registry?.typologyLabel]).toEqual(['fars-news-agency', true, 'Iran', 'State-controlled media']);
  });

  it('adds linked hosts and speaking outlets', () => {
    const text = 'As the paper reported, Xinhua said the drills were routine.';
    const links: Link[] = [{ start: 3, end: 12, url: 'https://www.ifpnews.com/a' }, { start: 13, end: 21, url: 'https://edition.cnn.com/b' }];
    const quotes = [speakerQuote(text, 'q1', 'Xinhua', 'outlet', 'Xinhua'), speakerQuote(text, 'q2', 'the paper', 'outlet', 'the paper')];
    const outlets = run(text, { links, quotes });
    expect(outlets.map((o) => [o.facts.key, o.roles])).toEqual([
      ['ifpnews.com', ['linked']],
      ['cnn', ['linked']],
      ['xinhua', ['named', 'speaker']],
    ]);
  });

  it('finds nothing in text without outlets', () => {
    expect(run('The general (pictured) said nothing across the Atlantic.')).toEqual([]);
  });
});
