/**
 * The side panel: the description of the focused highlight, the layer switches with their
 * legend, the speakers, the sources and outlets (with registry facts, worded neutrally), the
 * evidence summary when the map has one, the provenance graph, and the diagnostics.
 */
import type { ReportContext } from './annotate.js';
import { affiliationOf, formatCitation, rolesOf } from './describe-sources.js';
import { escapeHtml, linkOrText } from './escape-html.js';
import { renderEvidence } from './evidence-section.js';
import type { ReportMap } from './optional-layers.js';
import { buildProvenanceGraph, renderProvenanceGraph } from './provenance-graph.js';
import type { DrawnLayer } from './render-report.js';

export const IDLE_DETAILS = 'Focus or point at a highlight to see what it is and where it comes from.';

/** `anchors` maps a map id (`q3`) to the id of its first highlight, when it has one. */
export function renderSidePanel(map: ReportMap, context: ReportContext, layers: readonly DrawnLayer[], anchors: ReadonlyMap<string, string>): string {
  return [
    '<aside id="ct-panel" aria-label="Sources and layers">',
    // Not a live region: each highlight already has its description through aria-describedby,
    // and a live region would announce every hover a second time.
    `<div id="ct-details" aria-label="Details of the highlight">${escapeHtml(IDLE_DETAILS)}</div>`,
    renderLayerSwitches(layers),
    renderSpeakers(context, anchors),
    renderSources(map, context),
    renderEvidence(map, anchors),
    `<section aria-labelledby="h-graph"><h2 id="h-graph">Who is quoted through whom</h2>${renderProvenanceGraph(buildProvenanceGraph(map, context))}</section>`,
    renderDiagnostics(map),
    '</aside>',
  ].join('\n');
}

