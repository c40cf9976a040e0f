/**
 * renderReport: one self-contained HTML file showing an article with its provenance layers
 * drawn on the text, a side panel (speakers, sources and outlets, evidence, a graph of who is
 * quoted through whom) and switches for each layer. No network: the CSS and the one script are
 * inline and allowed by their hashes in a strict Content-Security-Policy; everything taken
 * from the article is escaped, and only http, https and mailto links are kept.
 */
import { createHash } from 'node:crypto';
import type { SerializedCitation, SerializedOutlet } from '../contract/schema.js';
import type { Annotation, LayerDescriptor, ReportContext } from './annotate.js';
import { defaultLayers } from './default-layers.js';
import { escapeHtml, jsonForScript, linkOrText } from './escape-html.js';
import type { ReportMap } from './optional-layers.js';
import { REPORT_SCRIPT } from './report-script.js';
import { BASE_STYLE } from './report-style.js';
import { segmentText, type Segment } from './segment-text.js';
import { renderSidePanel } from './side-panel.js';
import { indexSpeakers } from './speakers.js';

export interface RenderReportOptions {
  /** The layers to draw, in order; defaults to `defaultLayers`. Layers that find nothing are left out. */
  readonly layers?: readonly LayerDescriptor[];
  /** Keys of layers to start switched off. */
  readonly hiddenLayers?: readonly string[];
}

/** A layer that found something in this map, with its annotations. */
export interface DrawnLayer {
  readonly descriptor: LayerDescriptor;
  readonly annotations: readonly Annotation[];
  readonly on: boolean;
}

const LAYER_KEY = /^[a-z][a-z0-9-]{0,30}$/;
const CLASS_NAME = /^[a-z][a-z0-9-]{0,40}$/;

function hash(content: string): string {
  return `'sha256-${createHash('sha256').update(content, 'utf8').digest('base64')}'`;
}

const REQUIRED_ARRAYS = ['quotes', 'markedPhrases', 'citations', 'outlets', 'diagnostics'] as const;

function checkMap(map: unknown): asserts map is ReportMap {
  const m = map as Record<string, unknown> | null;
  if (typeof m !== 'object' || m === null || Array.isArray(m)) {
    throw new TypeError(`Expected a provenance map, not ${m === null ? 'null' : Array.isArray(m) ? 'an array' : typeof m}`);
  }
  if (typeof m.text !== 'string') throw new TypeError(`Expected a provenance map with a \`text\` string, not ${typeof m.text}`);
  if (typeof m.meta !== 'object' || m.meta === null) throw new TypeError('Expected a provenance map with a `meta` object');
  for (const field of REQUIRED_ARRAYS) {
    if (!Array.isArray(m[field])) throw new TypeError(`Expected a provenance map whose \`${field}\` is an array, not ${typeof m[field]}`);
  }
}

export function buildContext(map: ReportMap): ReportContext {
  const citations = [...map.citations].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  return {
    speakers: indexSpeakers(map),
    outletsById: new Map<string, SerializedOutlet>(map.outlets.map((o) => [o.id, o])),
    citationsById: new Map<string, SerializedCitation>(map.citations.map((c) => [c.id, c])),
    noteNumbers: new Map(citations.map((c, i) => [c.id, i + 1])),
  };
}

/** Runs the descriptors; throws on a descriptor that breaks the rules (misuse, not content). */
export function drawLayers(map: ReportMap, context: ReportContext, options: RenderReportOptions = {}): DrawnLayer[] {
  const descriptors = options.layers ?? defaultLayers;
  const hidden = new Set(options.hiddenLayers ?? []);
  const seen = new Set<string>();
  const drawn: DrawnLayer[] = [];
  for (const d of descriptors) {
    if (!LAYER_KEY.test(d.key)) throw new TypeError(`Expected a layer key like \`quote\` or \`claim\`, not \`${d.key}\``);
    if (seen.has(d.key)) throw new TypeError(`Expected each layer key once, not \`${d.key}\` twice`);
    seen.add(d.key);
    const annotations = d.collect(map, context).map((a, i): Annotation => {
      const bad = a.classes.find((c) => !CLASS_NAME.test(c));
      if (bad !== undefined) throw new TypeError(`Expected CSS class names like \`spk-2\` from layer \`${d.key}\`, not \`${bad}\``);
      return { ...a, id: `${d.key}-${i + 1}`, layer: d.key };
    });
    if (annotations.length > 0) drawn.push({ descriptor: d, annotations, on: d.initiallyOn !== false && !hidden.has(d.key) });
  }
  return drawn;
}

