import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

/** A request the test server saw: when, what, and how many were in flight with it. */
export interface SeenRequest {
  readonly path: string;
  readonly at: number;
  readonly headers: http.IncomingHttpHeaders;
}

export interface TestServer {
  readonly origin: string;
  readonly seen: SeenRequest[];
  /** Most requests the server was answering at once. */
  readonly maxInFlight: () => number;
  close(): Promise<void>;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse, nth: number) => void | Promise<void>;

/** An HTTP server on 127.0.0.1 (a free port) for tests: `routes` by path, 404 otherwise; HTTPS when given a key and certificate. */
export async function startTestServer(routes: Record<string, Route>, tls?: { readonly key: string | Buffer; readonly cert: string | Buffer }): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  const counts = new Map<string, number>();
  let inFlight = 0;
  let maxInFlight = 0;
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const path = req.url ?? '/';
    seen.push({ path, at: Date.now(), headers: req.headers });
    const nth = (counts.get(path) ?? 0) + 1;
    counts.set(path, nth);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    let counted = true;
    const done = () => {
      if (!counted) return;
      counted = false;
      inFlight--;
    };
    res.on('finish', done);
    res.on('close', done);
    const route = routes[path];
    if (!route) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      return;
    }
    void Promise.resolve(route(req, res, nth)).catch(() => res.destroy());
  };
  const server = tls ? https.createServer({ key: tls.key, cert: tls.cert }, handle) : http.createServer(handle);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `${tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    seen,
    maxInFlight: () => maxInFlight,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** An article page long enough to be analysed. */
export function storyPage(n: number | string): string {
  return (
    `<!doctype html><html><head><title>Story ${n}</title></head><body><article><p>“The plan is sound,” said Mayor Ann Lee on day ${n}. ` +
    'The council approved it on Tuesday after a long debate, according to the minutes. '.repeat(8) +
    '</p></article></body></html>'
  );
}

export const html = (body: string, status = 200, headers: Record<string, string> = {}): Route => (_req, res) => {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(body);
};
