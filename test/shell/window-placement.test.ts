import { describe, expect, it } from 'vitest';
import { defaultWindowSize, placeWindow, type Rect } from '../../electron/shell/window-placement';

const laptop: Rect = { x: 0, y: 0, width: 1440, height: 860 };
/** A monitor to the right of the laptop, taller. */
const monitor: Rect = { x: 1440, y: -200, width: 2560, height: 1400 };
const saved = (bounds: Rect, maximized = false) => ({ bounds, maximized });

describe('placeWindow', () => {
  it('centres the default size on the primary display when nothing was saved', () => {
    expect(placeWindow(null, [laptop], laptop, defaultWindowSize)).toEqual({ x: 80, y: 30, width: 1280, height: 800 });
  });

  it('keeps saved bounds that are whole on a display', () => {
    const onMonitor = { x: 2000, y: -100, width: 1600, height: 1000 };
    expect(placeWindow(saved(onMonitor), [laptop, monitor], laptop, defaultWindowSize)).toEqual(onMonitor);
  });

  it('brings a window back to the primary display when its monitor is gone', () => {
    const onMonitor = { x: 2000, y: -100, width: 1200, height: 700 };
    expect(placeWindow(saved(onMonitor), [laptop], laptop, defaultWindowSize)).toEqual({ x: 240, y: 0, width: 1200, height: 700 });
  });

  it('shrinks a window larger than the display it is brought to', () => {
    const big = { x: 1500, y: -150, width: 2400, height: 1300 };
    expect(placeWindow(saved(big), [laptop], laptop, defaultWindowSize)).toEqual({ x: 0, y: 0, width: 1440, height: 860 });
  });

  it('moves a window straddling two displays wholly onto the one it overlaps most', () => {
    const straddling = { x: 1000, y: 100, width: 1200, height: 700 };
    expect(placeWindow(saved(straddling), [laptop, monitor], laptop, defaultWindowSize)).toEqual({ x: 1440, y: 100, width: 1200, height: 700 });
  });

  it('pulls back a window dragged partly off the top-left corner', () => {
    const offCorner = { x: -300, y: -50, width: 1000, height: 600 };
    expect(placeWindow(saved(offCorner), [laptop], laptop, defaultWindowSize)).toEqual({ x: 0, y: 0, width: 1000, height: 600 });
  });
});
