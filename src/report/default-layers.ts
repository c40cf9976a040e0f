/**
 * The layers the report draws, as data. Each says how it is marked *without* colour (the
 * legend shows it, and the browser test checks the computed style), so a reader who cannot tell
 * the colours apart loses nothing. Optional layers (claims, hedges, techniques) collect nothing
 * when the map does not carry them, and the renderer then leaves them out.
 */
import type { Annotation, LayerDescriptor, ReportContext } from './annotate.js';
import { affiliationOf, formatCitation } from './describe-sources.js';
import { readAnonymousSources, readClaims, readDevices, readHedges, readQuoteStances, readTechniques, techniqueLabel, type ReportMap } from './optional-layers.js';
import { SPEAKER_COLOURS, UNDERLINE_STYLES } from './speakers.js';

type Collected = Omit<Annotation, 'id' | 'layer'>;

/** Light tints of the Okabe–Ito palette: dark text stays readable on each. */
export const SPEAKER_TINTS: readonly string[] = ['#cfe3f7', '#fde2b8', '#c9eddc', '#f6cde0', '#fff3a6', '#ddd5f3', '#c8ecf4', '#eadfcf'];

function quoted(s: string): string {
  return `“${s}”`;
}

function outletLine(context: ReportContext, outletId: string): string {
  const o = context.outletsById.get(outletId);
  return o ? `${o.name}, ${affiliationOf(o)}` : outletId;
}

const quoteLayer: LayerDescriptor = {
  key: 'quote',
  label: 'Quotations, by speaker',
  signal: 'underlined, one line style per speaker, with the speaker’s initials before the quotation',
  css: [
    '.on-quote .l-quote{text-decoration-line:underline;text-decoration-thickness:2px;text-underline-offset:3px;text-decoration-color:#333}',
    ...UNDERLINE_STYLES.map((s) => `.on-quote .l-quote.us-${s}{text-decoration-style:${s}}`),
    ...SPEAKER_TINTS.slice(0, SPEAKER_COLOURS).map((c, i) => `.on-quote .l-quote.spk-${i},.spk-${i}.swatch,.mk.spk-${i}{background-color:${c}}\nsvg.graph .node.spk-${i} rect{fill:${c}}`),
  ].join('\n'),
  collect(map, context) {
    const stances = readQuoteStances(map);
    return map.quotes.map((q): Collected => {
      const speaker = context.speakers.byQuote.get(q.id);
      const details: string[] = [];
      const who = q.speaker;
      const name = speaker?.name ?? 'unknown speaker';
      details.push(`Speaker: ${name}${who.description && who.description !== name ? ` — ${who.description}` : ''}${who.organisation ? ` (${who.organisation})` : ''}; ${who.kind}`);
      if (who.mention) details.push(`Named in the text as ${quoted(who.mention.text)}`);
      if (who.antecedent) details.push(`Resolved from the earlier mention ${quoted(who.antecedent.text)}`);
      details.push(q.cue ? `Attributed by ${quoted(q.cue.text)}` : 'No attributing verb found');
      const stance = stances.get(q.id);
      if (stance) details.push(`The author frames it as ${stance.stance}${stance.cue ? ` (${quoted(stance.cue)})` : ''}`);
      for (const o of q.via.outletIds) details.push(`Came through ${outletLine(context, o)}`);
      for (const c of q.via.citationIds) {
        const n = context.noteNumbers.get(c);
        const citation = context.citationsById.get(c);
        if (n !== undefined && citation) details.push(`Source: note [${n}] ${formatCitation(citation)}`);
      }
      details.push(`Rule confidence ${q.confidence.toFixed(2)} (a score, not a probability)`);
      return {
        spans: q.content,
        classes: speaker ? [`spk-${speaker.colour}`, `us-${speaker.underline}`] : [],
        label: `Quotation (${q.kind}) by ${name}`,
        ref: q.id,
        details,
        ...(speaker ? { marker: speaker.initials } : {}),
      };
    });
  },
};

const cueLayer: LayerDescriptor = {
  key: 'cue',
  label: 'Attribution cues',
  signal: 'italic, dotted underline',
  css: '.on-cue .l-cue{font-style:italic;border-bottom:2px dotted #333}',
  collect(map, context) {
    return map.quotes.flatMap((q): Collected[] => {
      if (!q.cue) return [];
      const name = context.speakers.byQuote.get(q.id)?.name ?? 'unknown speaker';
      return [{ spans: [q.cue], classes: [], label: `Attribution cue ${quoted(q.cue.text)}`, details: [`Attributes a quotation to ${name}`] }];
    });
  },
};

