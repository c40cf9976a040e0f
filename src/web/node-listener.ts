/**
 * Runs an `App` on node:http: turns each incoming request into a standard `Request` (GET and
 * HEAD carry no body, and the app answers nothing else, so bodies are never read) and writes
 * the `Response` back.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { App } from './create-app.js';

export interface RunningServer {
  readonly server: Server;
  /** `http://127.0.0.1:8321`, with the port actually bound (useful with port 0). */
  readonly url: string;
  close(): Promise<void>;
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  // The URL's host is the Host header as sent, so the app can refuse names it does not serve.
  const host = (req.headers.host ?? 'invalid.invalid').replace(/[^A-Za-z0-9.:[\]-]/g, '');
  return new Request(`http://${host || 'invalid.invalid'}${req.url ?? '/'}`, { method: req.method ?? 'GET', headers });
}

async function handle(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let response: Response;
  try {
    response = await app.fetch(toRequest(req));
  } catch {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request\n');
    return;
  }
  res.writeHead(response.status, Object.fromEntries(response.headers));
  res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

export function listen(app: App, host: string, port: number): Promise<RunningServer> {
  const server = createServer((req, res) => {
    handle(app, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // Slow or idle clients do not hold the server.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        server,
        url: `http://${shown}:${address.port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((e) => (e ? fail(e) : done()));
            server.closeAllConnections();
          }),
      });
    });
  });
}
