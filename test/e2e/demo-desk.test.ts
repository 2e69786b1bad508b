import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';

let app: AppUnderTest;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'fr-FR' });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the demo desk in Chromium, served by the browser host', () => {
  it('signs a demo agent in and shows the En cours desk in French', async () => {
    await page.goto(app.host.url);
    await page.getByTestId('signin-login').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('fr');
    // Typed, as on a real centre; the other journeys pick the demo's account from its list.
    await page.getByTestId('signin-login').fill('camille.martin');
    await page.getByTestId('signin-password').fill('demo');
    await page.getByTestId('signin-submit').click();

    await expect.poll(() => page.getByTestId('desk-title').textContent()).toContain('En cours');
    const rows = page.getByTestId('case-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    const badges = await page.getByTestId('state-badge').allTextContents();
    const frenchLabels = ['A traiter', 'A traiter (bis)', 'Retour contact'];
    expect(badges.length).toBeGreaterThan(0);
    for (const badge of badges) expect(frenchLabels).toContain(badge.trim());
    // The secret left the address bar once read.
    expect(page.url()).not.toContain('token=');
    await page.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'demo-desk.png') });
    expect(pageErrors).toEqual([]);
  });

  it('refuses a wrong password on the password field, in French', async () => {
    const other = await browser.newPage();
    await other.goto(app.host.url);
    await other.getByTestId('signin-demo-account').filter({ hasText: 'Camille Martin' }).click();
    await other.getByTestId('signin-password').fill('faux');
    await other.getByTestId('signin-submit').click();
    await expect.poll(() => other.getByTestId('signin-error').textContent()).toContain('mot de passe incorrect');
    await other.close();
  });
});
