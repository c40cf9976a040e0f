import { describe, expect, it } from 'vitest';
import { ClaimtraceError } from '../core/diagnostics.js';
import { extractHtml } from './extract-html.js';

const filler = (s: string, n = 12) => Array.from({ length: n }, () => s).join(' ');

const page = (body: string, head = '') => `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;

/** Every block and link must be a slice of the text, with no white space at its edges. */
function expectSpansInText(r: ReturnType<typeof extractHtml>): void {
  for (const s of [...r.blocks, ...r.links]) {
    expect(s.start).toBeLessThan(s.end);
    expect(s.end).toBeLessThanOrEqual(r.text.length);
    const slice = r.text.slice(s.start, s.end);
    expect(slice.trim()).toBe(slice);
  }
}

describe('extractHtml: text, blocks and links', () => {
  const html = page(
    `<nav><a href="/">Home</a> <a href="/about">About</a></nav>
     <article>
       <p>The council met on Monday, and   the <a href="/minutes/12">minutes
          of the meeting</a> show a split vote. ${filler('Members argued about the budget for hours.')}</p>
       <h2>What   the   mayor   said</h2>
       <blockquote><p>“We will rebuild,” the mayor said.</p></blockquote>
       <p>Residents were <a href="javascript:alert(1)">not told</a>, according to <a href="https://example.org/report">a report</a>. ${filler('The vote was close and the outcome uncertain.')}</p>
       <ul><li>First point</li><li>Second <b>bold</b> point</li></ul>
       <pre>line one
  line two</pre>
     </article>
     <footer>Copyright</footer>`,
    '<title>Council votes | Town News</title>',
  );
  const r = extractHtml(html, { url: 'https://news.example.com/2025/council.html' });

  it('separates blocks by a blank line and collapses white space inside them', () => {
    expect(r.text).toContain('The council met on Monday, and the minutes of the meeting show a split vote.');
    expect(r.text).toContain('hours.\n\nWhat the mayor said\n\n“We will rebuild,”');
    expect(r.text).not.toContain('Home');
    expect(r.text).not.toContain('Copyright');
    // (the <pre> block keeps its own spacing)
    expect(r.text.slice(0, r.text.indexOf('line one'))).not.toMatch(/ {2}|\n{3}/);
  });

  it('marks block kinds', () => {
    const kinds = r.blocks.map((b) => [b.kind, r.text.slice(b.start, b.end).slice(0, 20)]);
    expect(kinds).toContainEqual(['heading', 'What the mayor said']);
    expect(kinds).toContainEqual(['blockquote', '“We will rebuild,” t']);
    expect(kinds).toContainEqual(['list-item', 'Second bold point']);
    expect(kinds).toContainEqual(['preformatted', 'line one\n  line two']);
    expectSpansInText(r);
  });

  it('keeps links as anchor-text spans with absolute URLs, dropping javascript: links', () => {
    expect(r.links.map((l) => [r.text.slice(l.start, l.end), l.url])).toEqual([
      ['minutes of the meeting', 'https://news.example.com/minutes/12'],
      ['a report', 'https://example.org/report'],
    ]);
    expect(r.text).toContain('Residents were not told, according to a report.');
  });

  it('resolves relative links against <base>, then the page URL, then the canonical URL', () => {
    const body = `<article><p>See <a href="doc.html">this</a>. ${filler('Text for the reader to read here.', 20)}</p></article>`;
    const withBase = extractHtml(page(body, '<base href="https://cdn.example.net/dir/">'), { url: 'https://example.com/a/b' });
    expect(withBase.links[0]?.url).toBe('https://cdn.example.net/dir/doc.html');
    const withCanonical = extractHtml(page(body, '<link rel="canonical" href="https://example.com/news/x">'));
    expect(withCanonical.links[0]?.url).toBe('https://example.com/news/doc.html');
    const withNothing = extractHtml(page(body));
    expect(withNothing.links).toEqual([]);
    expect(withNothing.diagnostics.map((d) => d.code)).toContain('input/unresolved-links');
  });

  it('turns <br><br> into a paragraph break and a single <br> into a line break', () => {
    const r2 = extractHtml(page(`<div><p>One<br>line two<br><br>Next paragraph. ${filler('Words to reach the threshold of the reader.', 20)}</p></div>`));
    expect(r2.text.startsWith('One\nline two\n\nNext paragraph.')).toBe(true);
    expect(r2.blocks.length).toBe(2);
  });
});

describe('extractHtml: metadata', () => {
  it('reads JSON-LD, including @graph arrays and @id references', () => {
    const head = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","@id":"#site","name":"Example Daily"},
      {"@type":["NewsArticle"],"headline":"Dam bursts after storm","datePublished":"2025-09-04T23:30:00-05:00",
       "dateModified":"2025-09-05","author":[{"@id":"#p1"},{"@type":"Person","name":"John Roe"}],"inLanguage":"en-US"},
      {"@type":"Person","@id":"#p1","name":"Jane Doe"}]}</script>`;
    const r = extractHtml(page(`<article><h1>Dam bursts after storm</h1><p>${filler('The dam burst at dawn after days of rain.', 20)}</p></article>`, head));
    expect(r.meta).toMatchObject({
      title: 'Dam bursts after storm',
      authors: ['Jane Doe', 'John Roe'],
      // kept in the page's own offset: in UTC this would be the 5th
      published: '2025-09-04T23:30:00-05:00',
      modified: '2025-09-05',
      siteName: 'Example Daily',
      language: 'en',
    });
  });

  it('falls back to Open Graph and <meta> tags', () => {
    const head = `<title>Ignored | Site</title><meta property="og:title" content="Floods hit the valley">
      <meta property="og:site_name" content="Valley Post"><meta property="og:url" content="https://valley.example/floods">
      <meta name="author" content="By Ann Lee and Bo Chan"><meta property="article:published_time" content="2024-03-01T08:00:00Z">
      <meta property="article:modified_time" content="2024-03-02T09:30:00+01:00">`;
    const r = extractHtml(`<html lang="en_GB"><head>${head}</head><body><main><h1>Floods hit the valley</h1><p>${filler('Water rose through the night in the valley.', 20)}</p></main></body></html>`);
    expect(r.meta).toEqual({
      title: 'Floods hit the valley',
      authors: ['Ann Lee', 'Bo Chan'],
      published: '2024-03-01T08:00:00Z',
      modified: '2024-03-02T09:30:00+01:00',
      siteName: 'Valley Post',
      url: 'https://valley.example/floods',
      language: 'en-GB',
    });
  });

  it('prefers the visible <h1> headline and the byline under it', () => {
    const head = '<title>Floods: what we know | Valley Post</title><meta property="og:site_name" content="Valley Post"><meta name="author" content="web-admin">';
    const body = `<header><h1>Valley Post</h1></header><article><h1>Floods: what we know so far</h1><div class="meta"><span>By</span><span>Ann Lee</span> <span class="date">March 4, 2025</span></div><p>${filler('Water rose through the night in the valley.', 20)}</p></article>`;
    const r = extractHtml(page(body, head));
    expect(r.meta.title).toBe('Floods: what we know so far');
    expect(r.meta.authors).toEqual(['Ann Lee']);
    expect(r.meta.published).toBe('2025-03-04');
  });

  it('drops a date, byline or label printed inside the <h1> when a declared title is the rest', () => {
    const body = (h1: string) => `<article><h1>${h1}</h1><p>${filler('Water rose through the night in the valley.', 20)}</p></article>`;
    const head = '<meta property="og:title" content="Top Strategies to Secure a Blockchain">';
    expect(extractHtml(page(body('Top Strategies to Secure a Blockchain Posted on July 1, 2024 by infuy'), head)).meta.title).toBe('Top Strategies to Secure a Blockchain');
    expect(extractHtml(page(body('Dec 18 2025 Preparing a transition in Debusine'), '<meta property="og:title" content="Preparing a transition in Debusine">')).meta.title).toBe('Preparing a transition in Debusine');
    expect(extractHtml(page(body('Blog: Best Agencies in the U.S. (Ranked)'), '<title>Best Agencies in the U.S. (Ranked) | Silverback</title>')).meta.title).toBe('Best Agencies in the U.S. (Ranked)');
    // a longer visible headline that is not furniture stays
    expect(extractHtml(page(body('Best High School Tutors in 2025, Reviewed by a Student'), '<meta property="og:title" content="Best High School Tutors in 2025">')).meta.title).toBe('Best High School Tutors in 2025, Reviewed by a Student');
  });

  it('finds the author in a link to their author page, under a caption, or in the WordPress data layer', () => {
    const text = `<p>${filler('Water rose through the night in the valley.', 20)}</p>`;
    const linked = extractHtml(page(`<article><h1>Floods</h1><div class="css-x1"><a href="/authors/trevor-jackins">Trevor Jackins</a></div>${text}</article>`));
    expect(linked.meta.authors).toEqual(['Trevor Jackins']);
    const captioned = extractHtml(page(`<article><h1>Floods</h1><div class="head-info"><div class="caption">Author</div><div class="who">Isaiah Shelton</div></div>${text}</article>`));
    expect(captioned.meta.authors).toEqual(['Isaiah Shelton']);
    const dataLayer = extractHtml(page(`<article><h1>Floods</h1>${text}</article>`, '<script>var dataLayer_content = {"pagePostType":"post","pagePostAuthor":"Krystyna"};</script>'));
    expect(dataLayer.meta.authors).toEqual(['Krystyna']);
    const headed = extractHtml(page(`<article><h1>Floods</h1><div class="content-item"><h3>Author</h3><p>  Lisa D. Ellis</p></div>${text}</article>`));
    expect(headed.meta.authors).toEqual(['Lisa D. Ellis']);
    const box = extractHtml(page(`<article><h1>Floods</h1>${text}<div class="author-info"><div class="name">Rachel MacDonald</div><div class="post">Writer</div></div></article>`));
    expect(box.meta.authors).toEqual(['Rachel MacDonald']);
    const portrait = extractHtml(page(`<article><h1>Floods</h1>${text}<div class="blog_author-box"><img alt="Headshot of Justin C. Meserole, a lawyer in New York" src="j.jpg"><p>Justin writes about injury law.</p></div></article>`));
    expect(portrait.meta.authors).toEqual(['Justin C. Meserole']);
    const scenery = extractHtml(page(`<article><h1>Floods</h1>${text}<div class="author-box"><img alt="sunflowers" src="s.jpg"></div></article>`));
    expect(scenery.meta.authors).toEqual([]);
    // a byline under the headline that names only the site is still the page's byline
    const own = extractHtml(page(`<article><h1>Floods</h1><p>By Model Remodel</p>${text}</article>`, '<meta property="og:site_name" content="Model Remodel">'));
    expect(own.meta.authors).toEqual(['Model Remodel']);
  });

  it("reads Yoast's 'Written by' card, and takes a site named like its domain as the author when nothing else names one", () => {
    const text = `<p>${filler('Water rose through the night in the valley.', 20)}</p>`;
    const yoast = extractHtml(page(`<article><h1>Floods</h1>${text}</article>`, '<meta name="twitter:label1" content="Written by"><meta name="twitter:data1" content="Nawaz Dhandala">'));
    expect(yoast.meta.authors).toEqual(['Nawaz Dhandala']);
    const head = '<title>Twelve projects - Erin Spain</title><meta property="og:site_name" content="Erin Spain">';
    expect(extractHtml(page(`<article><h1>Twelve projects</h1>${text}</article>`, head), { url: 'https://www.erinspain.com/12-projects/' }).meta.authors).toEqual(['Erin Spain']);
    // another domain: the site name is not taken for a writer
    expect(extractHtml(page(`<article><h1>Twelve projects</h1>${text}</article>`, head), { url: 'https://www.example.com/12-projects/' }).meta.authors).toEqual([]);
    // a byline wins
    expect(extractHtml(page(`<article><h1>Twelve projects</h1><p>By Ann Lee</p>${text}</article>`, head), { url: 'https://www.erinspain.com/12-projects/' }).meta.authors).toEqual(['Ann Lee']);
  });

  it("takes the URL's day over a UTC timestamp just after midnight (the publisher's local day)", () => {
    const head = '<meta property="article:published_time" content="2025-12-19T02:41:41+00:00">';
    const body = `<article><h1>Comfort watches</h1><p>${filler('Water rose through the night in the valley.', 20)}</p></article>`;
    expect(extractHtml(page(body, head), { url: 'https://whatever.example.com/2025/12/18/comfort-watches' }).meta.published).toBe('2025-12-18');
    expect(extractHtml(page(body, head), { url: 'https://whatever.example.com/2025/12/19/comfort-watches' }).meta.published).toBe('2025-12-19T02:41:41+00:00');
    expect(extractHtml(page(body, head), { url: 'https://whatever.example.com/comfort-watches' }).meta.published).toBe('2025-12-19T02:41:41+00:00');
  });

  it('repairs UTF-8 read as Latin-1 in the text and title', () => {
    const r = extractHtml(page(`<article><h1>Investor\u00e2\u0080\u0099s guide</h1><p>${filler('You\u00e2\u0080\u0099re saving for retirement, and the calculators differ.', 12)}</p></article>`));
    expect(r.meta.title).toBe('Investor’s guide');
    expect(r.text).toContain('You’re saving');
    expect(r.text).not.toMatch(/[\u0080-\u009f]/);
  });

  it('reads <time datetime> and leaves unknown fields null', () => {
    const r = extractHtml(page(`<article><h1>Quiet day</h1><time pubdate datetime="2023-05-06">6 May</time><p>${filler('Nothing much happened in town today.', 20)}</p></article>`));
    expect(r.meta.published).toBe('2023-05-06');
    expect(r.meta.authors).toEqual([]);
    expect(r.meta.siteName).toBeNull();
  });
});

