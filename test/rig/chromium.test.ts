import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { freePort, launchChromium, LOOPBACK } from './index';

let browser: Browser;
let server: Server;
let baseUrl: string;

async function startPageServer(): Promise<void> {
  server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end('<!doctype html><title>Rig</title><h1 id="greeting">Hello from the rig</h1>');
  });
  const port = await freePort();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK, resolve);
  });
  baseUrl = `http://${LOOPBACK}:${port}/`;
}

beforeAll(async () => {
  await startPageServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
});

describe('chromium rig', () => {
  it('renders a page served from loopback', async () => {
    const page = await browser.newPage();
    try {
      await page.goto(baseUrl);
      expect(await page.textContent('#greeting')).toBe('Hello from the rig');
      expect(await page.title()).toBe('Rig');
    } finally {
      await page.close();
    }
  });

  it('renders a data: URL and runs script', async () => {
    const page = await browser.newPage();
    try {
      await page.goto('data:text/html,<p id="p"></p><script>document.getElementById("p").textContent = 2 + 3</script>');
      expect(await page.textContent('#p')).toBe('5');
    } finally {
      await page.close();
    }
  });
});
