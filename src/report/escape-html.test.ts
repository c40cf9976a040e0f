import { describe, expect, it } from 'vitest';
import { escapeHtml, jsonForScript, linkOrText, safeUrl } from './escape-html.js';

describe('escapeHtml', () => {
  it('escapes every character that can open a tag or close an attribute', () => {
    expect(escapeHtml(`<script>"a" & 'b' \`c\`</script>`)).toBe('&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39; &#96;c&#96;&lt;/script&gt;');
  });
});

describe('safeUrl', () => {
  it.each([
    ['https://example.org/a?b=1#c', 'https://example.org/a?b=1#c'],
    ['http://example.org', 'http://example.org/'],
    ['mailto:desk@example.org', 'mailto:desk@example.org'],
    ['javascript:alert(1)', null],
    ['JaVaScRiPt:alert(1)', null],
    ['java\tscript:alert(1)', null],
    [' javascript:alert(1)', null],
    ['data:text/html,<script>alert(1)</script>', null],
    ['vbscript:msgbox(1)', null],
    ['file:///etc/passwd', null],
    ['/relative/path', null],
    ['//example.org/protocol-relative', null],
    ['https://exa mple.org', null],
    ['', null],
  ] as const)('%s → %s', (input, expected) => {
    expect(safeUrl(input)).toBe(expected);
  });

  it('never returns a link for an unsafe URL, only text', () => {
    expect(linkOrText('javascript:alert(1)')).not.toContain('href');
    expect(linkOrText('https://example.org/"onmouseover="x')).toContain('href="https://example.org/%22onmouseover=%22x"');
  });
});

describe('jsonForScript', () => {
  it('cannot close the script element or open a comment, and still parses back', () => {
    const value = { s: '</script><script>alert(1)</script><!-- & \u2028' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