describe('extractHtml: source map', () => {
  it('traces each block to its element in the HTML given, when asked', () => {
    // No <body> tag: the parser gets one added, and offsets still point into this string.
    const html = `<!DOCTYPE html><html><head><title>Storm</title></head>
      <article><h1>Storm hits &amp; floods the town</h1>
      <p>The storm passed over <a href="https://example.org/town">the town</a> at night. ${filler('Rivers rose quickly and roads were closed.')}</p>
      <div>Residents said <b>nothing</b> like it had happened before. ${filler('The clean-up will take weeks, officials said.')}</div>
      <template><p>hidden</p></template>
      <ul><li>First point<li>Second point</ul>
      <p>Firefighters worked through the night.<br><br>${filler('Schools stayed closed on Monday as a precaution.')}</p></article></html>`;
    expect(extractHtml(html).sourceMap).toBeNull();
    const r = extractHtml(html, { sourceMap: true });
    expect(r.sourceMap).not.toBeNull();
    const map = r.sourceMap!;
    expect(map.map((e) => [e.start, e.end])).toEqual(r.blocks.map((b) => [b.start, b.end]));
    for (const e of map) {
      expect(e.htmlStart).not.toBeNull();
      const element = html.slice(e.htmlStart!, e.htmlEnd!);
      expect(element.startsWith('<')).toBe(true);
      // the element's text holds the block's first words
      const plain = element.replace(/<[^>]*>/g, '').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
      expect(plain).toContain(r.text.slice(e.start, e.end).split(/\s+/).slice(0, 4).join(' '));
    }
    const sliceOf = (startsWith: string) => {
      const e = map.find((x) => r.text.slice(x.start, x.end).startsWith(startsWith))!;
      return html.slice(e.htmlStart!, e.htmlEnd!);
    };
    expect(sliceOf('Residents said')).toMatch(/^<div>Residents said <b>nothing<\/b>[\s\S]*<\/div>$/);
    // an <li> closed by the next one ends where the next starts
    expect(sliceOf('First point')).toBe('<li>First point');
    // two blocks split by <br><br> come from the same <p>
    expect(sliceOf('Firefighters')).toBe(sliceOf('Schools stayed'));
    expect(sliceOf('Firefighters')).toMatch(/^<p>Firefighters[\s\S]*<\/p>$/);
  });

  it('gives no map for a page flattened for nesting too deep', () => {
    const r = extractHtml(`<html><body>${'<div>'.repeat(300)}${filler('Deep text stays readable.', 20)}${'</div>'.repeat(300)}</body></html>`, { sourceMap: true });
    expect(r.sourceMap).toBeNull();
  });
});

