import { toArray, type DomDocument } from './dom-types.js';

export type JsonObject = { readonly [key: string]: unknown };

const ARTICLE_TYPES = /^(NewsArticle|Article|BlogPosting|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|AskPublicNewsArticle|LiveBlogPosting|SocialMediaPosting|ScholarlyArticle|TechArticle|Report|Posting|DiscussionForumPosting|Review|Recipe|HowTo)$/i;
const PAGE_TYPES = /^(WebPage|ItemPage|AboutPage|ProfilePage|CollectionPage|QAPage|FAQPage|MedicalWebPage)$/i;

export interface JsonLd {
  /** Every object with an `@type`, from all blocks, `@graph` arrays and nesting flattened. */
  readonly nodes: readonly JsonObject[];
  /** The article the page is about, if a block describes one. */
  readonly article: JsonObject | null;
  /** The WebPage node, a weaker source for dates and names. */
  readonly page: JsonObject | null;
  /** Looks up `{"@id": …}` references (Yoast and others link author and publisher that way). */
  resolve(value: unknown): unknown;
}

export function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^.*[/#:]/, ''));
}

/** Reads every `<script type="application/ld+json">`, forgiving the usual breakage (comments, raw newlines). */
export function readJsonLd(doc: DomDocument): JsonLd {
  const nodes: JsonObject[] = [];
  for (const script of toArray(doc.querySelectorAll('script'))) {
    const type = (script.getAttribute('type') ?? '').toLowerCase();
    if (!type.includes('ld+json')) continue;
    const data = parseLoose(script.textContent ?? '');
    if (data === undefined) continue;
    // Iterative flattening: JSON-LD from hostile pages can nest deeply too.
    const stack: unknown[] = [data];
    let guard = 0;
    while (stack.length > 0 && guard++ < 100_000) {
      const v = stack.pop();
      if (Array.isArray(v)) { for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]); continue; }
      if (!v || typeof v !== 'object') continue;
      const o = v as JsonObject;
      if (o['@type'] !== undefined) nodes.push(o);
      if (Array.isArray(o['@graph'])) stack.push(o['@graph']);
      if (o['mainEntity'] && typeof o['mainEntity'] === 'object') stack.push(o['mainEntity']);
    }
  }
  const byId = new Map<string, JsonObject>();
  for (const n of nodes) if (typeof n['@id'] === 'string' && !byId.has(n['@id'])) byId.set(n['@id'], n);
  const article = nodes.find((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t))) ?? null;
  const page = nodes.find((n) => typesOf(n).some((t) => PAGE_TYPES.test(t))) ?? null;
  const resolve = (value: unknown): unknown => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const id = (value as JsonObject)['@id'];
      if (typeof id === 'string' && Object.keys(value).length <= 2 && byId.has(id)) return byId.get(id);
    }
    return value;
  };
  return { nodes, article, page, resolve };
}

function parseLoose(raw: string): unknown {
  const s = raw.trim().replace(/^<!--/, '').replace(/-->$/, '').replace(/^\s*\/\/\s*<!\[CDATA\[/, '').replace(/\/\/\s*\]\]>\s*$/, '').trim();
  if (s === '') return undefined;
  try {
    return JSON.parse(s);
  } catch {
    try {
      // Raw control characters inside strings are the most common breakage.
      return JSON.parse(s.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return undefined;
    }
  }
}
