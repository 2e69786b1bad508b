import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * Just enough of Electron's objects for the shell's tests: event emitters with the few methods the
 * shell calls, recorded by vi.fn(). Typed loosely on purpose; each test casts at the boundary.
 */
export interface FakeFrame {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
}

export function fakeFrame(url: string, parent: FakeFrame | null = null, ids = { processId: 4, routingId: 1 }): FakeFrame {
  return { url, parent, ...ids };
}

export class FakeSession {
  permissionRequestHandler: ((...args: unknown[]) => void) | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  setPermissionRequestHandler = vi.fn((handler: (...args: unknown[]) => void) => {
    this.permissionRequestHandler = handler;
  });
  setPermissionCheckHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.permissionCheckHandler = handler;
  });
}

export class FakeWebContents extends EventEmitter {
  readonly session = new FakeSession();
  readonly mainFrame: FakeFrame;
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  send = vi.fn();
  isDestroyed = () => this.destroyed;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });

  constructor(url = 'app://unified/index.html', ids = { processId: 4, routingId: 1 }) {
    super();
    this.mainFrame = fakeFrame(url, null, ids);
  }

  destroy(): void {
    this.destroyed = true;
    this.emit('destroyed');
  }
}

/** A navigation event as Electron gives it to `will-navigate` listeners (Electron ≥ 25: `url` on the event). */
export function navigationEvent(url: string) {
  let prevented = false;
  return {
    url,
    isMainFrame: true,
    preventDefault: () => void (prevented = true),
    get defaultPrevented() {
      return prevented;
    },
  };
}
