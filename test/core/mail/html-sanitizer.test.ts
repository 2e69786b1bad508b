import { describe, expect, it } from 'vitest';
import { hasVisibleContent, sanitizeDisplayHtml, sanitizeReplyHtml } from '../../../electron/core/mail/html-sanitizer';

describe('sanitizeReplyHtml', () => {
  it.each([
    ['Quill’s formatting', '<p><strong>a</strong> <em>b</em> <u>c</u> <s>d</s></p><h1>t</h1><h2>t</h2><h3>t</h3><ol><li>1</li></ol><ul><li>2</li></ul><blockquote>q</blockquote><pre><code>x</code></pre><p>a<br>b</p>',
      '<p><strong>a</strong> <em>b</em> <u>c</u> <s>d</s></p><h1>t</h1><h2>t</h2><h3>t</h3><ol><li>1</li></ol><ul><li>2</li></ul><blockquote>q</blockquote><pre><code>x</code></pre><p>a<br />b</p>'],
    ['colour and size styles only', '<span style="color: rgb(230, 0, 0); font-size: 18px; position: fixed; background-color: #ff0">x</span>',
      '<span style="color:rgb(230, 0, 0);font-size:18px;background-color:#ff0">x</span>'],
    ['CSS url()', '<span style="color: url(https://t.example/x); font-size: expression(alert(1))">x</span>', '<span>x</span>'],
    ['scripts, with their code', '<p>a<script>alert(1)</script>b</p>', '<p>ab</p>'],
    ['event handlers', '<p onclick="alert(1)" onmouseover="x">a</p>', '<p>a</p>'],
    ['javascript: links, keeping the words', '<a href="javascript:alert(1)">lien</a><a href=" JaVa&#x09;script:alert(1)">l2</a>', '<a rel="noopener noreferrer" target="_blank">lien</a><a rel="noopener noreferrer" target="_blank">l2</a>'],
    ['links, made safe to open', '<a href="https://a.example/x?y=1&amp;z=2">a</a><a href="mailto:x@y.fr">m</a>',
      '<a href="https://a.example/x?y=1&amp;z=2" rel="noopener noreferrer" target="_blank">a</a><a href="mailto:x@y.fr" rel="noopener noreferrer" target="_blank">m</a>'],
    ['remote and protocol-relative images', '<img src="https://t.example/p.gif"><img src="//t.example/p.gif"><img src="data:text/html;base64,PHNjcmlwdD4=">', ''],
    ['inline images', '<img src="cid:logo@ud" alt="logo" onerror="x"><img src="data:image/png;base64,iVBORw0KGgo=">',
      '<img src="cid:logo@ud" alt="logo" /><img src="data:image/png;base64,iVBORw0KGgo=" />'],
    ['iframes, forms, meta, styles', '<iframe src="https://e.example">x</iframe><form action="https://e"><input name="a"><button>ok</button></form><meta http-equiv="refresh" content="0"><style>p{}</style><p>fin</p>', 'ok<p>fin</p>'],
    ['tables (not something Quill writes)', '<table><tr><td>a</td></tr></table>', 'a'],
  ])('%s', (_name, html, safe) => {
    expect(sanitizeReplyHtml(html)).toBe(safe);
  });
});

describe('sanitizeDisplayHtml', () => {
  it('keeps the layout of incoming mail, not what runs', () => {
    expect(sanitizeDisplayHtml('<div><table><tr><td colspan="2" onclick="x">a</td></tr></table><script>x</script></div>'))
      .toBe('<div><table><tr><td colspan="2">a</td></tr></table></div>');
  });

  it('keeps http(s) images for the frame to block until the agent allows them, never other remote forms', () => {
    expect(sanitizeDisplayHtml('<img src="https://t.example/p.gif" onerror="x" srcset="https://t.example/2x.gif 2x"><img src="//t.example/p.gif"><img src="ftp://t.example/p.gif">'))
      .toBe('<img src="https://t.example/p.gif" />');
  });
});

describe('hasVisibleContent', () => {
  it.each([
    ['<p><br></p>', false],
    ['<p> &nbsp; </p>', false],
    ['', false],
    ['<p>Bonjour</p>', true],
    ['<p><img src="cid:x" /></p>', true],
  ])('%j → %s', (html, visible) => {
    expect(hasVisibleContent(sanitizeReplyHtml(html))).toBe(visible);
  });
});
