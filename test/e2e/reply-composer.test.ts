import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { repoRoot, startApp, type AppUnderTest } from '../support/app-under-test';
import { addReplyMailbox, caseIdBySubject, openDesk, signedInPage } from './case-helpers';

let app: AppUnderTest;
let browser: Browser;
const pageErrors: string[] = [];
const shot = (name: string) => path.join(repoRoot, 'docs', 'screenshots', name);

beforeAll(async () => {
  app = await startApp();
  addReplyMailbox(app);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

async function openFromInProgress(page: Page, subject: string): Promise<void> {
  await openDesk(page, 'nav-in-progress');
  await page.getByTestId('case-row').filter({ hasText: subject }).click();
  await expect.poll(() => page.getByTestId('case-subject').textContent()).toBe(subject);
  await page.getByTestId('composer').waitFor();
}

/** Opens a case by its address, as a deep link would (the desk of another agent does not list it). */
async function openById(page: Page, caseId: number): Promise<void> {
  await page.evaluate(`window.location.hash = '#/dossier/${caseId}'`);
  await page.getByTestId('case-view').waitFor();
}

describe('replying to a contact', () => {
  it('replies with a CC from the address book and an attachment, previewed, then closes the case', async () => {
    const subject = 'Demande de duplicata de facture';
    const page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    await openFromInProgress(page, subject);

    const to = page.getByTestId('composer-to');
    const contact = app.core.db.sqlite
      .prepare('SELECT c.email FROM contacts c JOIN cases k ON k.contact_id = c.id WHERE k.subject = ?')
      .get(subject) as { email: string };
    expect(await to.inputValue()).toBe(contact.email);
    expect(await to.getAttribute('readonly')).not.toBeNull();

    await page.getByTestId('composer-editor').click();
    await page.keyboard.type('Bonjour Madame, vous trouverez ci-joint le duplicata de votre facture.');

    // Typed addresses: checked by the reply's schema, and never twice whatever their case.
    await page.getByTestId('composer-bcc-input').fill('pas-une-adresse');
    await page.getByTestId('composer-bcc-input').press('Enter');
    await expect.poll(() => page.getByTestId('composer-bcc-error').textContent()).toMatch(/adresse|e-mail/i);
    await page.getByTestId('composer-bcc-input').fill(contact.email.toUpperCase());
    await page.getByTestId('composer-bcc-input').press('Enter');
    await expect.poll(() => page.getByTestId('composer-bcc-error').textContent()).toContain('figure déjà');
    await page.getByTestId('composer-bcc-input').fill('');
    expect(await page.getByTestId('composer-bcc').getByTestId('recipient-chip').count()).toBe(0);

    await page.getByTestId('composer-cc-search').click();
    await page.getByTestId('contact-search-query').fill('Garcia');
    await page.getByTestId('contact-search-submit').click();
    await page.getByTestId('contact-search-result').first().click();
    await expect.poll(() => page.getByTestId('composer-cc').getByTestId('recipient-chip').textContent()).toContain('isabelle.garcia@example.net');

    await page.getByTestId('composer-file-input').setInputFiles({
      name: 'duplicata-janvier.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Facture de janvier : 39,90 €'),
    });
    await expect.poll(() => page.getByTestId('composer-attachment').textContent()).toContain('duplicata-janvier.txt');
    await page.getByTestId('composer').scrollIntoViewIfNeeded();
    await page.screenshot({ path: shot('composer.png') });

    await page.getByTestId('composer-preview').click();
    const preview = page.getByTestId('reply-preview');
    await expect.poll(() => preview.getByTestId('preview-cc').textContent()).toContain('isabelle.garcia@example.net');
    expect(await preview.getByTestId('preview-attachments').textContent()).toContain('duplicata-janvier.txt');
    expect(await preview.getByTestId('preview-subject').textContent()).toMatch(/^RE: Demande de duplicata de facture \[#\d{6}\]$/);
    await page.screenshot({ path: shot('preview.png') });
    await preview.getByTestId('preview-close').click();

    await page.getByTestId('action-reply_and_close').click();
    await expect.poll(() => page.getByTestId('case-notice').textContent()).toContain('le dossier est clos');
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Clos');

    const caseId = caseIdBySubject(app, subject);
    const outbox = app.core.db.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE case_id = ? AND kind = 'reply'`).get(caseId) as { n: number };
    expect(outbox.n).toBe(1);

    await page.getByTestId('tab-desk').click();
    await openDesk(page, 'nav-processed');
    await expect.poll(() => page.getByTestId('case-row').filter({ hasText: subject }).count()).toBe(1);
    await page.close();
  });

  it('shows a colleague the draft with who saved it and when', async () => {
    const subject = 'Commande CMD-785230 incomplète';
    const camille = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    await openFromInProgress(camille, subject);
    await camille.getByTestId('composer-editor').click();
    await camille.keyboard.type('Le chargeur manquant part aujourd’hui.');
    await camille.getByTestId('action-save_draft').click();
    await expect.poll(() => camille.getByTestId('case-notice').textContent()).toContain('Brouillon enregistré');

    // Sophie supervises every desk; Lucas's rights are the core's business (covered by its tests).
    const sophie = await signedInPage(browser, app, 'Sophie Durand', pageErrors);
    await openById(sophie, caseIdBySubject(app, subject));
    const saved = sophie.getByTestId('draft-saved');
    await expect.poll(() => saved.textContent()).toMatch(/Enregistré par Camille Martin le \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    await expect
      .poll(() => sophie.frameLocator('[data-testid="draft"] [data-testid="mail-frame"]').locator('body').textContent())
      .toContain('Le chargeur manquant');
    await camille.close();
    await sophie.close();
  });

  it('keeps the agent’s text when the case changed meanwhile, with the core’s French message', async () => {
    const subject = 'Changement d’adresse de livraison';
    const page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    await openDesk(page, 'nav-queue', 'Service clients');
    await page.getByTestId('case-row').filter({ hasText: subject }).getByTestId('case-take').click();
    await page.getByTestId('composer').waitFor();
    await page.getByTestId('composer-editor').click();
    await page.keyboard.type('Vous pouvez modifier votre adresse dans votre espace client.');
    // A change the screen has not heard of (no event): the version it holds is now stale.
    app.core.db.sqlite.prepare('UPDATE cases SET version = version + 1 WHERE id = ?').run(caseIdBySubject(app, subject));
    await page.getByTestId('action-reply_and_wait').click();
    const error = page.getByTestId('composer-error');
    await expect.poll(() => error.textContent()).toContain('a été modifié');
    expect(await page.getByTestId('composer-editor').textContent()).toContain('Vous pouvez modifier votre adresse');
    // The case was read again: the same text now goes out.
    await page.getByTestId('action-reply_and_wait').click();
    await expect.poll(() => page.getByTestId('case-notice').textContent()).toContain('attend le contact');
    await page.close();
  });

  it('offers no "Répondre sans clore" on a push-queue case', async () => {
    const page = await signedInPage(browser, app, 'Lucas Bernard', pageErrors);
    await openFromInProgress(page, 'Retard de livraison sur chantier');
    await page.getByTestId('action-reply_and_close').waitFor();
    expect(await page.getByTestId('action-reply_keep_open').count()).toBe(0);
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
