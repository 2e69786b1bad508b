import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../rig';
import { startApp, type AppUnderTest } from '../support/app-under-test';
import { openDesk, signedInPage } from './case-helpers';
import { coreClient, markDocument, sameDocument } from './desk-helpers';

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

const rowOf = (page: Page, caseId: number) => page.locator(`[data-testid="case-row"][data-case-id="${caseId}"]`);
const count = async (page: Page) => Number((await page.getByTestId('desk-count').textContent())?.match(/\d+/)?.[0] ?? 0);

function waitingInServiceQueue(): { id: number; subject: string; version: number }[] {
  return app.core.db.sqlite
    .prepare(
      `SELECT c.id, c.subject, c.version FROM cases c JOIN queues q ON q.id = c.queue_id
       WHERE q.name = 'Service clients' AND c.assignee_id IS NULL AND c.state = 'todo' AND c.merged_into_id IS NULL
       ORDER BY c.received_at DESC`,
    )
    .all() as { id: number; subject: string; version: number }[];
}

describe('desks follow changes made elsewhere, without a reload', () => {
  it('a case another agent takes leaves the queue; one taken from another window enters En cours', async () => {
    const waiting = waitingInServiceQueue();
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    const [first, second] = waiting as [(typeof waiting)[number], (typeof waiting)[number]];

    // Camille watches the pull queue in one window and her En cours in another.
    const queueView = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    await openDesk(queueView, 'nav-queue', 'Service clients');
    await rowOf(queueView, first.id).waitFor();
    const before = await count(queueView);
    const inProgress = await signedInPage(browser, app, 'Camille Martin', pageErrors);
    await expect.poll(() => rowOf(inProgress, second.id).count()).toBe(0);
    await Promise.all([markDocument(queueView), markDocument(inProgress)]);

    // Lucas takes the first case from his own window.
    const lucas = await signedInPage(browser, app, 'Lucas Bernard', pageErrors);
    await openDesk(lucas, 'nav-queue', 'Service clients');
    await rowOf(lucas, first.id).getByTestId('case-take').click();
    await lucas.getByTestId('case-view').waitFor();

    await expect.poll(() => rowOf(queueView, first.id).count()).toBe(0);
    await expect.poll(() => count(queueView)).toBe(before - 1);

    // Camille takes the second one through another connection to the core (another window).
    const camille = await coreClient(app.core, 'Camille Martin');
    await camille.cases.act({ caseId: second.id, version: second.version, action: 'take' });

    await expect.poll(() => rowOf(inProgress, second.id).count()).toBe(1);
    await expect.poll(() => rowOf(queueView, second.id).count()).toBe(0);
    await expect.poll(() => count(queueView)).toBe(before - 2);
    expect(await rowOf(inProgress, second.id).getByTestId('state-badge').textContent()).toBe('A traiter');
    expect(await sameDocument(queueView)).toBe(true);
    expect(await sameDocument(inProgress)).toBe(true);
    expect(pageErrors).toEqual([]);
  });
});