describe('extractHtml: hostile input', () => {
  it('survives 100,000 nested elements (flattened, with a diagnostic)', () => {
    const n = 100_000;
    const r = extractHtml(`<html><body>${'<div>'.repeat(n)}<p>Deep inside the page.</p>${'</div>'.repeat(n)}</body></html>`);
    expect(r.text).toBe('Deep inside the page.');
    expect(r.diagnostics.map((d) => d.code)).toContain('input/html-flattened');
  });

  it('survives 100,000 unclosed inline elements', () => {
    const r = extractHtml(`<p>${'<b>'.repeat(100_000)}bold words`);
    expect(r.text).toBe('bold words');
  });

  it('handles a 1 MB single line', () => {
    const r = extractHtml(page(`<p>${'word '.repeat(200_000)}</p>`));
    expect(r.text.length).toBe(999_999);
  });

  it('reads markup with no <html>, <head> or <body>', () => {
    expect(extractHtml('<p>Just a paragraph.</p><p>And a second one.</p>').text).toBe('Just a paragraph.\n\nAnd a second one.');
    expect(extractHtml('<html><head><title>T</title></head><p>Body-less page.</p></html>').text).toBe('Body-less page.');
  });

  it('reads the body when a <script> sits between </head> and <body> (linkedom would take the script for the body)', () => {
    const r = extractHtml('<html><head><title>T</title></head><script>var a = 1;</script><body><p>Hello there, reader.</p></body></html>');
    expect(r.text).toBe('Hello there, reader.');
  });

  it('survives malformed markup and odd entities', () => {
    const r = extractHtml('<html><body><p>Unclosed <b>bold <i>italic</p><div><p>next</div></span></table>&bogus; &#x1F600; &#99999999;<!-- open');
    expect(r.text).toContain('Unclosed bold italic');
    expect(r.text).toContain('😀');
    expectSpansInText(r);
  });

  it('throws E_NO_ARTICLE for a page with only scripts and styles', () => {
    const html = '<html><head><script>var a = 1;</script></head><body><script>document.write("hi")</script><style>p{}</style><noscript></noscript></body></html>';
    expect(() => extractHtml(html, { name: 'app.html' })).toThrowError(ClaimtraceError);
    try {
      extractHtml(html, { name: 'app.html' });
    } catch (e) {
      expect((e as ClaimtraceError).code).toBe('E_NO_ARTICLE');
      expect((e as ClaimtraceError).message).toContain('`app.html`');
    }
  });

  it('uses the whole body, with a diagnostic, when Readability finds no article', () => {
    const r = extractHtml('<html><body><div><span>Menu</span></div><table><tr><td>Price list</td><td>3 euros</td></tr></table></body></html>');
    expect(r.text).toContain('Price list 3 euros');
  });

  it('rejects a non-string with a TypeError naming what came', () => {
    expect(() => extractHtml(undefined as unknown as string)).toThrow(/Expected HTML as a string, not `undefined`/);
  });
});
