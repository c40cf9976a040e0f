/**
 * Hostile input for the web app's tests: an HTML page and a provenance map whose article-given
 * fields hold script payloads (`payload()` from the report's examples), so a test can tell
 * from `window.__pwned` which place leaked.
 */
import type { ProvenanceMap } from '../contract/schema.js';
import { escapeHtml } from '../report/escape-html.js';
import { hostileMap, payload } from '../report/example-maps.js';
import { evidenceLayersFromMap } from '../stages/evidence/from-provenance-map.js';
import { summarizeEvidence } from '../stages/evidence/summarize-evidence.js';

/**
 * A news page with payloads in its title, headline, outlet name, URL, author, text and a quote
 * (written escaped, so the extracted text holds them literally) and a `javascript:` link.
 */
export function hostileHtml(): string {
  const p = (tag: string) => escapeHtml(payload(tag));
  const url = `https://example.org/a?x="><script>window.__pwned.push('url')</script>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>${p('title')}</title>
<meta property="og:title" content="${p('og-title')}">
<meta property="og:site_name" content="${p('outlet')}">
<meta property="og:url" content="${escapeHtml(url)}">
<meta name="author" content="${p('author')}">
<meta property="article:published_time" content="2025-06-02T10:00:00Z">
</head><body><article><h1>${p('headline')}</h1>
<p>Intro ${p('text')} and more words about the harbour flood, so that the page reads as an article body long enough to keep.</p>
<p>"We will rebuild the harbour wall ${p('quote')} before winter," said Jonas Miller, the harbour master.</p>
<p>According to ${p('cited')} News, the plan was approved. The figures were first reported by <a href="javascript:window.__pwned.push('link')">Reuters</a>.</p>
</article></body></html>`;
}

/**
 * The report's hostile map (payloads in speaker names, outlet names, citation fields: places
 * the analyser never fills with markup) with an evidence summary the store accepts.
 */
export function hostileStoredMap(): ProvenanceMap {
  const map = hostileMap() as unknown as ProvenanceMap;
  return { ...map, evidence: summarizeEvidence(evidenceLayersFromMap(map)) as ProvenanceMap['evidence'] };
}