const speakerLayer: LayerDescriptor = {
  key: 'speaker',
  label: 'Speaker mentions',
  signal: 'boxed with a solid outline, bold',
  css: '.on-speaker .l-speaker{outline:1.5px solid #333;outline-offset:0;font-weight:600}',
  collect(map, context) {
    const bySpan = new Map<string, { start: number; end: number; text: string; names: Set<string>; quotes: number }>();
    for (const q of map.quotes) {
      const m = q.speaker.mention;
      if (!m) continue;
      const key = `${m.start}:${m.end}`;
      const entry = bySpan.get(key) ?? { ...m, names: new Set<string>(), quotes: 0 };
      entry.names.add(context.speakers.byQuote.get(q.id)?.name ?? m.text);
      entry.quotes++;
      bySpan.set(key, entry);
    }
    return [...bySpan.values()].map((m): Collected => ({
      spans: [m],
      classes: [],
      label: `Speaker mention: ${[...m.names].join(', ')}`,
      details: [`Speaks ${m.quotes} quotation${m.quotes === 1 ? '' : 's'} attributed here`],
    }));
  },
};

const citationLayer: LayerDescriptor = {
  key: 'citation',
  label: 'Cited sources (notes)',
  signal: 'dashed underline and a note number',
  css: '.on-citation .l-citation{border-bottom:2px dashed #335}',
  collect(map, context) {
    return map.citations.map((c): Collected => {
      const n = context.noteNumbers.get(c.id) ?? 0;
      const details: string[] = [formatCitation(c)];
      if (c.outletId) details.push(`Outlet: ${outletLine(context, c.outletId)}`);
      if (c.ibidOf) details.push(`Repeats note [${context.noteNumbers.get(c.ibidOf) ?? '?'}] (ibid)`);
      if (c.via) details.push(`Relied on ${c.via.outletId ? outletLine(context, c.via.outletId) : quoted(c.via.text)}`);
      if (c.covers.quoteIds.length > 0) details.push(`Covers ${c.covers.quoteIds.length} quotation${c.covers.quoteIds.length === 1 ? '' : 's'}`);
      return { spans: [c.span], classes: [], label: `Citation, note [${n}] (${c.kind})`, details, ref: c.id, note: { number: n, citationId: c.id } };
    });
  },
};

const outletLayer: LayerDescriptor = {
  key: 'outlet',
  label: 'Outlet mentions',
  signal: 'small capitals, dashed outline',
  css: '.on-outlet .l-outlet{font-variant-caps:small-caps;outline:1px dashed #555;outline-offset:1px}',
  collect(map) {
    return map.outlets.flatMap((o): Collected[] =>
      o.mentions.map((m) => ({ spans: [m], classes: [], label: `Outlet: ${o.name}`, details: [affiliationOf(o), ...(o.country ? [`Country: ${o.country}`] : [])] })),
    );
  },
};

const MARKED_WORDS = { scare: 'scare quotes', title: 'a title', term: 'a term' } as const;

const markedLayer: LayerDescriptor = {
  key: 'marked',
  label: 'Scare quotes and titles',
  signal: 'overlined, labelled “scare”, “title” or “term”',
  css: '.on-marked .l-marked{text-decoration-line:overline;text-decoration-thickness:2px}\n.on-marked.on-quote .l-marked.l-quote{text-decoration-line:underline overline}',
  collect(map) {
    return map.markedPhrases.map((m): Collected => ({
      spans: [m.span],
      classes: [],
      label: `Words in quotation marks: ${MARKED_WORDS[m.kind]}, not a quotation`,
      details: [`Rule confidence ${m.confidence.toFixed(2)}`],
      marker: m.kind,
    }));
  },
};

const claimLayer: LayerDescriptor = {
  key: 'claim',
  label: 'Claims, sourced or not',
  signal: 'a bar under the text, marked “✓” (sourced) or “? unsourced” (no source given)',
  css: '.on-claim .l-claim{box-shadow:inset 0 -0.2em 0 0 rgba(0,110,80,.45)}\n.on-claim .l-claim.claim-unsourced{box-shadow:inset 0 -0.2em 0 0 rgba(190,60,0,.55)}',
  collect(map, context) {
    const hedges = new Map(readHedges(map).map((h) => [h.id, h]));
    return readClaims(map).map((c): Collected => {
      const details: string[] = [];
      details.push(c.status === 'sourced' ? 'Sourced: the text gives support for it' : c.status === 'unsourced' ? 'No source given in the text' : 'Support unknown');
      if (c.kind) details.push(`Kind: ${c.kind}`);
      if (c.stance && c.stance !== 'neutral') details.push(`The author frames it as ${c.stance}${c.stanceCue ? ` (${quoted(c.stanceCue)})` : ''}`);
      for (const a of c.attributions) details.push(`Source named in the claim: ${quoted(a)}`);
      for (const o of c.outletIds) details.push(`Outlet behind it: ${outletLine(context, o)}`);
      const notes = c.citationIds.map((id) => context.noteNumbers.get(id)).filter((n): n is number => n !== undefined);
      if (notes.length > 0) details.push(`Supported by note${notes.length === 1 ? '' : 's'} ${notes.map((n) => `[${n}]`).join(' ')}`);
      if (c.quoteIds.length > 0) details.push(`Supported by ${c.quoteIds.length} quotation${c.quoteIds.length === 1 ? '' : 's'}`);
      if (c.anonymous) details.push('Rests on an anonymous source');
      const qualifiers = c.hedgeIds.map((id) => hedges.get(id)?.cue).filter((cue): cue is string => !!cue);
      if (qualifiers.length > 0) details.push(`Qualified by ${qualifiers.map(quoted).join(', ')}`);
      return {
        spans: [c.span],
        classes: [c.status === 'unsourced' ? 'claim-unsourced' : 'claim-sourced'],
        label: `Claim (${c.status ?? 'support unknown'})`,
        ref: c.id,
        details,
        // Short marks: claims cover most sentences, and the unsourced ones are what a reader looks for.
        marker: c.status === 'unsourced' ? '? unsourced' : c.status === 'sourced' ? '✓' : 'claim',
      };
    });
  },
};

