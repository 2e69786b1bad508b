import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { startApp, type AppUnderTest } from '../support/app-under-test';
import { caseIdBySubject, openDesk, signedInPage } from './case-helpers';

const hostileHtml = `
<meta http-equiv="refresh" content="0;url=http://127.0.0.2:9/refresh">
<script>alert('script')</script>
<p onmouseover="alert('handler')">Texte visible du message piégé</p>
<img src="x" onerror="alert('onerror')">
<body onload="alert('onload')"></body>
<a href="javascript:alert('link')">un lien piégé</a>
<svg><script>alert('svg')</script><circle r="5" onload="alert('svg onload')"/></svg>
<div style="background:url(http://127.0.0.2:9/css.png)">fond distant</div>
<style>body{background:url(http://127.0.0.2:9/style.png)}</style>
<img src="http://127.0.0.2:9/p.gif" width="1" height="1">
<iframe src="http://127.0.0.2:9/frame"></iframe>`;

let app: AppUnderTest;
let browser: Browser;
let page: Page;
let dialogs = 0;
const foreign: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  const caseId = caseIdBySubject(app, 'Demande de duplicata de facture');
  app.core.db.sqlite
    .prepare(
      `INSERT INTO messages (case_id, direction, "from", "to", subject, text, html, date, attach_reason, created_at)
       VALUES (?, 'in', ?, '[]', 'Piège', 'Texte visible du message piégé', ?, ?, 'subject_reference', ?)`,
    )
    .run(
      caseId,
      JSON.stringify({ name: 'Service clients', address: 'pirate@evil.example' }),
      hostileHtml,
      new Date().toISOString(),
      new Date().toISOString(),
    );
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const isForeign = (request: Request, appUrl: string) => {
  const url = request.url();
  return !url.startsWith(new URL(appUrl).origin) && !url.startsWith('data:') && !url.startsWith('about:') && !url.startsWith('blob:');
};

describe('a hostile HTML mail in a case', () => {
  it('shows its text, runs nothing and calls nobody', async () => {
    page = await signedInPage(browser, app, 'Camille Martin');
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (isForeign(request, app.host.url)) foreign.push(request.url());
    });
    await openDesk(page, 'nav-in-progress');
    await page.getByTestId('case-row').filter({ hasText: 'Demande de duplicata de facture' }).click();

    const hostile = page.getByTestId('message').filter({ hasText: 'pirate@evil.example' });
    // The real address shows beside the borrowed display name.
    await expect.poll(() => hostile.getByTestId('message-from').textContent()).toContain('<pirate@evil.example>');
    expect(await hostile.getByTestId('message-text').textContent()).toContain('Texte visible du message piégé');
    expect(await hostile.getByTestId('message-reason').textContent()).toContain('numéro du dossier');

    // The formatting, in its sandboxed frame: still nothing runs and nothing leaves.
    await hostile.getByTestId('message-toggle-html').click();
    const frame = hostile.getByTestId('mail-frame');
    expect(await frame.getAttribute('sandbox')).toBe('');
    const body = page.frameLocator('[data-testid="mail-frame"]').locator('body');
    await expect.poll(() => body.textContent()).toContain('Texte visible du message piégé');
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    for (const banned of ['<script', 'onerror', 'onload', 'javascript:', 'http-equiv="refresh"', '<svg', '<iframe', 'url(http']) {
      expect(srcdoc.toLowerCase()).not.toContain(banned);
    }
    // The core drops remote images before the screen sees them (sanitizeDisplayHtml), so there is
    // nothing to allow: no "Afficher les images" on this message, and the pixel is never fetched.
    expect(await hostile.getByTestId('message-show-images').count()).toBe(0);
    await page.waitForTimeout(1500);
    expect(dialogs).toBe(0);
    expect(foreign).toEqual([]);
  });
});
