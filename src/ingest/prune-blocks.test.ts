import { describe, expect, it } from 'vitest';
import { htmlToBlocks, type DomNode } from './html-to-blocks.js';
import { parseHTML } from 'linkedom';
import { pruneBlocks } from './prune-blocks.js';

function blocksOf(html: string) {
  const { document } = parseHTML(`<html><body>${html}</body></html>`) as unknown as { document: { body: DomNode } };
  return htmlToBlocks(document.body, (href) => (href.startsWith('http') ? href : null));
}

describe('pruneBlocks', () => {
  it.each<[string, string, string]>([
    ['a share bar', '<p>Storm hits the coast.</p><p>Whatsapp Facebook Pint Baixar</p>', 'Storm hits the coast.'],
    ['a short block of links only', '<p>Storm hits the coast.</p><p><a href="http://a">Home</a> <a href="http://b">News</a></p>', 'Storm hits the coast.'],
    ['an advert label and a cookie notice', '<p>Advertisement</p><p>Storm hits the coast.</p><p>This website uses cookies to improve your experience.</p>', 'Storm hits the coast.'],
    ['a byline and a date line (they are in meta)', '<p>By Paul Takahashi</p><p>September 10, 2018 |</p><p>Storm hits the coast.</p>', 'Storm hits the coast.'],
    ['a photo credit', '<p>Storm hits the coast.</p><p>(Image credit: Blue Origin)</p><p>Photo: David Zalubowski / AP</p>', 'Storm hits the coast.'],
    ['a repeated long caption', `<p>${'A long caption about the theatre festival, repeated. '.repeat(2)}</p><p>Storm hits the coast.</p><p>${'A long caption about the theatre festival, repeated. '.repeat(2)}</p>`, `${'A long caption about the theatre festival, repeated. '.repeat(2).trim()}\n\nStorm hits the coast.`],
  ])('drops %s', (_label, html, text) => {
    expect(pruneBlocks(blocksOf(html)).text).toBe(text);
  });

  it.each<[string, string]>([
    ['repeated short labels', '<h3>Pre-Workout Meal</h3><p>Oats.</p><h3>Pre-Workout Meal</h3><p>Eggs.</p>'],
    ['a sentence with a link', '<p>The <a href="http://r">report</a> says prices rose.</p>'],
    ['a quotation that looks like a label', '<blockquote><p>Advertisement</p></blockquote>'],
  ])('keeps %s', (_label, html) => {
    const before = blocksOf(html);
    expect(pruneBlocks(before).text).toBe(before.text);
  });

  it('moves link spans with the text', () => {
    const r = pruneBlocks(blocksOf('<p>Sign In</p><p>See the <a href="http://x.org/r">full report</a> here.</p>'));
    expect(r.text).toBe('See the full report here.');
    expect(r.links).toEqual([{ start: 8, end: 19, url: 'http://x.org/r' }]);
    expect(r.blocks).toEqual([{ kind: 'paragraph', start: 0, end: 25 }]);
  });

  it('keeps everything when everything would go', () => {
    const before = blocksOf('<p>Advertisement</p>');
    expect(pruneBlocks(before).text).toBe('Advertisement');
  });
});

describe('htmlToBlocks: captions', () => {
  it('leaves photo captions out, but keeps the caption that attributes a quotation', () => {
    const r = blocksOf('<figure><img src="x.jpg"><figcaption>Cars at a dealer (AP)</figcaption></figure><p>Sales fell.</p><figure><blockquote><p>“We will win.”</p></blockquote><figcaption>— Ann Lee, mayor</figcaption></figure>');
    expect(r.text).toBe('Sales fell.\n\n“We will win.”\n\n— Ann Lee, mayor');
  });
});
