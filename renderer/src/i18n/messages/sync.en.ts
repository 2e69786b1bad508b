import type { syncFr } from './sync.fr';

export const syncEn: typeof syncFr = {
  label: 'E-mail sync',
  connecting: 'Connecting…',
  syncing: 'Syncing {done} of {total}',
  syncingUnknown: 'Syncing…',
  idle: 'Synced',
  error: 'Sync error',
  pending: 'Waiting',
  lastSuccess: 'Last sync: {at}',
  never: 'Never synced',
};
