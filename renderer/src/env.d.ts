/// <reference types="vite/client" />

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}

// A script file (no top-level import) so that the declarations above stay global. The key must equal
// `bridgeGlobal` of shared/contract/transport.ts: ipc-transport.ts reads `window[bridgeGlobal]`, which
// only type-checks while both names agree.
interface Window {
  /** The Electron preload's Transport; absent in a browser tab. */
  readonly unifiedBridge?: import('../../shared/contract/transport').Transport;
}
