import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';
import { caseIdBySubject, openDesk, signedInPage } from './case-helpers';

const subject = 'Demande de geste commercial';
const comment = 'Précisez le montant du geste : 10 € sur la prochaine facture.';

let app: AppUnderTest;
let browser: Browser;
let sophie: Page;
let camille: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  sophie = await signedInPage(browser, app, 'Sophie Durand', pageErrors);
  camille = await signedInPage(browser, app, 'Camille Martin', pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openFromDesk(page: Page, navTestId: string): Promise<void> {
  await page.getByTestId('tab-desk').click();
  await openDesk(page, navTestId);
  const row = page.getByTestId('case-row').filter({ hasText: subject });
  await expect.poll(() => row.count()).toBe(1);
  await row.click();
  await expect.poll(() => page.getByTestId('case-subject').textContent()).toBe(subject);
}

const replyRows = () =>
  (app.core.db.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE case_id = ? AND kind = 'reply'`).get(caseIdBySubject(app, subject)) as { n: number }).n;

describe('a supervisor validates a held reply', () => {
  it('refuses it with a mandatory comment; the agent sees it in the notepad, back in En cours', async () => {
    await openFromDesk(sophie, 'nav-validation');
    await expect.poll(() => sophie.getByTestId('draft-saved').textContent()).toContain('en attente de validation');
    await sophie.getByTestId('action-reject').click();
    await expect.poll(() => sophie.getByTestId('validation-comment-error').textContent()).toBe('Saisissez un commentaire pour expliquer le refus.');
    await sophie.getByTestId('validation-comment').fill(comment);
    await sophie.getByTestId('action-reject').click();
    await expect.poll(() => sophie.getByTestId('case-notice').textContent()).toContain('Réponse refusée');

    await openFromDesk(camille, 'nav-in-progress');
    await expect.poll(() => camille.getByTestId('note').filter({ hasText: comment }).count()).toBe(1);
  });

  it('the agent resubmits, the supervisor approves: exactly one reply leaves', async () => {
    await camille.getByTestId('composer').waitFor();
    await camille.getByTestId('composer-editor').click();
    await camille.keyboard.press('Control+End');
    await camille.keyboard.type(' Nous vous accordons 10 € sur votre prochaine facture.');
    await camille.getByTestId('action-submit_for_validation').click();
    await expect.poll(() => camille.getByTestId('case-notice').textContent()).toContain('soumise à la validation');
    expect(replyRows()).toBe(0);

    await openFromDesk(sophie, 'nav-validation');
    await expect
      .poll(() => sophie.frameLocator('[data-testid="draft"] [data-testid="mail-frame"]').locator('body').textContent())
      .toContain('10 € sur votre prochaine facture');
    await sophie.getByTestId('approve-closed').check();
    await sophie.getByTestId('validation-panel').scrollIntoViewIfNeeded();
    await sophie.screenshot({ path: path.join(repoRoot, 'docs', 'screenshots', 'validation.png'), fullPage: true });
    await sophie.getByTestId('action-approve').click();
    await expect.poll(() => sophie.getByTestId('case-notice').textContent()).toContain('Réponse acceptée');
    await expect.poll(() => sophie.getByTestId('case-state').textContent()).toBe('Clos');
    expect(replyRows()).toBe(1);
    expect(pageErrors).toEqual([]);
  });
});
