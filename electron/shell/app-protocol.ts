import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { protocol } from './electron-api';
import { securityHeaders } from '../security/csp';
import { mimeTypeOf } from '../security/mime-types';
import { appHost, appScheme } from './app-origin';

export { appEntryUrl, appHost, appOrigin, appScheme, isAppUrl } from './app-origin';

/**
 * Must run before `ready`. `standard` gives the scheme real origins and relative URLs, `secure` a
 * secure context, `supportFetchAPI` lets the page fetch its own assets, `codeCache` keeps V8's cache.
 * `corsEnabled` stays off on purpose: it would let any other origin read our responses (Electron
 * serves custom schemes without checking Access-Control-Allow-Origin; electron/electron#52908).
 */
export function registerAppScheme(api: Pick<typeof protocol, 'registerSchemesAsPrivileged'>): void {
  api.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
    },
  ]);
}

function respond(status: number, body: Uint8Array | string | null, contentType = 'text/plain; charset=utf-8'): Response {
  return new Response(body, { status, headers: { ...securityHeaders(), 'Content-Type': contentType } });
}

/**
 * The file under `root` that a request names, or null when it names none: another host, an
 * undecodable path, a NUL byte, or a path that leaves `root` once decoded (`..%2f`, `%5c..`; the URL
 * parser already folds plain `..` segments, not encoded separators).
 */
export function resolveAppFile(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  if (relative === '/' || relative === '') relative = '/index.html';
  const base = path.resolve(root);
  const file = path.resolve(base, `.${relative}`);
  return file.startsWith(base + path.sep) ? file : null;
}

/**
 * The `app://` handler, as a plain function of the renderer folder so that it runs under Node in
 * tests. Reads with `fs` rather than `net.fetch(file://)`, which works inside app.asar and keeps
 * `file:` out of the picture (the grantFileProtocolExtraPrivileges fuse is off).
 */
export function createAppRequestHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return respond(405, 'Method Not Allowed');
    const file = resolveAppFile(root, request.url);
    if (!file) return respond(403, 'Forbidden');
    try {
      if (!(await stat(file)).isFile()) return respond(404, 'Not Found');
      const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(file));
      return respond(200, body, mimeTypeOf(file));
    } catch {
      return respond(404, 'Not Found');
    }
  };
}

/** After `ready`: serve the built renderer on `app://unified/`. */
export function handleAppProtocol(rendererDir: string, api: Pick<typeof protocol, 'handle'>): void {
  api.handle(appScheme, createAppRequestHandler(rendererDir));
}
