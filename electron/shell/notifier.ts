import type { Notification } from './electron-api';
import type { Notifier } from '../core/ports';

interface ShownNotification {
  show(): void;
  once(event: 'click' | 'close', listener: () => void): unknown;
}

type NotificationClass = Pick<typeof Notification, 'isSupported'> &
  (new (options: { title: string; body: string }) => ShownNotification);

/**
 * Desktop notifications through the OS. Each notification is held until it is closed or clicked:
 * one that is garbage-collected loses its click handler (Windows). A click brings the window back.
 */
export function createElectronNotifier(
  NotificationCtor: NotificationClass,
  onClick: () => void = () => undefined,
): Notifier {
  const live = new Set<ShownNotification>();
  return {
    notify(title, body) {
      if (!NotificationCtor.isSupported()) return;
      const notification = new NotificationCtor({ title, body });
      live.add(notification);
      notification.once('click', () => {
        live.delete(notification);
        onClick();
      });
      notification.once('close', () => live.delete(notification));
      notification.show();
    },
  };
}
