import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { type AppUnderTest, screenshotsDir, startApp } from '../support/app-under-test';
import { openDesk, signedInPage } from './case-helpers';

let app: AppUnderTest;
let browser: Browser;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function takeFromQueue(page: Page, queue: string, subject: string, label: string): Promise<void> {
  await openDesk(page, 'nav-queue', queue);
  const row = page.getByTestId('case-row').filter({ hasText: subject });
  const take = row.getByTestId('case-take');
  await expect.poll(() => take.textContent()).toContain(label);
  await take.click();
  await expect.poll(() => page.getByTestId('case-subject').textContent()).toBe(subject);
  await expect.poll(() => page.getByTestId('case-tab').count()).toBe(1);
}

async function expectInProgress(page: Page, subject: string): Promise<void> {
  await page.getByTestId('tab-desk').click();
  await openDesk(page, 'nav-in-progress');
  await expect.poll(() => page.getByTestId('case-row').filter({ hasText: subject }).count()).toBe(1);
}

describe('taking a case from a queue opens it in a workspace tab', () => {
  it('Camille takes a case from the pull queue; it is then in her En cours', async () => {
    const page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    await takeFromQueue(page, 'Service clients', 'Facture de mars incompréhensible', 'Prendre');
    expect(await page.getByTestId('case-state').textContent()).toBe('A traiter');
    await page.screenshot({ path: path.join(screenshotsDir, 'case-view.png') });
    await expectInProgress(page, 'Facture de mars incompréhensible');

    // The tab stays open beside the desk, and closes back to the desk.
    await page.getByTestId('case-tab').click();
    await page.getByTestId('case-view').waitFor();
    await page.getByTestId('case-tab-close').click();
    await expect.poll(() => page.getByTestId('case-tab').count()).toBe(0);
    await page.getByTestId('desk-title').waitFor();
    await page.close();
  });

  it('Lucas accepts a case the push queue offers; it is then in his En cours', async () => {
    const page = await signedInPage(browser, app, 'Lucas Bernard', pageErrors);
    await takeFromQueue(page, 'Réclamations', 'Colis reçu endommagé', 'Accepter la prise en charge');
    await expectInProgress(page, 'Colis reçu endommagé');
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
