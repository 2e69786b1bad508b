import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindow } from 'electron';
import { readWindowState, restoreWindowState, trackWindowState, writeWindowState } from '../../electron/shell/window-state';

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ud-window-state-'));
  file = path.join(dir, 'window-state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const laptop = { x: 0, y: 0, width: 1440, height: 860 };
const screenWith = (...workAreas: Array<typeof laptop>) => ({
  getAllDisplays: () => workAreas.map((workArea) => ({ workArea })) as never,
  getPrimaryDisplay: () => ({ workArea: workAreas[0]! }) as never,
});

class MovingWindow extends EventEmitter {
  bounds = { x: 10, y: 20, width: 1100, height: 700 };
  maximized = false;
  destroyed = false;
  getNormalBounds = () => this.bounds;
  isMaximized = () => this.maximized;
  isDestroyed = () => this.destroyed;
}
const track = (window: MovingWindow, debounceMs = 20) => trackWindowState(window as unknown as BrowserWindow, file, debounceMs);

describe('the window state file', () => {
  it('gives back what was written, and null for a missing, broken or foreign file', () => {
    expect(readWindowState(file)).toBeNull();
    writeWindowState(file, { bounds: { x: -5, y: 3, width: 900, height: 650 }, maximized: true });
    expect(readWindowState(file)).toEqual({ bounds: { x: -5, y: 3, width: 900, height: 650 }, maximized: true });
    writeFileSync(file, '{"bounds":');
    expect(readWindowState(file)).toBeNull();
    writeFileSync(file, JSON.stringify({ bounds: { x: 0, y: 0, width: -1, height: 10 }, maximized: false }));
    expect(readWindowState(file)).toBeNull();
  });

  it('restores the saved place on the displays of now: a window left on an unplugged monitor comes back', () => {
    writeWindowState(file, { bounds: { x: 2000, y: 100, width: 1000, height: 700 }, maximized: true });
    expect(restoreWindowState(file, screenWith(laptop))).toEqual({ bounds: { x: 440, y: 100, width: 1000, height: 700 }, maximized: true });
    rmSync(file);
    expect(restoreWindowState(file, screenWith(laptop))).toEqual({ bounds: { x: 80, y: 30, width: 1280, height: 800 }, maximized: false });
  });
});

describe('trackWindowState', () => {
  it('saves once the window stops moving, not at every step', async () => {
    const window = new MovingWindow();
    track(window);
    for (const x of [11, 12, 13, 14]) {
      window.bounds = { ...window.bounds, x };
      window.emit('move');
    }
    // Nothing written while it moves…
    expect(existsSync(file)).toBe(false);
    // …then the place where it stopped.
    await vi.waitFor(() => expect(existsSync(file)).toBe(true));
    expect(readWindowState(file)).toEqual({ bounds: { x: 14, y: 20, width: 1100, height: 700 }, maximized: false });
  });

  it('saves at once on close, maximized with the bounds to restore to', () => {
    const window = new MovingWindow();
    track(window, 60_000);
    window.maximized = true;
    window.emit('maximize');
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds: { x: 10, y: 20, width: 1100, height: 700 }, maximized: true });
  });

  it('keeps the previous state when the window is already gone', () => {
    writeWindowState(file, { bounds: laptop, maximized: false });
    const window = new MovingWindow();
    track(window);
    window.destroyed = true;
    window.emit('close');
    expect(readWindowState(file)).toEqual({ bounds: laptop, maximized: false });
  });
});
