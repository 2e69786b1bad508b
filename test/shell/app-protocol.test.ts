import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { protocol } from 'electron';
import { contentSecurityPolicy, securityHeaders } from '../../electron/security/csp';
import { mimeTypeOf } from '../../electron/security/mime-types';
import {
  createAppRequestHandler,
  handleAppProtocol,
  isAppUrl,
  registerAppScheme,
  resolveAppFile,
} from '../../electron/shell/app-protocol';

vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() } }));

// A built renderer folder, with a secret file beside it that no URL may reach.
const base = mkdtempSync(path.join(tmpdir(), 'ud-shell-protocol-'));
const root = path.join(base, 'renderer');
mkdirSync(path.join(root, 'assets'), { recursive: true });
writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Unified</title>');
writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(path.join(root, 'assets', 'logo.svg'), '<svg/>');
writeFileSync(path.join(root, 'assets', 'font.woff2'), 'x');
writeFileSync(path.join(base, 'secret.txt'), 'TOP-SECRET');
afterAll(() => rmSync(base, { recursive: true, force: true }));

const serve = createAppRequestHandler(root);
const get = (url: string, method = 'GET') => serve(new Request(url, { method }));

describe('registerAppScheme', () => {
  it('registers app:// as a standard secure scheme, without corsEnabled or bypassCSP', () => {
    registerAppScheme(protocol);
    const [schemes] = vi.mocked(protocol.registerSchemesAsPrivileged).mock.calls[0]!;
    expect(schemes).toHaveLength(1);
    expect(schemes[0]!.scheme).toBe('app');
    expect(schemes[0]!.privileges).toMatchObject({ standard: true, secure: true });
    expect(schemes[0]!.privileges?.corsEnabled).toBeFalsy();
    expect(schemes[0]!.privileges?.bypassCSP).toBeFalsy();
    expect(schemes[0]!.privileges?.allowServiceWorkers).toBeFalsy();
  });

  it('handles the app scheme with the file handler', async () => {
    handleAppProtocol(root, protocol);
    const [scheme, handler] = vi.mocked(protocol.handle).mock.calls[0]!;
    expect(scheme).toBe('app');
    const response = await handler(new Request('app://unified/index.html'));
    expect(response.status).toBe(200);
  });
});

describe('the app:// handler', () => {
  it('serves the built files with their MIME type and the security headers', async () => {
    const cases: Array<[string, string]> = [
      ['app://unified/index.html', 'text/html; charset=utf-8'],
      ['app://unified/assets/index-abc.js', 'text/javascript; charset=utf-8'],
      ['app://unified/assets/index-abc.css', 'text/css; charset=utf-8'],
      ['app://unified/assets/logo.svg', 'image/svg+xml'],
      ['app://unified/assets/font.woff2', 'font/woff2'],
    ];
    for (const [url, type] of cases) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
      for (const [name, value] of Object.entries(securityHeaders())) {
        expect(response.headers.get(name), `${url} ${name}`).toBe(value);
      }
    }
    expect(await (await get('app://unified/index.html')).text()).toContain('<title>Unified</title>');
  });

  it('serves index.html for the root and answers HEAD without a body', async () => {
    expect(await (await get('app://unified/')).text()).toContain('<title>Unified</title>');
    const head = await get('app://unified/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('answers 404 for unknown paths and folders, with the CSP still on', async () => {
    for (const url of ['app://unified/nope.js', 'app://unified/assets', 'app://unified/assets/']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
    }
  });

  it('refuses every path that leaves the renderer folder', async () => {
    const attempts = [
      'app://unified/..%2fsecret.txt',
      'app://unified/assets/..%2f..%2fsecret.txt',
      'app://unified/%2e%2e%2fsecret.txt',
      'app://unified/%2e%2e/secret.txt',
      'app://unified/../secret.txt',
      'app://unified/..%5csecret.txt',
      'app://unified/%2f..%2f..%2fsecret.txt',
      'app://unified/index.html%00.png',
      'app://unified/%E0%A4%A',
      `app://unified/${encodeURIComponent(path.join(base, 'secret.txt'))}`,
    ];
    for (const url of attempts) {
      const response = await get(url);
      expect(response.status, url).not.toBe(200);
      expect(await response.text(), url).not.toContain('TOP-SECRET');
      expect(response.headers.get('content-security-policy'), url).toBe(contentSecurityPolicy());
    }
    expect((await get('app://unified/..%2fsecret.txt')).status).toBe(403);
  });

  it('serves only our host, and only GET and HEAD', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await serve(new Request('app://unified/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });
});

describe('pure helpers', () => {
  it('resolveAppFile keeps every answer inside the root', () => {
    expect(resolveAppFile(root, 'app://unified/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveAppFile(root, 'app://unified/..%2f..%2fetc%2fpasswd')).toBeNull();
    expect(resolveAppFile(root, 'https://unified/index.html')).toBeNull();
  });

  it('isAppUrl recognises our origin only', () => {
    expect(isAppUrl('app://unified/index.html')).toBe(true);
    expect(isAppUrl('app://unified')).toBe(true);
    expect(isAppUrl('app://unified.evil.example/')).toBe(false);
    expect(isAppUrl('https://unified/')).toBe(false);
    expect(isAppUrl('about:blank')).toBe(false);
  });

  it('mimeTypeOf falls back to an opaque type (nosniff keeps it opaque)', () => {
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream');
    expect(mimeTypeOf('X.HTML')).toBe('text/html; charset=utf-8');
  });
});
