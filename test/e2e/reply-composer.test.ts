import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesSource, createApi, uploadFile, type Api } from '../../shared/contract';
import { tinyPng } from '../core/mail/outbox/outbox-world';
import { launchChromium } from '../rig';
import { startApp, type AppUnderTest } from '../support/app-under-test';
import { caseIdBySubject, openDesk, signedInPage } from './case-helpers';

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

async function openFromInProgress(page: Page, subject: string): Promise<void> {
  await openDesk(page, 'nav-in-progress');
  await page.getByTestId('case-row').filter({ hasText: subject }).click();
  await expect.poll(() => page.getByTestId('case-subject').textContent()).toBe(subject);
  await page.getByTestId('composer').waitFor();
}

/** A connection of the core signed in as a demo agent, as a second window of theirs would be. */
async function signedInApi(displayName: string): Promise<Api> {
  const connection = app.core.connect();
  const api = createApi({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
  const agent = (await api.session.agents()).find((a) => a.displayName === displayName);
  await api.session.signIn({ login: agent?.login ?? '', password: 'demo' });
  return api;
}

/** Opens a case by its address, as a deep link would (the desk of another agent does not list it). */
async function openById(page: Page, caseId: number): Promise<void> {
  await page.evaluate(`window.location.hash = '#/dossier/${caseId}'`);
  await page.getByTestId('case-view').waitFor();
}

describe('replying to a contact', () => {
  it('checks typed addresses, takes a CC from the address book, and warns before an over-size send', async () => {
    const subject = 'Demande de duplicata de facture';
    const caseId = caseIdBySubject(app, subject);
    // 19 Mo of files, above the 18 Mo most servers take once encoded: joined to the draft through
    // the contract (moving 19 Mo through the page's file input is the slow part, not the journey's).
    const api = await signedInApi('Camille Martin');
    const scan = await uploadFile(api, bytesSource('scan-factures-2024.pdf', 'application/pdf', Buffer.alloc(19 * 1024 * 1024, 0x25)));
    const { version } = await api.cases.get({ caseId });
    await api.cases.act({ caseId, version, action: 'save_draft', reply: { html: '', attachments: [scan] } });

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

    // The address book's other addresses (not contacts): the demo's loss adjuster.
    await page.getByTestId('composer-cc-search').click();
    await page.getByTestId('contact-search-query').fill('roche');
    await page.getByTestId('contact-search-submit').click();
    await page.getByTestId('contact-search-result').filter({ hasText: 'v.roche@expertise-roche.example.com' }).click();
    await expect
      .poll(() => page.getByTestId('composer-cc').getByTestId('recipient-chip').textContent())
      .toContain('Valérie Roche <v.roche@expertise-roche.example.com>');

    // The draft's scan makes the reply too big for many servers: the agent is asked first.
    expect(await page.getByTestId('composer-attachment').textContent()).toContain('scan-factures-2024.pdf (19,0 Mo)');
    expect(await page.getByTestId('composer-attachments-total').textContent()).toContain('19,0 Mo');
    await page.getByTestId('action-reply_and_close').click();
    const warning = page.getByTestId('composer-oversize');
    await expect.poll(() => warning.textContent()).toContain('Les pièces jointes font 19,0 Mo : au-delà de 18,0 Mo');
    await warning.getByTestId('composer-oversize-cancel').click();
    expect(await warning.count()).toBe(0);
    const replies = () =>
      (app.core.db.sqlite.prepare(`SELECT count(*) AS n FROM outbox WHERE case_id = ? AND kind = 'reply'`).get(caseId) as { n: number }).n;
    expect(replies()).toBe(0);

    await page.getByTestId('composer-attachment-remove').click();
    // A file dropped on the attachments joins the reply as one chosen with the button would.
    const dropped = await page.evaluateHandle(
      `(() => { const data = new DataTransfer(); data.items.add(new File(['Facture de janvier : 39,90 €'], 'duplicata-janvier.txt', { type: 'text/plain' })); return data; })()`,
    );
    await page.getByTestId('composer-attachments').dispatchEvent('drop', { dataTransfer: dropped });
    await expect.poll(() => page.getByTestId('composer-attachment').textContent()).toContain('duplicata-janvier.txt');
    await page.getByTestId('action-reply_and_close').click();
    await expect.poll(() => page.getByTestId('case-notice').textContent()).toContain('le dossier est clos');
    await expect.poll(() => page.getByTestId('case-state').textContent()).toBe('Clos');
    expect(replies()).toBe(1);

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
    // A picture pasted into the text (the toolbar's button is the other way, see reply-delivery).
    await camille.evaluate(`(() => {
      const data = new DataTransfer();
      const bytes = Uint8Array.from(atob('${tinyPng.toString('base64')}'), (c) => c.charCodeAt(0));
      data.items.add(new File([bytes], 'chargeur.png', { type: 'image/png' }));
      document.querySelector('[data-testid="composer-editor"]').dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await expect.poll(() => camille.getByTestId('composer-editor').locator('img').count()).toBe(1);
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
    // Her composer starts from the draft, picture included: fetched from the core, shown as `data:`.
    await expect
      .poll(() => sophie.getByTestId('composer-editor').locator('img').getAttribute('src'))
      .toBe(`data:image/png;base64,${tinyPng.toString('base64')}`);
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
    // Lucas is an agent, but an administrator granted him the change of recipient: his To is open.
    expect(await page.getByTestId('composer-to').getAttribute('readonly')).toBeNull();
    expect(await page.getByTestId('action-reply_keep_open').count()).toBe(0);
    // Called anyway, as a tampered screen would: the core refuses it, and nothing is sent.
    const caseId = caseIdBySubject(app, 'Retard de livraison sur chantier');
    const api = await signedInApi('Lucas Bernard');
    const { version, contact } = await api.cases.get({ caseId });
    const reply = { to: { address: contact.email ?? '' }, html: '<p>Nous revenons vers vous.</p>' };
    await expect(api.cases.act({ caseId, version, action: 'reply_keep_open', reply })).rejects.toMatchObject({
      code: 'refused',
      message: expect.stringMatching(/mode pull/),
    });
    expect((await api.cases.get({ caseId })).version).toBe(version);
    await page.close();
    expect(pageErrors).toEqual([]);
  });
});
