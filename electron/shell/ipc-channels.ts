/**
 * The only two IPC channels of the product, known to the shell's IPC binding and to the preload and
 * nowhere else: every call travels as `(name, input)` on `call`, every core event as
 * `(name, payload)` on `event`; the contract names never become channel names.
 */
export const ipcChannels = {
  call: 'unified:call',
  event: 'unified:event',
} as const;
