/**
 * Our pages' origin, with no Electron import so that the pure checks (sender, navigation) and their
 * tests can use it; app-protocol.ts re-exports it beside the scheme's registration.
 */
export const appScheme = 'app';
export const appHost = 'unified';
export const appOrigin = `${appScheme}://${appHost}`;
export const appEntryUrl = `${appOrigin}/index.html`;

/** True for a URL (or an origin string) of our own pages; Node gives non-special schemes an opaque `origin`, hence the parts. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${appScheme}:` && parsed.host === appHost;
  } catch {
    return false;
  }
}
