import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { type AppUnderTest, screenshotsDir, startApp } from '../support/app-under-test';
import { openDesk, signedInPage } from './case-helpers';

let app: AppUnderTest;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  page = await signedInPage(browser, app, 'Sophie Durand', pageErrors);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const subjects = (where: string, ...params: unknown[]) =>
  (app.core.db.sqlite.prepare(`SELECT subject FROM cases c WHERE merged_into_id IS NULL AND ${where}`).all(...params) as { subject: string }[])
    .map((row) => row.subject)
    .sort();
const agentId = (name: string) => (app.core.db.sqlite.prepare('SELECT id FROM agents WHERE display_name = ?').get(name) as { id: number }).id;
const shownSubjects = async () => (await page.locator('[data-testid="case-row"] [role="gridcell"]:nth-child(4)').allTextContents()).map((s) => s.trim()).sort();

describe('a supervisor’s desks', () => {
  it('opens any agent’s En cours and Traités from the agent picker', async () => {
    const camille = agentId('Camille Martin');
    const pickable = await page.getByTestId('agent-picker').locator('option').allTextContents();
    expect(pickable).toEqual(['Moi', 'Camille Martin', 'Lucas Bernard']);

    await page.getByTestId('agent-picker').selectOption({ label: 'Camille Martin' });
    await expect.poll(() => page.getByTestId('desk-title').textContent()).toBe('En cours de Camille Martin');
    await expect.poll(shownSubjects).toEqual(subjects(`assignee_id = ? AND state IN ('todo','todo_bis','contact_replied')`, camille));

    await page.getByTestId('nav-processed').click();
    await expect.poll(() => page.getByTestId('desk-title').textContent()).toBe('Traités de Camille Martin');
    await expect.poll(shownSubjects).toEqual(subjects(`assignee_id = ? AND state IN ('waiting_contact','in_validation','closed')`, camille));
    expect(page.url()).toContain(`agent=${camille}`);

    await page.getByTestId('agent-picker').selectOption({ label: 'Moi' });
    await expect.poll(() => page.getByTestId('desk-title').textContent()).toBe('Traités');
  });

  it('narrows the Validation desk to one agent', async () => {
    await openDesk(page, 'nav-validation');
    const all = subjects(`state = 'in_validation'`);
    expect(all.length).toBeGreaterThan(1);
    await expect.poll(shownSubjects).toEqual(all);
    await page.getByTestId('desk-filters-toggle').click();
    await page.getByTestId('field-filter-assignee').selectOption({ label: 'Lucas Bernard' });
    await expect.poll(shownSubjects).toEqual(subjects(`state = 'in_validation' AND assignee_id = ?`, agentId('Lucas Bernard')));
    await page.screenshot({ path: path.join(screenshotsDir, 'desk-supervisor-validation.png') });
    expect(pageErrors).toEqual([]);
  });

  it('offers no agent picker to an agent', async () => {
    const camille = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    expect(await camille.getByTestId('agent-picker').count()).toBe(0);
    await camille.close();
  });
});
