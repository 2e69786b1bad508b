import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { BrowserWindow, Screen } from './electron-api';
import { defaultWindowSize, placeWindow, windowStateSchema, type Rect, type WindowState } from './window-placement';

/** The saved state, or null when there is none or it is unreadable (a first start, a hand-edited file). */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = windowStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The saved state, placed on the displays connected now. */
export function restoreWindowState(file: string, screen: Pick<Screen, 'getAllDisplays' | 'getPrimaryDisplay'>): { bounds: Rect; maximized: boolean } {
  const saved = readWindowState(file);
  const workAreas = screen.getAllDisplays().map((display) => display.workArea);
  return {
    bounds: placeWindow(saved, workAreas, screen.getPrimaryDisplay().workArea, defaultWindowSize),
    maximized: saved?.maximized ?? false,
  };
}

/** Written beside, then renamed: a crash mid-write leaves the previous state, never half a file. */
export function writeWindowState(file: string, state: WindowState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state));
  renameSync(temporary, file);
}

type TrackedWindow = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'>;

/**
 * Saves the window's bounds and maximized flag while it moves and resizes (once it stays still for
 * `debounceMs`, not at every pixel) and when it closes. The normal bounds are the ones saved: a
 * maximized window reopens maximized, and un-maximizes to where it was.
 */
export function trackWindowState(window: TrackedWindow, file: string, debounceMs = 500): void {
  let timer: NodeJS.Timeout | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (window.isDestroyed()) return;
    try {
      writeWindowState(file, { bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (error) {
      // Losing the window's place is no reason to disturb the agent.
      console.error('[shell] window state not saved', error);
    }
  };
  const saveSoon = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  };
  window.on('resize', saveSoon);
  window.on('move', saveSoon);
  window.on('maximize', saveSoon);
  window.on('unmaximize', saveSoon);
  window.on('close', save);
}
