import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { mimeTypeOf } from '../security/mime-types';

/** Resolves a URL path inside `root`, or null when it would leave it (`..`, encoded or not). */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const target = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  const rootWithSep = path.resolve(root) + path.sep;
  return target.startsWith(rootWithSep) || target === path.resolve(root) ? target : null;
}

/** Serves the built renderer; the app routes with a hash, so only real files exist. */
export async function serveStatic(
  root: string,
  req: IncomingMessage,
  res: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...headers, Allow: 'GET, HEAD' }).end();
    return;
  }
  const urlPath = (req.url ?? '/').split('?')[0] ?? '/';
  const resolved = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  const info = resolved ? await stat(resolved).catch(() => null) : null;
  if (!resolved || !info?.isFile()) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Introuvable / Not found');
    return;
  }
  res.writeHead(200, {
    ...headers,
    'Content-Type': mimeTypeOf(resolved),
    'Content-Length': String(info.size),
    // index.html names hashed assets: never cache it, cache the rest.
    'Cache-Control': resolved.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  createReadStream(resolved).pipe(res);
}
