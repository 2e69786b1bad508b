import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createElectronNotifier } from '../../electron/shell/notifier';


function fakeNotificationClass(supported = true) {
  const shown: Array<EventEmitter & { options: { title: string; body: string } }> = [];
  class FakeNotification extends EventEmitter {
    static isSupported = () => supported;
    constructor(readonly options: { title: string; body: string }) {
      super();
    }
    show() {
      shown.push(this);
    }
  }
  return { FakeNotification, shown };
}

describe('the Electron notifier', () => {
  it('shows a system notification and brings the window back on click', () => {
    const { FakeNotification, shown } = fakeNotificationClass();
    const onClick = vi.fn();
    createElectronNotifier(FakeNotification, onClick).notify('Dossier proposé', 'Nouveau dossier n° 42');
    expect(shown).toHaveLength(1);
    expect(shown[0]!.options).toEqual({ title: 'Dossier proposé', body: 'Nouveau dossier n° 42' });
    shown[0]!.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('stays silent where the OS has no notifications', () => {
    const { FakeNotification, shown } = fakeNotificationClass(false);
    createElectronNotifier(FakeNotification).notify('a', 'b');
    expect(shown).toHaveLength(0);
  });
});
