import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { type AppUnderTest, screenshotsDir, startApp } from '../support/app-under-test';
import { signedInPage } from './case-helpers';
import { french, scrollCases, seedBigDesk, startFrameProbe, stopFrameProbe } from './desk-helpers';

/** The acceptance: no frame longer than this while the 10 000-case desk scrolls and filters. */
const frameBudgetMs = 100;

let app: AppUnderTest;
let browser: Browser;
let page: Page;
let desk: number;
const pageErrors: string[] = [];

beforeAll(async () => {
  app = await startApp();
  desk = seedBigDesk(app.core, 'Camille Martin', 10_000);
  browser = await launchChromium();
  page = await signedInPage(browser, app, 'Camille Martin', pageErrors);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const grid = () => page.getByTestId('case-grid');
const numbers = () => page.getByTestId('row-number').allTextContents();

describe('a 10 000-case desk', () => {
  it('lists every case in one scrollable grid that renders only what is in view', async () => {
    expect(desk).toBeGreaterThanOrEqual(10_000);
    await expect.poll(() => page.getByTestId('desk-count').textContent()).toBe(`${french(desk)} dossiers`);
    expect(await grid().getAttribute('aria-rowcount')).toBe(String(desk + 1));
    const rendered = await page.getByTestId('case-row').count();
    expect(rendered).toBeGreaterThan(10);
    expect(rendered).toBeLessThan(100);
  });

  it('scrolls through thousands of rows, pages loading on the way, with no frame over 100 ms', async () => {
    const type = await startFrameProbe(page);
    // 1 500 rows at a fast wheel's pace (6 rows a frame, 360 a second): pages come in on the way.
    await scrollCases(page, 240, 250);
    const report = await stopFrameProbe(page);
    expect(['long-animation-frame', 'longtask']).toContain(type);
    expect(report.frames).toBeGreaterThan(150);
    expect(report.longest, JSON.stringify(report)).toBeLessThan(frameBudgetMs);
    expect(report.maxGap, JSON.stringify(report)).toBeLessThan(frameBudgetMs);
    // The rows in view are real cases by then, not placeholders.
    await expect.poll(() => page.getByTestId('case-row-pending').count()).toBe(0);
    const firstInView = Number(await page.getByTestId('case-row').first().getAttribute('aria-rowindex'));
    expect(firstInView).toBeGreaterThan(1400);
  });

  it('filters the whole desk by state with no frame over 100 ms', async () => {
    await page.getByTestId('desk-filters-toggle').click();
    await page.getByTestId('desk-filters').waitFor();
    await page.screenshot({ path: path.join(screenshotsDir, 'desk-10000-filters.png') });
    const expected = app.core.db.sqlite
      .prepare(`SELECT count(*) AS n FROM cases WHERE merged_into_id IS NULL AND state IN ('todo', 'contact_replied')`)
      .get() as { n: number };

    await startFrameProbe(page);
    await page.getByTestId('filter-state-todo_bis').uncheck();
    await expect.poll(() => page.getByTestId('desk-count').textContent()).toBe(`${french(expected.n)} dossiers`);
    await scrollCases(page, 400, 60);
    const report = await stopFrameProbe(page);
    expect(report.longest, JSON.stringify(report)).toBeLessThan(frameBudgetMs);
    expect(report.maxGap, JSON.stringify(report)).toBeLessThan(frameBudgetMs);
    const badges = await page.getByTestId('state-badge').allTextContents();
    expect(badges.length).toBeGreaterThan(10);
    expect(new Set(badges)).not.toContain('A traiter (bis)');
    expect(await numbers()).not.toHaveLength(0);
    expect(pageErrors).toEqual([]);
  });
});
