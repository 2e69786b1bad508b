import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Core } from '../core/create-core';
import { securityHeaders } from '../security/csp';
import { isAllowedHost, type HostIdentity } from './host-guard';
import { serveStatic } from './static-files';
import { createWsEndpoint } from './ws-endpoint';

export interface BrowserHostOptions {
  core: Core;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 127.0.0.1 by default: the host is for this machine unless an administrator says otherwise. */
  bind?: string;
  port?: number;
  /** Fixed only by tests; otherwise a fresh secret each start. */
  token?: string;
}

export interface BrowserHost {
  port: number;
  token: string;
  /** The address to open, secret included. */
  url: string;
  close(): Promise<void>;
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const bind = options.bind ?? '127.0.0.1';
  const identity: HostIdentity = {
    port: 0,
    names: bind === '127.0.0.1' ? ['127.0.0.1', 'localhost'] : [bind, '127.0.0.1', 'localhost'],
    token: options.token ?? randomBytes(24).toString('base64url'),
  };
  const ws = createWsEndpoint(options.core, () => identity);
  const server = createServer((req, res) => {
    // Some Chromium versions do not count ws: as 'self': name our own WebSocket address.
    const headers = securityHeaders({ connect: identity.names.map((name) => `ws://${name}:${identity.port}`) });
    if (!isAllowedHost(identity, req.headers.host)) {
      res.writeHead(421, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Hôte refusé / Host refused');
      return;
    }
    serveStatic(options.rendererDir, req, res, headers).catch(() => {
      if (!res.headersSent) res.writeHead(500, headers);
      res.end();
    });
  });
  server.on('upgrade', (req, socket, head) => ws.handleUpgrade(req, socket, head));
  await listen(server, options.port ?? 0, bind);
  identity.port = (server.address() as AddressInfo).port;
  const shownHost = bind === '0.0.0.0' ? '127.0.0.1' : bind;
  return {
    port: identity.port,
    token: identity.token,
    url: `http://${shownHost}:${identity.port}/?token=${identity.token}`,
    close: async () => {
      await ws.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
