import path from 'node:path';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { type AppUnderTest, screenshotsDir, startApp } from '../support/app-under-test';
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
<img src="https://127.0.0.2:9/banner.png" alt="Bannière" width="300" height="60">
<iframe src="http://127.0.0.2:9/frame"></iframe>`;

let app: AppUnderTest;
let browser: Browser;
let page: Page;
let dialogs = 0;
const foreign: string[] = [];
/** Requests to the tracker's address, answered by the test (nothing listens there). */
const tracked: string[] = [];
const pixel = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

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
  it('shows its text, runs nothing and calls nobody until the agent allows its images', async () => {
    page = await signedInPage(browser, app, 'Camille Martin');
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    page.on('request', (request) => {
      if (isForeign(request, app.host.url)) foreign.push(request.url());
    });
    await page.route(/^https?:\/\/127\.0\.0\.2(:\d+)?\//, async (route) => {
      tracked.push(route.request().url());
      await route.fulfill({ status: 200, contentType: 'image/gif', body: pixel });
    });
    await openDesk(page, 'nav-in-progress');
    await page.getByTestId('case-row').filter({ hasText: 'Demande de duplicata de facture' }).click();

    const hostile = page.getByTestId('message').filter({ hasText: 'pirate@evil.example' });
    // The real address shows beside the borrowed display name.
    await expect.poll(() => hostile.getByTestId('message-from').textContent()).toContain('<pirate@evil.example>');
    expect(await hostile.getByTestId('message-text').textContent()).toContain('Texte visible du message piégé');
    expect(await hostile.getByTestId('message-reason').textContent()).toContain('numéro du dossier');

    // The formatting, in its sandboxed frame: still nothing runs and nothing leaves.
    await hostile.getByTestId('message-view-html').click();
    const frame = hostile.getByTestId('mail-frame');
    expect(await frame.getAttribute('sandbox')).toBe('');
    const body = hostile.frameLocator('[data-testid="mail-frame"]').locator('body');
    await expect.poll(() => body.textContent()).toContain('Texte visible du message piégé');
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    for (const banned of ['<script', 'onerror', 'onload', 'javascript:', 'http-equiv="refresh"', '<svg', '<iframe', 'url(http', '127.0.0.2']) {
      expect(srcdoc.toLowerCase()).not.toContain(banned);
    }
    // Both remote images wait behind the bar, as placeholders drawn locally; a mail without any has no bar.
    const plain = page.getByTestId('message').filter({ hasText: 'marie.lefebvre@example.org' });
    await plain.getByTestId('message-view-html').click();
    await plain.getByTestId('mail-frame').waitFor();
    expect(await plain.getByTestId('message-images-bar').count()).toBe(0);
    expect(await body.locator('img').count()).toBe(2);
    await expect.poll(() => hostile.getByTestId('message-images-bar').textContent()).toContain('Ce message contient des images distantes');
    await page.screenshot({ path: path.join(screenshotsDir, 'case-remote-images.png') });
    await page.waitForTimeout(1500);
    expect(dialogs).toBe(0);
    expect(foreign).toEqual([]);
    expect(tracked).toEqual([]);

    // The agent allows them for this message: the pixel and the banner are fetched, and only they.
    await hostile.getByTestId('message-show-images').click();
    await expect.poll(() => [...tracked].sort()).toEqual(['http://127.0.0.2:9/p.gif', 'https://127.0.0.2:9/banner.png']);
    expect(await hostile.getByTestId('message-images-bar').count()).toBe(0);
    expect(dialogs).toBe(0);
    // Nothing else left the page: the only foreign requests are the two images the agent allowed.
    expect([...foreign].sort()).toEqual([...tracked].sort());
  });
});
