import { describe, expect, it, vi } from 'vitest';
import { EventEmitter } from 'node:events';
import type { BrowserWindow as ElectronWindow, BrowserWindowConstructorOptions, WebContents } from 'electron';
import { createMainWindow, hardenWebContents, isExternalWebUrl, isPermissionAllowed, windowOptions } from '../../electron/shell/window';
import { FakeWebContents, navigationEvent } from './fake-electron';

interface CreatedWindow {
  options: unknown;
  loadURL: ReturnType<typeof vi.fn>;
  show: ReturnType<typeof vi.fn>;
  maximize: ReturnType<typeof vi.fn>;
  emit(event: string): boolean;
}
const created: CreatedWindow[] = [];

class FakeBrowserWindow extends EventEmitter {
  loadURL = vi.fn(async () => undefined);
  show = vi.fn();
  maximize = vi.fn();
  constructor(readonly options: unknown) {
    super();
    created.push(this);
  }
}
const BrowserWindow = FakeBrowserWindow as unknown as new (options: BrowserWindowConstructorOptions) => ElectronWindow;

function hardened() {
  const contents = new FakeWebContents();
  const shell = { openExternal: vi.fn(async () => undefined) };
  hardenWebContents(contents as unknown as WebContents, shell);
  return { contents, shell };
}

describe('windowOptions', () => {
  it('turns on every isolation flag and off every Node or legacy door', () => {
    const { webPreferences, show } = windowOptions('/app/dist/electron/preload.cjs');
    expect(show).toBe(false);
    expect(webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
    expect(webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(webPreferences).not.toHaveProperty('additionalArguments');
  });

  it('is 1280×800 until the agent sizes it, and never smaller than the desks need', () => {
    expect(windowOptions('/p')).toMatchObject({ width: 1280, height: 800, minWidth: 960, minHeight: 600 });
    expect(windowOptions('/p')).not.toHaveProperty('x');
  });

  it('opens developer tools only when asked (development)', () => {
    expect(windowOptions('/p', { devTools: true }).webPreferences?.devTools).toBe(true);
  });
});

describe('createMainWindow', () => {
  it('loads our entry page and shows the window only when it is ready', () => {
    createMainWindow(BrowserWindow, '/p/preload.cjs');
    const window = created.at(-1)!;
    expect(window.options).toEqual(windowOptions('/p/preload.cjs'));
    expect(window.loadURL).toHaveBeenCalledWith('app://unified/index.html');
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledOnce();
    expect(window.maximize).not.toHaveBeenCalled();
  });

  it('opens where the agent left it: the placed bounds, maximized if it was', () => {
    const bounds = { x: 1930, y: 40, width: 1000, height: 700 };
    createMainWindow(BrowserWindow, '/p/preload.cjs', { bounds, maximized: true });
    const window = created.at(-1)!;
    expect(window.options).toMatchObject(bounds);
    window.emit('ready-to-show');
    expect(window.maximize).toHaveBeenCalledOnce();
    expect(window.show).not.toHaveBeenCalled();
  });
});

describe('hardenWebContents', () => {
  it('prevents navigation to any other origin, lets our own pages load', () => {
    const { contents } = hardened();
    for (const url of [
      'https://evil.example/',
      'http://127.0.0.1:8080/',
      'file:///etc/passwd',
      'app://other/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'not a url',
    ]) {
      const event = navigationEvent(url);
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented, url).toBe(true);
    }
    const ours = navigationEvent('app://unified/index.html#/desk');
    contents.emit('will-navigate', ours, ours.url);
    expect(ours.defaultPrevented).toBe(false);
  });

  it('refuses <webview> even if a page managed to create one', () => {
    const { contents } = hardened();
    const event = navigationEvent('');
    contents.emit('will-attach-webview', event, {}, {});
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window and opens only http(s) links in the system browser', () => {
    const { contents, shell } = hardened();
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://example.org/help' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://intranet.local/faq' })).toEqual({ action: 'deny' });
    for (const url of [
      'javascript:alert(1)',
      'file:///C:/Windows/System32/calc.exe',
      'smb://attacker.example/share',
      'ms-msdt:/id PCWDiagnostic',
      'app://unified/index.html',
      'mailto:someone@example.org',
      '',
    ]) {
      expect(open({ url }), url).toEqual({ action: 'deny' });
    }
    expect(shell.openExternal.mock.calls).toEqual([['https://example.org/help'], ['http://intranet.local/faq']]);
  });

  it('grants notifications to our pages and refuses camera, microphone, geolocation and the rest', () => {
    const { contents } = hardened();
    const request = contents.session.permissionRequestHandler!;
    const answer = (permission: string, requestingUrl = 'app://unified/index.html') => {
      const callback = vi.fn();
      request(contents, permission, callback, { requestingUrl, isMainFrame: true });
      return callback.mock.calls[0]?.[0];
    };
    expect(answer('notifications')).toBe(true);
    for (const permission of ['media', 'geolocation', 'display-capture', 'clipboard-read', 'openExternal', 'midiSysex', 'fileSystem', 'unknown']) {
      expect(answer(permission), permission).toBe(false);
    }
    expect(answer('notifications', 'https://evil.example/')).toBe(false);

    const check = contents.session.permissionCheckHandler!;
    expect(check(contents, 'notifications', 'app://unified', { isMainFrame: true })).toBe(true);
    expect(check(contents, 'geolocation', 'app://unified', { isMainFrame: true })).toBe(false);
    expect(check(contents, 'media', 'app://unified', { isMainFrame: true, mediaType: 'video' })).toBe(false);
    expect(check(contents, 'notifications', 'https://evil.example', { isMainFrame: false })).toBe(false);
  });
});

describe('pure checks', () => {
  it('isExternalWebUrl accepts only http and https', () => {
    expect(isExternalWebUrl('https://a.example')).toBe(true);
    expect(isExternalWebUrl('HTTP://A.EXAMPLE/x')).toBe(true);
    expect(isExternalWebUrl('  javascript:alert(1)')).toBe(false);
    expect(isExternalWebUrl('file:///etc')).toBe(false);
    expect(isExternalWebUrl('smb://host/share')).toBe(false);
  });

  it('isPermissionAllowed needs both the permission and our origin', () => {
    expect(isPermissionAllowed('notifications', 'app://unified')).toBe(true);
    expect(isPermissionAllowed('notifications', undefined)).toBe(false);
    expect(isPermissionAllowed('geolocation', 'app://unified')).toBe(false);
  });
});
