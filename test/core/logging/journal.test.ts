import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logsFolder, mailLogName } from '../../../electron/core/logging/log-file';
import { readLogTail, readWholeLog } from '../../../electron/core/logging/log-tail';
import { createFileLogger } from '../../../electron/core/logging/logger';
import type { Clock } from '../../../electron/core/ports';

let dataDir: string;
beforeEach(() => void (dataDir = mkdtempSync(path.join(os.tmpdir(), 'ud-journal-'))));
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const clockAt = (iso: string): Clock & { advance(ms: number): void } => {
  let now = new Date(iso).getTime();
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
};
const journal = (name = 'unified.log') => readFileSync(path.join(logsFolder(dataDir), name), 'utf8');

describe('the journal file', () => {
  it('writes one timestamped line per event, with its level and the part of the product that speaks', async () => {
    const log = createFileLogger({ dataDir, clock: clockAt('2025-03-14T10:00:00.000Z'), echo: false });
    log.info('mailbox added', { mailbox: 3 });
    log.scoped('outbox').warn('message not sent', undefined, { reason: 'destinataire refusé\npar le serveur' });
    log.error('call cases.get failed', new Error('disk I/O error\nat the second line'));
    await log.close();

    const lines = journal().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe('2025-03-14T10:00:00.000Z INFO  [core] mailbox added · mailbox=3');
    expect(lines[1]).toBe('2025-03-14T10:00:00.000Z WARN  [outbox] message not sent · reason="destinataire refusé\\npar le serveur"');
    expect(lines[2]).toMatch(/^2025-03-14T10:00:00\.000Z ERROR \[core\] call cases\.get failed · Error: disk I\/O error ⏎ at the second line \(at /);
  });

  it('never writes passwords, tokens or message contents, whatever carries them', async () => {
    const secrets = ['S3cret-Pa55!', 'hunter2-imap', 'tok-9f8e7d6c', 'AHVzZXIAUzNjcmV0LVBhNTUh', 'Corps du message confidentiel', 'abcDEF123token'];
    const log = createFileLogger({ dataDir, clock: clockAt('2025-03-14T10:00:00.000Z'), echo: false });
    // What libraries put in their errors: nodemailer keeps the whole transport, auth included.
    const smtp = Object.assign(new Error('Invalid login: 535 Authentication failed'), {
      code: 'EAUTH',
      command: 'AUTH PLAIN AHVzZXIAUzNjcmV0LVBhNTUh',
      auth: { user: 'centre@test.local', pass: 'S3cret-Pa55!' },
      message_body: 'Corps du message confidentiel',
    });
    log.error('send failed', smtp, { password: 'S3cret-Pa55!', html: '<p>Corps du message confidentiel</p>', mailbox: 2 });
    log.warn('imap said: A1 LOGIN centre@test.local hunter2-imap', undefined, { config: { imap: { user: 'centre', pass: 'hunter2-imap' } } });
    log.info('open http://127.0.0.1:4000/?token=tok-9f8e7d6c then imaps://centre:hunter2-imap@mail.example.com', {
      headers: { Authorization: 'Bearer abcDEF123token' },
      text: 'Corps du message confidentiel',
    });
    log.info(`password=S3cret-Pa55! and mot de passe : hunter2-imap, body ${'QUJD'.repeat(60)}`);
    log.error('wrapped', new Error('outer', { cause: new Error('secret: tok-9f8e7d6c') }));
    await log.close();

    const text = journal();
    for (const secret of secrets) expect(text, secret).not.toContain(secret);
    expect(text).not.toContain('QUJDQUJD');
    expect(text.trimEnd().split('\n')).toHaveLength(5);
    expect(text).toContain('[masqué]');
    // What a support person needs stays: who, what, the server's answer.
    expect(text).toContain('Invalid login: 535 Authentication failed');
    expect(text).toContain('code=EAUTH');
    expect(text).toContain('mailbox=2');
    expect(text).toContain('[contenu omis, 36 caractères]');
  });

  it('rotates the file at its size and keeps the given number of old files', async () => {
    const log = createFileLogger({ dataDir, clock: clockAt('2025-03-14T10:00:00.000Z'), rotation: { size: '2K', keep: 2 }, echo: false });
    for (let i = 1; i <= 120; i++) log.info(`event number ${String(i).padStart(3, '0')}`, { padding: 'x'.repeat(40) });
    await log.close();

    const files = readdirSync(logsFolder(dataDir)).sort();
    expect(files).toEqual(['unified.log', 'unified.log.1', 'unified.log.2']);
    for (const file of files) expect(statSync(path.join(logsFolder(dataDir), file)).size).toBeLessThan(2048 + 200);
    // A file is rotated once a line takes it past the size: the newest line is in the current file or the last one rotated.
    expect(journal() + journal('unified.log.1')).toContain('event number 120');
    // The oldest lines went with the files past the two kept.
    expect(readFileSync(path.join(logsFolder(dataDir), 'unified.log.2'), 'utf8')).not.toContain('event number 001');
  });
});

describe('reading the journal back', () => {
  it('merges the files of both processes by time and gives the last lines', async () => {
    const clock = clockAt('2025-03-14T10:00:00.000Z');
    const main = createFileLogger({ dataDir, clock, echo: false });
    const mail = createFileLogger({ dataDir, clock, fileName: mailLogName, scope: 'mail', echo: false });
    for (let i = 1; i <= 4; i++) {
      main.info(`main ${i}`);
      clock.advance(1000);
      mail.info(`mail ${i}`);
      clock.advance(1000);
    }
    await Promise.all([main.close(), mail.close()]);

    const tail = await readLogTail(dataDir, 3);
    expect(tail.map((line) => line.replace(/^.* \[(core|mail)\] /, ''))).toEqual(['mail 3', 'main 4', 'mail 4']);
    const whole = await readWholeLog(dataDir);
    expect(whole.trimEnd().split('\n').map((line) => line.split('] ')[1])).toEqual(['main 1', 'mail 1', 'main 2', 'mail 2', 'main 3', 'mail 3', 'main 4', 'mail 4']);
  });

  it('answers no line when nothing was written yet', async () => {
    expect(await readLogTail(dataDir, 10)).toEqual([]);
    expect(await readWholeLog(dataDir)).toBe('');
  });
});

describe('a journal closed with its core', () => {
  it('never makes the data folder again for a late line', async () => {
    const log = createFileLogger({ dataDir, clock: clockAt('2025-03-14T10:00:00.000Z'), echo: false });
    log.info('first');
    await log.close();
    rmSync(dataDir, { recursive: true, force: true });
    const printed = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    log.warn('late, from a call still on its way');
    const lines = printed.mock.calls.map(([line]) => String(line));
    printed.mockRestore();
    expect(existsSync(dataDir)).toBe(false);
    expect(lines).toEqual([expect.stringContaining('WARN  [core] late, from a call still on its way')]);
  });
});
