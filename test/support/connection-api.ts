import { createApi, type Api } from '../../shared/contract';
import type { Connection } from '../../electron/core/create-core';

/** The typed client over a core connection, as a window's would be over its transport. */
export function apiOf(connection: Connection): Api {
  return createApi({ invoke: (name, input) => connection.call(name, input), subscribe: (listener) => connection.onEvent(listener) });
}
