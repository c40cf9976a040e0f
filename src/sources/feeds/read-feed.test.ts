import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedEntries } from './articles-from-feed.js';
import { readFeed, readFeedFile } from './read-feed.js';

const story = '<p>The council approved the plan on Tuesday, the mayor said. “It is a good day,” she told reporters outside the hall.</p>'.repeat(5);

const rss2 = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Example News</title>
  <link>https://news.example/</link>
  <description>All the news</description>
  <item>
    <title>Council approves plan</title>
    <link>/2025/09/council</link>
    <guid isPermaLink="false">tag:news.example,2025:1</guid>
    <pubDate>Thu, 04 Sep 2025 10:00:00 GMT</pubDate>
    <dc:creator>Jo Bloggs</dc:creator>
    <dc:creator>Sam Lee</dc:creator>
    <description>The council approved the plan.</description>
    <content:encoded><![CDATA[${story}]]></content:encoded>
  </item>
  <item>
    <title>Teaser only &amp; more</title>
    <guid>https://news.example/2025/09/teaser</guid>
    <author>editor@news.example (Ann Editor)</author>
    <description>&lt;p&gt;Read on&lt;/p&gt;</description>
  </item>
</channel>
</rss>`;

const rdf = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://blog.example/rss"><title>A Blog</title><link>https://blog.example/</link></channel>
  <item rdf:about="https://blog.example/post-1">
    <title>First post</title>
    <link>https://blog.example/post-1</link>
    <dc:date>2025-09-04T09:30:00+02:00</dc:date>
    <dc:creator>Kim Park</dc:creator>
    <description>Short.</description>
  </item>
</rdf:RDF>`;

const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://wire.example/">
  <title type="html">Wire &amp;amp; Co</title>
  <link rel="self" href="/feed.atom"/>
  <link href="https://wire.example/"/>
  <author><name>Wire Staff</name></author>
  <id>urn:uuid:feed</id>
  <updated>2025-09-04T12:00:00Z</updated>
  <entry>
    <title>Storm hits coast</title>
    <link rel="alternate" type="text/html" href="stories/storm"/>
    <link rel="enclosure" href="stories/storm.jpg"/>
    <id>urn:uuid:storm</id>
    <published>2025-09-03T08:00:00Z</published>
    <updated>2025-09-04T08:00:00Z</updated>
    <author><name>Rae Diaz</name></author>
    <summary>A storm hit the coast.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${story}</div></content>
  </entry>
  <entry>
    <title>Only a link</title>
    <link href="stories/link"/>
    <id>urn:uuid:link</id>
    <updated>2025-09-04T09:00:00Z</updated>
    <content type="html">&lt;p&gt;Short &amp;amp; sweet&lt;/p&gt;</content>
  </entry>
