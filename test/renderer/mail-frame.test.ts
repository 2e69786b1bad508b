// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { buildMailSrcdoc, mailFramePolicy } from '../../renderer/src/mail-frame/build-srcdoc';

describe('the mail frame', () => {
  // DOMPurify's removals are checked in real Chromium (test/e2e/case-hostile-html.test.ts): happy-dom's
  // parser keeps <script> elements DOMPurify asked it to drop, so it cannot judge a sanitiser;
  // the swap of remote images for a placeholder is checked there too, by counting requests.
  it('blocks remote images until the agent allows them for that message', () => {
    expect(mailFramePolicy(false)).toContain("img-src data: cid:;");
    expect(mailFramePolicy(false)).not.toContain('http:');
    expect(mailFramePolicy(true)).toContain('img-src data: cid: http: https:');
    expect(mailFramePolicy(true)).toContain("default-src 'none'");
  });

  it('puts the policy before the body in the frame document', () => {
    const doc = buildMailSrcdoc('<p>Bonjour</p>', false);
    expect(doc.indexOf('Content-Security-Policy')).toBeGreaterThan(-1);
    expect(doc.indexOf('Content-Security-Policy')).toBeLessThan(doc.indexOf('Bonjour'));
    expect(doc).toContain("default-src 'none'");
  });
});
