import type { Page } from 'playwright-core';
import { createApi, type Api } from '../../shared/contract/client';
import { seedLarge } from '../../electron/core/demo/seed-large';
import type { Core } from '../../electron/core/create-core';

/**
 * Grows the demo to `cases` cases with the large seed's bulk writer, then hands every open or
 * reopenable one to one agent: their En cours becomes a desk of that many rows. Before the page
 * opens, straight into the app's SQLite.
 */
export function seedBigDesk(core: Core, agentName: string, cases: number): number {
  seedLarge(core.db, { clock: core.clock, cases, contacts: Math.ceil(cases / 10) });
  const db = core.db.sqlite;
  const { id } = db.prepare('SELECT id FROM agents WHERE display_name = ?').get(agentName) as { id: number };
  db.prepare(
    `UPDATE cases SET assignee_id = ?,
       state = CASE WHEN state IN ('todo', 'todo_bis', 'contact_replied') THEN state ELSE 'todo_bis' END
     WHERE merged_into_id IS NULL`,
  ).run(id);
  const { n } = db.prepare('SELECT count(*) AS n FROM cases WHERE merged_into_id IS NULL').get() as { n: number };
  return n;
}

/**
 * Starts measuring frames in the page: every long animation frame (or long task, on a Chromium
 * without the LoAF API) and the gap between consecutive requestAnimationFrame callbacks.
 */
export async function startFrameProbe(page: Page): Promise<string> {
  return page.evaluate(`(() => {
    const probe = { longest: 0, entries: 0, maxGap: 0, frames: 0, running: true };
    const type = PerformanceObserver.supportedEntryTypes.includes('long-animation-frame') ? 'long-animation-frame' : 'longtask';
    probe.observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        probe.entries++;
        probe.longest = Math.max(probe.longest, entry.duration);
      }
    });
    probe.observer.observe({ type, buffered: false });
    let last = performance.now();
    const tick = (now) => {
      probe.maxGap = Math.max(probe.maxGap, now - last);
      probe.frames++;
      last = now;
      if (probe.running) requestAnimationFrame(tick);
    };
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
    window.__frameProbe = probe;
    return type;
  })()`);
}

export interface FrameReport {
  /** Longest long-animation-frame (or long task) seen, in ms; 0 when none passed 50 ms. */
  longest: number;
  entries: number;
  /** Longest gap between two animation frames, in ms. */
  maxGap: number;
  frames: number;
}

/** Stops the probe and answers what it measured. */
export async function stopFrameProbe(page: Page): Promise<FrameReport> {
  return page.evaluate(`(async () => {
    const probe = window.__frameProbe;
    // One more frame, so that entries of the last frames are delivered.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50)));
    probe.running = false;
    for (const entry of probe.observer.takeRecords()) {
      probe.entries++;
      probe.longest = Math.max(probe.longest, entry.duration);
    }
    probe.observer.disconnect();
    return { longest: probe.longest, entries: probe.entries, maxGap: probe.maxGap, frames: probe.frames };
  })()`);
}

/**
 * Scrolls the case list by `step` pixels per animation frame, `frames` times, as a wheel would:
 * writes only, so that the script itself never forces a layout the app would not have.
 */
export async function scrollCases(page: Page, step: number, frames: number): Promise<void> {
  await page.evaluate(`(async () => {
    const scroller = document.querySelector('[data-testid="case-grid"]');
    let top = scroller.scrollTop;
    for (let i = 0; i < ${frames}; i++) {
      top += ${step};
      scroller.scrollTop = top;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
  })()`);
}

/** A second client of the same core, signed in: another agent's window, without a browser. */
export async function coreClient(core: Core, agentName: string): Promise<Api> {
  const connection = core.connect();
  const api = createApi({
    invoke: (name, input) => connection.call(name, input),
    subscribe: (listener) => connection.onEvent(listener),
  });
  const agent = (await api.session.agents()).find((candidate) => candidate.displayName === agentName);
  if (!agent) throw new Error(`no agent ${agentName}`);
  await api.session.signIn({ login: agent.login, password: 'demo' });
  return api;
}

/** A count as the French desk writes it ("10 000", with a narrow no-break space). */
export const french = (count: number) => new Intl.NumberFormat('fr').format(count);

/** Marks the page's document: still marked later means it was never reloaded. */
export async function markDocument(page: Page): Promise<void> {
  await page.evaluate('window.__sameDocument = true');
}

export async function sameDocument(page: Page): Promise<boolean> {
  return page.evaluate('window.__sameDocument === true');
}
