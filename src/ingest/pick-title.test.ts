import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { DomDocument } from './dom-types.js';
import { pickTitle, readTitle, type DeclaredTitles } from './pick-title.js';
import { namesSite, titleReadings, withoutSiteName } from './strip-site-name.js';

const doc = (body: string) => (parseHTML(`<!DOCTYPE html><html><head></head><body>${body}</body></html>`) as unknown as { document: DomDocument }).document;
const declared = (d: Partial<DeclaredTitles>): DeclaredTitles => ({ jsonLd: null, og: null, html: null, ...d });
const noSite = { names: [], url: null };

describe('namesSite', () => {
  it.each<[string, readonly string[], string | null, boolean]>([
    ['Bread Dad', [], 'https://breaddad.com/best-bread-machines/', true],
    ['Move.org', [], 'https://www.move.org/best-movers/', true],
    ['Shopify App Store', [], 'https://apps.shopify.com/stories/x', true],
    ['Electrical Safety Foundation International', [], 'https://www.esfi.org/x', true],
    ['Filmmaker MagazineFilmmaker Magazine', ['Filmmaker Magazine'], null, true],
    ['Top Local & Long-Distance Movers', ['Freightwaves Checkpoint'], 'https://www.freightwaves.com/x', false],
    ['Best Bread Machines', [], 'https://breaddad.com/x', false],
  ])('%s', (part, names, url, expected) => {
    expect(namesSite(part, { names, url })).toBe(expected);
  });

  it('exactly: a headline that starts with the domain is not the site (digjitale.com)', () => {
    const site = { names: [], url: 'https://www.digjitale.com/p/signal-18' };
    expect(namesSite('Digjitale Signal #18 – The World Without Work?', site)).toBe(true);
    expect(namesSite('Digjitale Signal #18 – The World Without Work?', site, true)).toBe(false);
    expect(namesSite('Digjitale', site, true)).toBe(true);
  });
});

describe('withoutSiteName', () => {
  it.each<[string, readonly string[], string | null, string]>([
    // a named site goes from either end, and the guess then keeps the first part left
    ['Best Bread Machines - My Favorites! - Bread Dad', [], 'https://breaddad.com/x', 'Best Bread Machines'],
    ['Tastify | Top 7 Corporate Catering Trends for 2024', [], 'https://www.tastifyfood.com/blog/x', 'Top 7 Corporate Catering Trends for 2024'],
    ['What is Mesh WiFi? | Whole Home Mesh WiFi | TP-Link', [], 'https://www.tp-link.com/us/mesh-wifi/', 'What is Mesh WiFi?'],
    // unnamed: the site is most often last (not the longest part, as before)
    ['Website Design Portfolio | Thrive Internet Marketing', [], null, 'Website Design Portfolio'],
    ['History of coffee | Origin, Spread, Ethiopia, Arabia, Facts, & Timeline | Britannica', [], null, 'History of coffee'],
    ['A title without a site', [], null, 'A title without a site'],
  ])('%s', (title, names, url, expected) => {
    expect(withoutSiteName(title, { names, url }, true)).toBe(expected);
  });

  it('titleReadings lists every run of parts', () => {
    expect(titleReadings('A | B - C')).toEqual(['A', 'A | B', 'A | B - C', 'B', 'B - C', 'C']);
  });
});

