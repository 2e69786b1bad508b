import type { Browser, Page } from 'playwright-core';
import { createApi, type Api } from '../../shared/contract';
import type { AppUnderTest } from '../support/app-under-test';

/** A new page of the app signed in as one of the demo agents (password `demo`). */
export async function signedInPage(browser: Browser, app: AppUnderTest, agent: string, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'fr-FR' });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.host.url);
  await page.getByTestId('signin-demo-account').filter({ hasText: agent }).click();
  await page.getByTestId('signin-password').fill('demo');
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('desk-title').waitFor();
  return page;
}

/** Someone who can sign in: the sign-in screen asks for one of these and its password. */
export interface Account {
  login: string;
  displayName: string;
  password: string;
}

/**
 * The sign-in steps as the screen has them, in one place (the screen is moving to login + password):
 * today it lists the accounts by name.
 */
export async function signIn(page: Page, account: Account): Promise<void> {
  await page.getByTestId('signin-agent').selectOption({ label: account.displayName });
  await page.getByTestId('signin-password').fill(account.password);
  await page.getByTestId('signin-submit').click();
}

/** The case's id by its number, straight from the database the core writes. */
export function caseIdOf(app: AppUnderTest, number: string): number {
  const row = app.core.db.sqlite.prepare('SELECT id FROM cases WHERE number = ?').get(number) as { id: number } | undefined;
  if (!row) throw new Error(`no case ${number}`);
  return row.id;
}

export function caseIdBySubject(app: AppUnderTest, subject: string): number {
  const row = app.core.db.sqlite.prepare('SELECT id FROM cases WHERE subject = ?').get(subject) as { id: number } | undefined;
  if (!row) throw new Error(`no case "${subject}"`);
  return row.id;
}

/**
 * A window of the demo's administrator driven through the contract, making the calls the
 * administration screens make (for set-up a test does not watch in the browser).
 */
export async function demoAdministrator(app: AppUnderTest): Promise<Api> {
  const connection = app.core.connect();
  const api = createApi({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
  await api.session.signIn({ login: 'admin', password: 'demo' });
  return api;
}

/** Opens a desk through the navigation and waits for its rows. */
export async function openDesk(page: Page, testId: string, name?: string): Promise<void> {
  const link = name ? page.getByTestId(testId).filter({ hasText: name }) : page.getByTestId(testId);
  await link.click();
  await page.getByTestId('desk-count').waitFor();
}
