import { z } from 'zod';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Size {
  width: number;
  height: number;
}

/** The first window, before the agent sized it. */
export const defaultWindowSize: Size = { width: 1280, height: 800 };

/** What is remembered of the main window between runs. */
export const windowStateSchema = z.object({
  bounds: z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().positive(), height: z.number().int().positive() }),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;

const overlapArea = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);

/**
 * Where the window opens: its saved bounds moved (and shrunk if need be) into the work area of the
 * display it overlaps most, or of the primary display when it overlaps none (a monitor unplugged, a
 * laptop off its dock). The window is thus always whole on a screen. With nothing saved, the default
 * size centred on the primary display.
 */
export function placeWindow(saved: WindowState | null, workAreas: Rect[], primary: Rect, defaults: Size): Rect {
  const wanted = saved?.bounds ?? centred(defaults, primary);
  const best = workAreas.reduce<{ area: Rect; overlap: number } | null>((found, area) => {
    const overlap = overlapArea(wanted, area);
    return overlap > (found?.overlap ?? 0) ? { area, overlap } : found;
  }, null);
  const area = best?.area ?? primary;
  const width = Math.min(wanted.width, area.width);
  const height = Math.min(wanted.height, area.height);
  return {
    x: clamp(wanted.x, area.x, area.x + area.width - width),
    y: clamp(wanted.y, area.y, area.y + area.height - height),
    width,
    height,
  };
}

function centred(size: Size, area: Rect): Rect {
  return {
    x: area.x + Math.round((area.width - size.width) / 2),
    y: area.y + Math.round((area.height - size.height) / 2),
    width: size.width,
    height: size.height,
  };
}
