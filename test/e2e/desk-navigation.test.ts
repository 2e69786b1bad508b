import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { startApp, type AppUnderTest } from '../support/app-under-test';
import { signedInPage } from './case-helpers';
import { french, seedBigDesk } from './desk-helpers';

let app: AppUnderTest;
let browser: Browser;
let page: Page;
let total: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  // Several pages: the keyboard's End must fetch the rest.
  total = seedBigDesk(app.core, 'Camille Martin', 1200);
  browser = await launchChromium();
  page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const grid = () => page.getByTestId('case-grid');
const rowNumbers = () => page.getByTestId('row-number').allTextContents();
const selected = () => page.locator('[data-testid="case-row"][aria-selected="true"]');
const sql = <T>(query: string, ...params: unknown[]) => app.core.db.sqlite.prepare(query).all(...params) as T[];

/** Opens the selected row with Enter and answers the number the case view shows, then comes back. */
async function openSelected(): Promise<string> {
  const expected = await selected().getByTestId('row-number').textContent();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.getByTestId('case-number').textContent()).toContain(expected ?? '?');
  await page.getByTestId('tab-desk').click();
  await grid().waitFor();
  return expected ?? '';
}

describe('the desk from the keyboard, sorted, filtered and searched', () => {
  it('sorts by number both ways, as the core does', async () => {
    const numbers = sql<{ number: string }>('SELECT number FROM cases WHERE merged_into_id IS NULL ORDER BY number').map((r) => r.number);
    await page.getByTestId('sort-number').click();
    await expect.poll(async () => (await rowNumbers())[0]).toBe(numbers.at(-1));
    expect(await page.locator('[role="columnheader"][aria-sort="descending"]').textContent()).toContain('N°');
    await page.getByTestId('sort-number').click();
    await expect.poll(async () => (await rowNumbers()).slice(0, 3)).toEqual(numbers.slice(0, 3));
  });

  it('moves the selection with the arrows, Home and End, and opens the selected case with Enter', async () => {
    await grid().focus();
    await page.keyboard.press('Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await selected().getAttribute('aria-rowindex')).toBe('4');
    expect(await grid().getAttribute('aria-activedescendant')).toBe(await selected().getAttribute('id'));
    const numbers = sql<{ number: string }>('SELECT number FROM cases WHERE merged_into_id IS NULL ORDER BY number').map((r) => r.number);
    expect(await openSelected()).toBe(numbers[2]);

    // End reaches the last case, past the first page, and scrolls it into view.
    await grid().focus();
    await page.keyboard.press('End');
    await expect.poll(() => selected().getAttribute('aria-rowindex')).toBe(String(total + 1));
    expect(await openSelected()).toBe(numbers.at(-1));
    await grid().focus();
    await page.keyboard.press('PageUp');
    const afterPageUp = Number(await selected().getAttribute('aria-rowindex'));
    expect(afterPageUp).toBeLessThan(total - 5);
    expect(await selected().isVisible()).toBe(true);
  });

  it('comes back from a case to the desk where the agent had scrolled it', async () => {
    const scrollTop = () => page.evaluate(`document.querySelector('[data-testid="case-grid"]').scrollTop`);
    await page.evaluate(`document.querySelector('[data-testid="case-grid"]').scrollTo({ top: 6000 })`);
    // Row 155 shows just below the top at 6000 px (40 px rows), past the first page: loaded on scrolling.
    const row = page.locator('[data-testid="case-row"][aria-rowindex="157"]');
    await row.waitFor();
    const number = await row.getByTestId('row-number').textContent();
    await row.click();
    await expect.poll(() => page.getByTestId('case-number').textContent()).toContain(number ?? '?');
    await page.getByTestId('tab-desk').click();
    await grid().waitFor();
    await expect.poll(scrollTop).toBe(6000);
    expect(await row.getByTestId('row-number').textContent()).toBe(number);
  });

  it('filters by state and unread, and says how many cases are left', async () => {
    await page.getByTestId('desk-filters-toggle').click();
    await page.getByTestId('filter-state-todo').uncheck();
    await page.getByTestId('filter-state-todo_bis').uncheck();
    const replied = sql<{ n: number }>(`SELECT count(*) AS n FROM cases WHERE merged_into_id IS NULL AND state = 'contact_replied'`)[0]?.n;
    await expect.poll(() => page.getByTestId('desk-count').textContent()).toBe(`${french(replied ?? 0)} dossiers`);
    expect(new Set(await page.getByTestId('state-badge').allTextContents())).toEqual(new Set(['Retour contact']));

    await page.getByTestId('filter-unread').check();
    const unread = sql<{ n: number }>(
      `SELECT count(*) AS n FROM cases WHERE merged_into_id IS NULL AND state = 'contact_replied' AND unread = 1`,
    )[0]?.n;
    await expect.poll(() => page.getByTestId('desk-count').textContent()).toBe(`${french(unread ?? 0)} dossiers`);
    expect(await page.getByTestId('unread-marker').count()).toBe(await page.getByTestId('case-row').count());

    // The last state cannot be unchecked: the schema's message shows on the field, nothing is asked.
    await page.getByTestId('filter-state-contact_replied').uncheck();
    expect(await page.getByTestId('error-states').textContent()).toBe('Choisissez au moins un état.');
    await page.getByTestId('filters-clear').click();
    await expect.poll(() => page.getByTestId('desk-count').textContent()).toBe(`${french(total)} dossiers`);
  });

  it('searches from "/", then opens a result from the keyboard', async () => {
    await page.locator('body').click({ position: { x: 5, y: 300 } });
    await page.keyboard.press('/');
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('desk-search');
    await page.keyboard.type('duplicata');
    await expect.poll(() => page.getByTestId('desk-count').textContent()).toMatch(/résultats?$/);
    const rows = page.getByTestId('case-row');
    await expect.poll(() => rows.filter({ hasText: 'Demande de duplicata de facture' }).count()).toBeGreaterThan(0);
    for (const text of await rows.allTextContents()) expect(text.toLowerCase()).toContain('duplicata');
    // Searching orders by relevance: the sort headers step aside.
    expect(await page.getByTestId('sort-number').isDisabled()).toBe(true);

    await grid().focus();
    await page.keyboard.press('ArrowDown');
    await openSelected();
    expect(pageErrors).toEqual([]);
  });
});