</feed>`;

describe('readFeed', () => {
  it('reads RSS 2.0: links resolved, CDATA content, dates, several authors', () => {
    const feed = readFeed(rss2, { name: 'rss.xml' });
    expect(feed).toMatchObject({ kind: 'rss', title: 'Example News', url: 'https://news.example/' });
    expect(feed.items[0]).toMatchObject({
      id: 'tag:news.example,2025:1',
      url: 'https://news.example/2025/09/council',
      title: 'Council approves plan',
      published: '2025-09-04T10:00:00Z',
      authors: ['Jo Bloggs', 'Sam Lee'],
      summary: 'The council approved the plan.',
    });
    expect(feed.items[0]!.content).toBe(story);
    // A permalink guid stands for the link; the name comes out of `email (Name)`.
    expect(feed.items[1]).toMatchObject({ url: 'https://news.example/2025/09/teaser', title: 'Teaser only & more', authors: ['Ann Editor'], summary: '<p>Read on</p>', content: null });
  });

  it('reads RSS 1.0 (RDF), whose items sit beside the channel', () => {
    const feed = readFeed(rdf);
    expect(feed).toMatchObject({ kind: 'rdf', title: 'A Blog', url: 'https://blog.example/' });
    expect(feed.items).toEqual([
      { id: 'https://blog.example/post-1', url: 'https://blog.example/post-1', title: 'First post', published: '2025-09-04T09:30:00+02:00', authors: ['Kim Park'], summary: 'Short.', content: null },
    ]);
  });

  it('reads Atom: xml:base, alternate links, xhtml and html content, feed authors inherited', () => {
    const feed = readFeed(atom);
    expect(feed).toMatchObject({ kind: 'atom', title: 'Wire & Co', url: 'https://wire.example/' });
    expect(feed.items[0]).toMatchObject({ id: 'urn:uuid:storm', url: 'https://wire.example/stories/storm', title: 'Storm hits coast', published: '2025-09-03T08:00:00Z', authors: ['Rae Diaz'], summary: 'A storm hit the coast.' });
    expect(feed.items[0]!.content).toContain('<p>The council approved the plan on Tuesday');
    expect(feed.items[1]).toMatchObject({ url: 'https://wire.example/stories/link', published: '2025-09-04T09:00:00Z', authors: ['Wire Staff'], content: '<p>Short &amp; sweet</p>' });
  });

  it.each([
    ['not XML', '{"items": []}', /is not XML: it starts with `\{"items"/],
    ['an HTML page', '<!doctype html><html><head><title>x</title></head><body><p>hi</p></body></html>', /not a feed: its root element is <html>/],
    ['XML that is no feed', '<?xml version="1.0"?><note><to>Tove</to></note>', /root element is <note>/],
    ['a cut-off feed', rss2.slice(0, rss2.indexOf('</item>') + 7), /<channel> is never closed \(nor 1 more\)/],
    ['mis-nested tags', '<rss><channel><item><title>x</item></channel></rss>', /<title> is never closed/],
    ['nothing but white space', '   ', /is not XML/],
  ])('rejects %s with E_FEED_INVALID', (_, input, message) => {
    expect(() => readFeed(input, { name: 'feed.xml' })).toThrow(expect.objectContaining({ code: 'E_FEED_INVALID', message: expect.stringMatching(message) }));
  });

  it('reads a feed file in the encoding its XML declaration names', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimtrace-feed-'));
    const path = join(dir, 'latin.xml');
    writeFileSync(path, Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss><channel><title>Caf\u00e9</title></channel></rss>', 'latin1'));
    expect(await readFeedFile(path)).toMatchObject({ kind: 'rss', title: 'Caf\u00e9', items: [] });
    await expect(readFeedFile(join(dir, 'missing.xml'))).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });
});

describe('feedEntries', () => {
  it('analyses items with full text and returns the others as links to fetch', () => {
    const entries = feedEntries(readFeed(rss2), { name: 'rss.xml' });
    expect(entries.map((e) => ('input' in e ? `input:${e.url}` : 'fetch' in e ? `fetch:${e.url}` : `error:${e.error.code}`))).toEqual([
      'input:https://news.example/2025/09/council',
      'fetch:https://news.example/2025/09/teaser',
    ]);
    const first = entries[0]!;
    if (!('input' in first)) throw new Error('expected an article');
    expect(first.id).toBe('rss.xml#tag:news.example,2025:1');
    expect(first.input.text).toContain('“It is a good day,” she told reporters');
    expect(first.input.meta).toMatchObject({ title: 'Council approves plan', authors: ['Jo Bloggs', 'Sam Lee'], published: '2025-09-04T10:00:00Z', url: 'https://news.example/2025/09/council' });

    const atomEntries = feedEntries(readFeed(atom));
    expect(atomEntries.map((e) => ('input' in e ? 'input' : 'fetch' in e ? 'fetch' : 'error'))).toEqual(['input', 'fetch']);
  });

  it('analyses a short item without a link, and reports one with nothing', () => {
    const feed = readFeed('<rss><channel><item><description>Just a line of text.</description></item><item><title>Empty</title></item></channel></rss>');
    const entries = feedEntries(feed, { name: 'f' });
    expect(entries[0]).toMatchObject({ id: 'f#item=1', url: null, input: { text: 'Just a line of text.' } });
    expect(entries[1]).toMatchObject({ id: 'f#item=2', error: { code: 'E_NO_ARTICLE' } });
  });
});
