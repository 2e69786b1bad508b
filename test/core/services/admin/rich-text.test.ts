import { describe, expect, it } from 'vitest';
import { richTextOrPlain } from '../../../../electron/core/services/admin/rich-text';

describe('richTextOrPlain: a signature typed as plain text or pasted as HTML', () => {
  it('turns plain lines into paragraphs, escaped, even when they look like an address', () => {
    expect(richTextOrPlain('Camille <camille@centre.fr>\nService clients\n\nCentre & co')).toBe(
      '<p>Camille &lt;camille@centre.fr&gt;<br>Service clients</p><p>Centre &amp; co</p>',
    );
  });

  it('keeps the formatting of HTML and drops what could run or call home', () => {
    const pasted =
      '<p onclick="steal()"><strong>Camille</strong><script>alert(1)</script></p>' +
      '<img src="https://tracker.example/p.gif"><a href="javascript:alert(1)">site</a>';
    const safe = richTextOrPlain(pasted);
    expect(safe).toContain('<strong>Camille</strong>');
    expect(safe).not.toMatch(/script|onclick|tracker|javascript/);
  });

  it('leaves an empty signature empty', () => {
    expect(richTextOrPlain('   ')).toBe('');
  });
});
