/**
 * The Content-Security-Policy of every page of the product, for both transports: the Electron shell
 * sets it on `app://` responses, the browser host on what it serves. Mail HTML is never shown in the
 * app's own document but in sandboxed `srcdoc` frames, which inherit this policy: no script runs
 * there, and each frame's own CSP meta tag keeps remote images out until the agent allows them on
 * that message (a frame can narrow the policy it inherits, never widen it).
 */
export interface CspOptions {
  /** Extra `connect-src` sources, e.g. the host's own `ws://127.0.0.1:PORT`. */
  connect?: readonly string[];
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: Record<string, readonly string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    // Quill and Vue set style attributes; styles cannot run code.
    'style-src': ["'self'", "'unsafe-inline'"],
    // http(s) only for the mail frames, which inherit this policy and narrow it with their own
    // (`renderer/src/mail-frame/build-srcdoc.ts`): remote images load there only once the agent
    // allowed them on that message. The app's own templates never carry a remote image.
    'img-src': ["'self'", 'data:', 'blob:', 'http:', 'https:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(options.connect ?? [])],
    'frame-src': ["'self'", 'blob:'],
    'child-src': ["'self'", 'blob:'],
    'worker-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** Headers sent with every response of the browser host and the `app://` protocol. */
export function securityHeaders(options: CspOptions = {}): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(options),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}