/** Ends with a full stop unless it already ends with punctuation ("Col."). */
function sentence(s: string): string {
  return /[.!?…]$/u.test(s) ? s : `${s}.`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function renderLayerSwitches(layers: readonly DrawnLayer[]): string {
  if (layers.length === 0) return '<section><p class="muted">Nothing to highlight in this text.</p></section>';
  const allOn = layers.map((l) => `on-${l.descriptor.key}`).join(' ');
  const items = layers.map(({ descriptor: d, annotations, on }) => {
    const sample = annotations[0]!;
    const markerHtml = sample.marker !== undefined ? `<span class="mk mk-${d.key} ${sample.classes.join(' ')}" data-label="${escapeHtml(sample.marker)}" aria-hidden="true"></span>` : '';
    const classes = ['seg', 'hl', `l-${d.key}`, ...sample.classes].join(' ');
    return [
      `<li data-legend="${d.key}"${on ? '' : ' class="off"'}><label>`,
      `<input type="checkbox" data-layer="${d.key}"${on ? ' checked' : ''}>`,
      `<span>${markerHtml}<mark class="${classes} sample" aria-hidden="true">Sample</mark> ${escapeHtml(d.label)} <span class="count">(${annotations.length})</span>`,
      `<span class="signal">${escapeHtml(d.signal)}</span></span>`,
      '</label></li>',
    ].join('');
  });
  return `<section><fieldset class="layers"><legend>Layers</legend><ul class="legend ${allOn}">${items.join('')}</ul></fieldset></section>`;
}

function renderSpeakers(context: ReportContext, anchors: ReadonlyMap<string, string>): string {
  const speakers = context.speakers.speakers;
  if (speakers.length === 0) return '<section aria-labelledby="h-speakers"><h2 id="h-speakers">Speakers</h2><p class="muted">No quotations found.</p></section>';
  const items = speakers.map((s) => {
    const facts: string[] = [s.kind];
    if (s.descriptions.length > 0) facts.push(s.descriptions.map(escapeHtml).join('; '));
    if (s.organisation) facts.push(escapeHtml(s.organisation));
    const outlet = s.outletId ? context.outletsById.get(s.outletId) : undefined;
    if (outlet) facts.push(escapeHtml(affiliationOf(outlet)));
    const links = s.quoteIds
      .map((q, i) => (anchors.has(q) ? `<a href="#a-${anchors.get(q)!}" aria-label="${escapeHtml(`Quotation ${i + 1} by ${s.name}`)}">${i + 1}</a>` : ''))
      .join(' ');
    return `<li><span class="swatch spk-${s.colour}" aria-hidden="true">${escapeHtml(s.initials)}</span><strong>${escapeHtml(s.name)}</strong> — ${plural(s.quoteIds.length, 'quotation')}; ${sentence(facts.join('; '))}${links ? ` <span class="goto"><span class="muted">Go to:</span> ${links}</span>` : ''}</li>`;
  });
  return `<section aria-labelledby="h-speakers"><h2 id="h-speakers">Speakers</h2><ul class="speakers">${items.join('')}</ul></section>`;
}

function renderSources(map: ReportMap, context: ReportContext): string {
  const notes = [...map.citations]
    .sort((a, b) => (context.noteNumbers.get(a.id) ?? 0) - (context.noteNumbers.get(b.id) ?? 0))
    .map((c) => {
      const n = context.noteNumbers.get(c.id) ?? 0;
      const facts: string[] = [escapeHtml(formatCitation(c))];
      const outlet = c.outletId ? context.outletsById.get(c.outletId) : undefined;
      if (outlet) facts.push(escapeHtml(affiliationOf(outlet)));
      if (c.ibidOf) facts.push(`repeats note [${context.noteNumbers.get(c.ibidOf) ?? '?'}]`);
      if (c.via) facts.push(`relied on ${escapeHtml(c.via.outlet ?? c.via.text)}`);
      if (c.covers.quoteIds.length > 0) facts.push(plural(c.covers.quoteIds.length, 'quotation'));
      if (c.url) facts.push(linkOrText(c.url));
      return `<li id="note-${n}" value="${n}">${facts.join('; ')} <a class="back" href="#ref-${n}" aria-label="Back to note ${n} in the text">↩</a></li>`;
    });
  const outlets = map.outlets.map((o) => {
    const facts = [escapeHtml(rolesOf(o))];
    if (o.country) facts.push(escapeHtml(o.country));
    facts.push(o.stateAffiliated ? `<span class="state">◆ ${escapeHtml(affiliationOf(o))}</span>` : escapeHtml(affiliationOf(o)));
    if (o.registry?.owner && o.registry.owner !== o.name) facts.push(`owner: ${escapeHtml(o.registry.owner)}`);
    const site = o.domains[0] ? ` <span class="muted">${escapeHtml(o.domains[0])}</span>` : '';
    return `<li><strong>${escapeHtml(o.name)}</strong>${site} — ${facts.join('; ')}</li>`;
  });
  return [
    '<section aria-labelledby="h-sources"><h2 id="h-sources">Sources and outlets</h2>',
    notes.length > 0 ? `<h3 class="sub">Notes (cited sources)</h3><ol class="notes">${notes.join('')}</ol>` : '<p class="muted">No cited sources found.</p>',
    outlets.length > 0 ? `<h3 class="sub">Outlets</h3><ul class="outlets">${outlets.join('')}</ul><p class="muted">State affiliation is about ownership and control, as the registry records it; it says nothing about accuracy.</p>` : '',
    '</section>',
  ].join('\n');
}

function renderDiagnostics(map: ReportMap): string {
  if (map.diagnostics.length === 0) return '';
  const items = map.diagnostics.map((d) => `<li><code>${escapeHtml(d.code)}</code> ${escapeHtml(d.message)}</li>`);
  return `<section aria-labelledby="h-diagnostics"><h2 id="h-diagnostics">Notes on the input</h2><ul class="diagnostics">${items.join('')}</ul></section>`;
}