function renderSegment(text: string, seg: Segment, byId: ReadonlyMap<string, Annotation>, on: ReadonlySet<string>): string {
  const slice = escapeHtml(text.slice(seg.start, seg.end));
  if (seg.ids.length === 0) return slice;
  const covering = seg.ids.map((id) => byId.get(id)!);
  const visible = covering.filter((a) => on.has(a.layer));
  const starting = seg.starts.map((id) => byId.get(id)).filter((a): a is Annotation => a !== undefined);
  const out: string[] = [];
  for (const a of starting.slice(1)) out.push(`<span class="anchor" id="a-${a.id}"></span>`);
  for (const a of starting) {
    if (a.marker !== undefined) out.push(`<span class="mk mk-${a.layer} ${a.classes.join(' ')}" data-label="${escapeHtml(a.marker)}" aria-hidden="true"></span>`);
  }
  const classes = new Set<string>(['seg']);
  if (visible.length > 0) classes.add('hl');
  for (const a of covering) {
    classes.add(`l-${a.layer}`);
    for (const c of a.classes) classes.add(c);
  }
  const attrs = [`class="${[...classes].join(' ')}"`, `data-a="${seg.ids.join(' ')}"`];
  if (starting.length > 0) attrs.push(`id="a-${starting[0]!.id}"`, `data-s="${seg.starts.join(' ')}"`);
  if (visible.length > 0) {
    attrs.push(`title="${escapeHtml(visible.map((a) => a.label).join('\n'))}"`, `aria-describedby="${visible.map((a) => `d-${a.id}`).join(' ')}"`);
    if (starting.some((a) => on.has(a.layer))) attrs.push('tabindex="0"');
  }
  out.push(`<mark ${attrs.join(' ')}>${slice}</mark>`);
  for (const id of seg.ends) {
    const note = byId.get(id)?.note;
    if (note) out.push(`<sup class="noteref noteref-${byId.get(id)!.layer}"><a id="ref-${note.number}" href="#note-${note.number}" aria-label="Note ${note.number}">[${note.number}]</a></sup>`);
  }
  return out.join('');
}

function renderDescription(a: Annotation): string {
  const details = a.details.length > 0 ? `<ul>${a.details.map((d) => `<li>${escapeHtml(d)}</li>`).join('')}</ul>` : '';
  return `<div class="desc" id="d-${a.id}"><strong>${escapeHtml(a.label)}</strong>${details}</div>`;
}

function layerCss(layers: readonly DrawnLayer[]): string {
  return layers
    .map(({ descriptor: d }) => [d.css, `.on-${d.key} .mk-${d.key}{display:inline-block}`, `.on-${d.key} .noteref-${d.key}{display:inline}`].join('\n'))
    .join('\n');
}

/** Renders the provenance map as one self-contained, script-light HTML page. */
export function renderReport(map: ReportMap, options: RenderReportOptions = {}): string {
  checkMap(map);
  const context = buildContext(map);
  const layers = drawLayers(map, context, options);
  const all = layers.flatMap((l) => l.annotations);
  const byId = new Map(all.map((a) => [a.id, a]));
  const anchors = new Map<string, string>();
  for (const a of all) if (a.ref !== undefined && !anchors.has(a.ref)) anchors.set(a.ref, a.id);
  const on = new Set(layers.filter((l) => l.on).map((l) => l.descriptor.key));
  const segments = segmentText(map.text.length, all);
  const article = segments.map((s) => renderSegment(map.text, s, byId, on)).join('');

  const style = `${BASE_STYLE}\n${layerCss(layers)}\n`;
  const data = {
    layers: layers.map((l) => ({ key: l.descriptor.key, label: l.descriptor.label })),
    annotations: Object.fromEntries(all.map((a) => [a.id, { layer: a.layer, label: a.label }])),
  };
  const csp = [
    "default-src 'none'",
    `script-src ${hash(REPORT_SCRIPT)}`,
    `style-src ${hash(style)}`,
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');

  const title = map.meta.title ?? (map.source?.path && map.source.path !== '-' ? map.source.path : 'Untitled article');
  const rootClasses = ['text', ...[...on].map((k) => `on-${k}`)].join(' ');
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="claimtrace">',
    `<title>${escapeHtml(`Provenance map: ${title}`)}</title>`,
    `<style>${style}</style>`,
    '</head>',
    '<body>',
    '<a class="skip" href="#ct-panel">Skip to the sources panel</a>',
    renderHeader(map, title),
    '<div class="layout">',
    `<main id="ct-article" class="${rootClasses}" aria-label="Article text with highlights" dir="auto" lang="${escapeHtml(langOf(map))}">${article}</main>`,
    renderSidePanel(map, context, layers, anchors),
    '</div>',
    `<div id="ct-descs" hidden>${all.map(renderDescription).join('')}</div>`,
    `<footer>Made by ${escapeHtml(`claimtrace ${map.generator?.version ?? ''}`.trim())} (provenance map ${escapeHtml(String(map.schemaVersion ?? ''))}). The highlights describe wording, attribution and sourcing found by rules and models; they do not say whether anything is true.</footer>`,
    `<script type="application/json" id="ct-data">${jsonForScript(data)}</script>`,
    `<script>${REPORT_SCRIPT}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function langOf(map: ReportMap): string {
  const lang = map.meta.language;
  return typeof lang === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(lang) ? lang : 'en';
}

function renderHeader(map: ReportMap, title: string): string {
  const facts: string[] = [];
  if (map.meta.outlet) facts.push(escapeHtml(map.meta.outlet));
  if (map.meta.authors.length > 0) facts.push(`by ${escapeHtml(map.meta.authors.join(', '))}`);
  if (map.meta.published) facts.push(escapeHtml(map.meta.published));
  return [
    '<header class="top">',
    `<h1>${escapeHtml(title)}</h1>`,
    facts.length > 0 ? `<p class="meta">${facts.join(' · ')}</p>` : '',
    renderSourceLine(map, map.meta.title !== null),
    '</header>',
  ].join('\n');
}

/** The URL and the input path; the path only when the title is not already the path. */
function renderSourceLine(map: ReportMap, withPath: boolean): string {
  const parts: string[] = [];
  if (map.meta.url) parts.push(linkOrText(map.meta.url));
  if (withPath && map.source?.path) parts.push(escapeHtml(map.source.path));
  return parts.length > 0 ? `<p class="meta">${parts.join(' · ')}</p>` : '';
}
