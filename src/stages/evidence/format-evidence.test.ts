import { describe, expect, it } from 'vitest';
import { EVIDENCE_LABELS, formatEvidenceMarkdown, formatEvidenceTerminal } from './format-evidence.js';
import { summarizeEvidence } from './summarize-evidence.js';
import type { EvidenceSummary } from './types.js';

const hostile = 'Evil\u001b[2J|<script>*_[x](y)\u202eNews\nline';

function summaryWith(name: string): EvidenceSummary {
  const base = summarizeEvidence({});
  return {
    ...base,
    stateAffiliatedOutlets: [{ key: 'k', name, country: 'Kestria', typology: null, typologyLabel: null, roles: [] }],
    chains: [{ links: [name, 'Second'], quoteIds: [], citationIds: [] }],
    techniques: [{ technique: 'Loaded_Language', count: 2 }],
  };
}

describe('formatEvidenceTerminal', () => {
  it('strips control characters and newlines from article text', () => {
    const out = formatEvidenceTerminal(summaryWith(hostile));
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
    expect(out).toContain('Evil[2J|<script>*_[x](y)News line');
    expect(out.split('\n')[0]).toBe('Evidence');
  });
});

describe('formatEvidenceMarkdown', () => {
  it('escapes Markdown and HTML in article text', () => {
    const out = formatEvidenceMarkdown(summaryWith(hostile));
    expect(out).toContain('- Evil\\[2J\\|&lt;script&gt;\\*\\_\\[x\\]\\(y\\)News line (Kestria)');
    expect(out).toContain('Loaded\\_Language 2');
    expect(out).not.toContain('<script>');
  });
});

describe('labels', () => {
  it('describe the text and never pass a verdict', () => {
    const words = JSON.stringify(EVIDENCE_LABELS).toLowerCase();
    for (const verdict of ['false', 'fake', 'lie', 'propaganda', 'disinformation', 'misinformation', 'true', 'untrue', 'biased']) {
      expect(words).not.toMatch(new RegExp(`\\b${verdict}\\b`));
    }
    const out = formatEvidenceTerminal(summarizeEvidence({})) + formatEvidenceMarkdown(summarizeEvidence({}));
    expect(out).not.toMatch(/\b(?:false|fake|propaganda|lies?)\b/i);
  });
});
