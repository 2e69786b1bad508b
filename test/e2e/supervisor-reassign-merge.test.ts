import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { type AppUnderTest, screenshotsDir, startApp } from '../support/app-under-test';
import { caseIdBySubject, openDesk, signedInPage } from './case-helpers';

/** Issue 5, "Supervisor": reassign a case, merge cases and undo the merge, from the case view. */

const master = 'Demande de duplicata de facture';
const other = 'Résiliation de mon contrat';

let app: AppUnderTest;
let browser: Browser;
let sophie: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  sophie = await signedInPage(browser, app, 'Sophie Durand', pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(screenshotsDir, `${name}.png`) });
const numberOf = (subject: string) =>
  (app.core.db.sqlite.prepare('SELECT number FROM cases WHERE subject = ?').get(subject) as { number: string }).number;
const messageCount = (subject: string) =>
  (app.core.db.sqlite.prepare('SELECT count(*) AS n FROM messages WHERE case_id = ?').get(caseIdBySubject(app, subject)) as { n: number }).n;

/** Opens a case the way a link does (a supervisor reaches any case). */
async function openCase(page: Page, subject: string): Promise<void> {
  await page.evaluate(`location.hash = '#/dossier/${caseIdBySubject(app, subject)}'`);
  await expect.poll(() => page.getByTestId('case-subject').textContent()).toBe(subject);
}

describe('a supervisor reassigns, merges and unmerges', () => {
  it('reassigns Camille’s case to Lucas: it is in Lucas’s En cours', async () => {
    await openCase(sophie, master);
    await sophie.getByTestId('supervisor-reassign').click();
    const dialog = sophie.getByTestId('reassign-dialog');
    await dialog.getByTestId('reassign-confirm').click();
    await expect.poll(() => dialog.getByTestId('reassign-agent-error').textContent()).toBe('Choisissez l’agent à qui confier le dossier.');
    await dialog.getByTestId('reassign-agent').selectOption({ label: 'Lucas Bernard' });
    await shot(sophie, 'supervisor-reassign');
    await dialog.getByTestId('reassign-confirm').click();
    await expect.poll(() => sophie.getByTestId('case-notice').textContent()).toBe(`Dossier ${numberOf(master)} réaffecté à Lucas Bernard.`);
    await expect.poll(() => sophie.getByTestId('case-assignee').textContent()).toBe('Lucas Bernard');
    expect(await sophie.getByTestId('reassign-dialog').count()).toBe(0);

    const lucas = await signedInPage(browser, app, 'Lucas Bernard', pageErrors);
    await openDesk(lucas, 'nav-in-progress');
    await expect.poll(() => lucas.getByTestId('case-row').filter({ hasText: master }).count()).toBe(1);
    await lucas.close();
  });

  it('hides the supervisor’s tools from an agent', async () => {
    const camille = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    await openCase(camille, other);
    await camille.getByTestId('message').first().waitFor();
    expect(await camille.getByTestId('supervisor-panel').count()).toBe(0);
    await camille.close();
  });

  it('merges a case found by its number: the master shows both threads; unmerging puts it back', async () => {
    const own = messageCount(master);
    const theirs = messageCount(other);
    await openCase(sophie, master);
    await expect.poll(() => sophie.getByTestId('message').count()).toBe(own);

    await sophie.getByTestId('supervisor-merge').click();
    const dialog = sophie.getByTestId('merge-dialog');
    await dialog.getByTestId('merge-confirm').click();
    await expect.poll(() => dialog.getByTestId('merge-error').textContent()).toBe('Choisissez au moins un dossier à fusionner.');
    await dialog.getByTestId('merge-query').fill(numberOf(other));
    await dialog.getByTestId('merge-search').click();
    const result = dialog.getByTestId('merge-result').filter({ hasText: other });
    await expect.poll(() => result.count()).toBe(1);
    await result.locator('input[type=checkbox]').check();
    await expect.poll(() => dialog.getByTestId('merge-picked').textContent()).toContain(numberOf(other));
    await shot(sophie, 'supervisor-merge');
    await dialog.getByTestId('merge-confirm').click();

    await expect
      .poll(() => sophie.getByTestId('case-notice').textContent())
      .toBe(`Dossier ${numberOf(other)} fusionné dans le dossier ${numberOf(master)}.`);
    await expect.poll(() => sophie.getByTestId('message').count()).toBe(own + theirs);
    expect(await sophie.getByTestId('message-merged-from').count()).toBe(theirs);
    expect(await sophie.getByTestId('message-merged-from').first().textContent()).toContain(numberOf(other));
    expect(await sophie.getByTestId('merged-case').textContent()).toContain(numberOf(other));

    await sophie.getByTestId('merged-case').getByTestId('supervisor-unmerge').click();
    await expect.poll(() => sophie.getByTestId('case-notice').textContent()).toBe(`Dossier ${numberOf(other)} retiré de la fusion.`);
    await expect.poll(() => sophie.getByTestId('message').count()).toBe(own);
    expect(await sophie.getByTestId('merged-case').count()).toBe(0);
    const row = app.core.db.sqlite.prepare('SELECT merged_into_id FROM cases WHERE subject = ?').get(other);
    expect(row).toEqual({ merged_into_id: null });
    expect(pageErrors).toEqual([]);
  });
});