describe('pickTitle', () => {
  const title = (body: string, d: Partial<DeclaredTitles>, site: { names: readonly string[]; url: string | null } = noSite) => pickTitle(doc(body), declared(d), site).title;

  it('keeps an <h1> written as a declared title with a dash in it, where the site-name guess cut the title short', () => {
    expect(title('<h1>Best Bread Machines – My Favorites!</h1>', { html: 'Best Bread Machines - My Favorites! - Bread Dad' }, { names: [], url: 'https://breaddad.com/x' })).toBe('Best Bread Machines – My Favorites!');
    expect(title('<h1>I Tried Amp — and It May Replace My Gym</h1>', { og: 'I Tried Amp — and It May Replace My Gym', html: 'Amp AI Fitness Review | PS Fitness' })).toBe('I Tried Amp — and It May Replace My Gym');
  });

  it('drops a section set apart by a bar in the <h1> when the declared title is the part before it', () => {
    expect(title('<h1>12 Must-Have Data Tools for 2026 | Python, SQL &amp; AI</h1>', { html: '12 Must-Have Data Tools for 2026 | Python, SQL & AI | Splunk' })).toBe('12 Must-Have Data Tools for 2026');
  });

  it('skips a logo <h1> for the one that matches the declared title best', () => {
    expect(title('<h1>Filmmaker</h1><h1>U.S. in Progress 2025: Poland to Park City</h1><h1>Related Articles</h1>',
      { og: 'U.S. in Progress 2025: Poland to Park City', html: 'U.S. in Progress 2025: Poland to Park City - Filmmaker Magazine' }, { names: ['Filmmaker Magazine'], url: null }))
      .toBe('U.S. in Progress 2025: Poland to Park City');
    // the blog's name (og:site_name) in the first <h1>, a section heading in the next
    expect(title('<h1>Engora Data Blog</h1><h1>Small is the new large</h1>', { og: 'Small adventures with small language models', html: 'Engora Data Blog: Small adventures with small language models' }, { names: ['Engora Data Blog'], url: null }))
      .toBe('Small adventures with small language models');
  });

  it('takes the declared title over a short section label, but not over the headline in short', () => {
    expect(title('<h1>VPN Services</h1>', { html: 'Private VPN Service Recommendations and Comparison, No Sponsors or Ads - Privacy Guides' })).toBe('Private VPN Service Recommendations and Comparison, No Sponsors or Ads');
    expect(title('<h1>The Fold-and-Cut Problem</h1>', { html: 'The Fold-and-Cut Problem (Erik Demaine)' })).toBe('The Fold-and-Cut Problem');
    expect(title('<h1>hackermondev/writeup.md</h1><h1>Discord</h1>', { og: 'How we pwned X, Vercel, Cursor, Discord, and hundreds of companies' })).toBe('How we pwned X, Vercel, Cursor, Discord, and hundreds of companies');
  });

  it('takes the declared headline most declared titles agree on', () => {
    expect(title('<h1>Our BLOG</h1>', { jsonLd: 'Actuary’s Industry Choice: Consulting or Insurance?', og: "Actuary's Industry Choice - Consulting or Insurance?", html: "Actuary's Industry Choice - Consulting or Insurance?" }))
      .toBe("Actuary's Industry Choice");
  });

  it('drops a site name printed after the <h1> headline', () => {
    expect(title('<h1>Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst</h1>', { html: 'Critics’ Choice: Best UK Art Exhibitions 2025 – Artlyst - Artlyst' }, { names: ['Artlyst'], url: null }))
      .toBe('Critics’ Choice: Best UK Art Exhibitions 2025');
  });

  it('keeps the <h1>’s quote style when a declared title writes it the same, else takes the declared one', () => {
    const h1 = '<h1>2025 Renovation Trends &amp; Why They’re Smart</h1>';
    expect(title(h1, { jsonLd: '2025 Renovation Trends &amp; Why They&#8217;re Smart', og: "2025 Renovation Trends & Why They're Smart" })).toBe('2025 Renovation Trends & Why They’re Smart');
    expect(title(h1, { og: "2025 Renovation Trends & Why They're Smart" })).toBe("2025 Renovation Trends & Why They're Smart");
  });

  it('repairs characters the <h1> lost to a wrong encoding from the declared title, and leaves a real question mark', () => {
    expect(title('<h1>What Are The Basics Of Event Planning? Beginner? Guide</h1>', { og: "What Are The Basics Of Event Planning: Beginner's Guide" })).toBe("What Are The Basics Of Event Planning: Beginner's Guide");
    expect(title("<h1>Cloud Computing Innovations: What's Next in 2025?</h1>", { html: "Cloud Computing Innovations: What's Next in 2025 | Ironhack Blog" })).toBe("Cloud Computing Innovations: What's Next in 2025?");
  });

  it('stays fast on hostile titles (thousands of separators, many question marks)', () => {
    const t0 = performance.now();
    const bars = Array.from({ length: 5000 }, (_, i) => `part ${i}`).join(' | ');
    expect(title('<h1>part 0</h1>', { og: bars, html: bars })).toBe('part 0');
    const marks = `${'a? '.repeat(90)}b`;
    expect(title(`<h1>${marks}</h1>`, { og: `${'a: '.repeat(90)}c` })).toBe(marks);
    expect(performance.now() - t0).toBeLessThan(2000);
  });

  it('takes a declared title that goes on where another stops mid-sentence', () => {
    const d = { jsonLd: 'Fix It Friday: We Help 4 Readers Find Solutions (Including', og: 'Fix It Friday: We Help 4 Readers Find Solutions (Including One Universal Trick) - Emily Henderson' };
    expect(title('<h2>Fix It Friday</h2>', d, { names: ['Emily Henderson'], url: null })).toBe('Fix It Friday: We Help 4 Readers Find Solutions (Including One Universal Trick)');
    // a site name after a colon is not the headline going on
    expect(title('', { og: 'Plumbers are training as substitute teachers', html: 'Plumbers are training as substitute teachers : NPR' })).toBe('Plumbers are training as substitute teachers');
  });

  it('reports a disagreement between the <h1> and the declared title, and keeps the <h1>', () => {
    const d = declared({ html: 'Best CRM software for 2026: Top CRM Platforms Compared - Klaviyo' });
    const r = readTitle(doc('<main><h1>The best CRM software for 2026</h1></main>'), d, noSite);
    expect('choice' in r && r.choice).toMatchObject({ headline: 'The best CRM software for 2026', declared: 'Best CRM software for 2026: Top CRM Platforms Compared', inArticle: true, h1Count: 1 });
    expect(pickTitle(doc('<main><h1>The best CRM software for 2026</h1></main>'), d, noSite).title).toBe('The best CRM software for 2026');
  });
});
