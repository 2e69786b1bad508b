import type { Browser, Page } from 'playwright-core';
import type { AppUnderTest } from '../support/app-under-test';

/** A new page of the app signed in as one of the demo agents (password `demo`). */
export async function signedInPage(browser: Browser, app: AppUnderTest, agent: string, errors: string[] = []): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'fr-FR' });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(app.host.url);
  await page.getByTestId('signin-agent').selectOption({ label: agent });
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
 * Replies need a sending mailbox (as the core tests' `addDefaultMailbox`). The demo may come with one
 * some day: then it is used as it is.
 */
export function addReplyMailbox(app: AppUnderTest): void {
  const db = app.core.db.sqlite;
  if (db.prepare(`SELECT 1 FROM settings WHERE key = 'reply_mailbox_id'`).get()) return;
  const existing = db.prepare('SELECT id FROM mailboxes ORDER BY id LIMIT 1').get() as { id: number } | undefined;
  const { id } = existing ?? (db
    .prepare(
      `INSERT INTO mailboxes (name, address, sender_name, imap_host, imap_port, imap_tls, imap_user,
         smtp_host, smtp_port, smtp_tls, smtp_user, secret_key, queue_id)
       VALUES ('Service clients', 'service.clients@centre-demo.example.com', 'Centre de relation clients',
         '127.0.0.1', 993, 'implicit', 'service', '127.0.0.1', 465, 'implicit', 'service', 'mailbox.1', 1)
       RETURNING id`,
    )
    .get() as { id: number });
  db.prepare(`INSERT OR REPLACE INTO settings (key, value) VALUES ('reply_mailbox_id', ?)`).run(String(id));
}

/** Opens a desk through the navigation and waits for its rows. */
export async function openDesk(page: Page, testId: string, name?: string): Promise<void> {
  const link = name ? page.getByTestId(testId).filter({ hasText: name }) : page.getByTestId(testId);
  await link.click();
  await page.getByTestId('desk-count').waitFor();
}