const hedgeLayer: LayerDescriptor = {
  key: 'hedge',
  label: 'Hedges and evidentials',
  signal: 'dotted outline',
  css: '.on-hedge .l-hedge{outline:1.5px dotted #333;outline-offset:1px}',
  collect(map) {
    return readHedges(map).map((h): Collected => ({
      spans: [h.span],
      classes: [],
      label: `Hedge${h.kind ? ` (${h.kind})` : ''}`,
      details: h.cue ? [`Matched ${quoted(h.cue)}`] : [],
    }));
  },
};

const anonymousLayer: LayerDescriptor = {
  key: 'anonymous',
  label: 'Anonymous sources',
  signal: 'double underline, labelled “anon.”',
  css: '.on-anonymous .l-anonymous{border-bottom:3px double #333}',
  collect(map, context) {
    return readAnonymousSources(map).map((a): Collected => {
      const speaker = a.quoteId ? context.speakers.byQuote.get(a.quoteId) : undefined;
      return {
        spans: [a.span],
        classes: [],
        label: 'Anonymous source: the text does not name it',
        details: speaker ? [`Speaks a quotation (${speaker.initials})`] : [],
        marker: 'anon.',
      };
    });
  },
};

const techniqueLayer: LayerDescriptor = {
  key: 'technique',
  label: 'Persuasion techniques',
  signal: 'hatched background, labelled with the technique',
  css: '.on-technique .l-technique{background-image:repeating-linear-gradient(135deg,rgba(90,40,0,.30) 0 1.5px,transparent 1.5px 5px)}',
  collect(map) {
    return readTechniques(map).map((t): Collected => ({
      spans: [t.span],
      classes: [],
      label: `Persuasion technique: ${techniqueLabel(t.technique)}`,
      details: [
        'Found by a statistical model trained on news annotated for persuasion techniques (PTC, SemEval-2020 Task 11); it names a way of wording, not a falsehood',
        ...(t.confidence !== null ? [`Model confidence ${t.confidence.toFixed(2)}`] : []),
      ],
      marker: techniqueLabel(t.technique),
    }));
  },
};

const DEVICE_LABELS: Readonly<Record<string, string>> = {
  'rhetorical-question': 'Rhetorical question',
  exclamation: 'Exclamation',
  slogan: 'Slogan',
};

const deviceLayer: LayerDescriptor = {
  key: 'device',
  label: 'Questions, exclamations, slogans',
  signal: 'thick dashed line above, labelled with the device',
  css: '.on-device .l-device{border-top:3px dashed #444;padding-top:1px}',
  collect(map) {
    // Scare quotes are drawn by the marked-phrase layer already.
    return readDevices(map)
      .filter((d) => d.kind !== 'scare-quote')
      .map((d): Collected => {
        const label = DEVICE_LABELS[d.kind] ?? 'Rhetorical device';
        return {
          spans: [d.span],
          classes: [],
          label: `${label}, in the author's own voice`,
          details: ['Found by a rule over the sentence, not by a model; it names a way of writing, not a falsehood', ...(d.reason ? [`Rule: ${d.reason}`] : [])],
          marker: label.toLowerCase(),
        };
      });
  },
};

/** In drawing order: later layers' markers come after earlier ones' at the same place. */
export const defaultLayers: readonly LayerDescriptor[] = Object.freeze([
  quoteLayer,
  cueLayer,
  speakerLayer,
  citationLayer,
  outletLayer,
  markedLayer,
  claimLayer,
  hedgeLayer,
  anonymousLayer,
  techniqueLayer,
  deviceLayer,
]);

export type { ReportMap };
