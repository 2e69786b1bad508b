import { isAppUrl } from './app-origin';

/** What the check reads of Electron's WebFrameMain (all of it is there on the real object). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId?: number;
  readonly routingId?: number;
}

// Electron hands out one WebFrameMain per live frame, so identity is the normal case; the
// (process, routing) pair is the frame's identity in Chromium should a second wrapper ever appear.
function sameFrame(a: FrameLike, b: FrameLike): boolean {
  if (a === b) return true;
  return a.processId !== undefined && a.processId === b.processId && a.routingId === b.routingId;
}

/**
 * May this frame talk to the core? Only the main frame of our window, showing one of our own pages:
 * not a subframe (mail HTML lives in frames), not a page that navigated elsewhere, not a frame that
 * is gone (Electron gives `null` then). After VS Code's ValidatedIpcMain.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, mainFrame: FrameLike | null | undefined): boolean {
  if (!frame || !mainFrame) return false;
  if (frame.parent !== null) return false;
  if (!sameFrame(frame, mainFrame)) return false;
  return isAppUrl(frame.url);
}
