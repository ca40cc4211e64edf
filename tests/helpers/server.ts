import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/** One request as the server saw it. */
export interface RecordedRequest {
  /** `performance.now()` when the request arrived, in ms. */
  time: number;
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingHttpHeaders;
}

/** Answers one request; may stay silent (a hanging server) or misbehave on purpose. */
export type Handler = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

/** A real HTTP server on a loopback address with scripted routes and a record of everything it received. */
export interface TestServer {
  /** `http://127.0.0.1:<port>` (or `http://[::1]:<port>`) */
  readonly origin: string;
  /** `127.0.0.1:<port>` (or `[::1]:<port>`), as an allow-list entry. */
  readonly host: string;
  /** The port it listens on. */
  readonly port: number;
  /** Every request received since the last `reset()`, in arrival order. */
  readonly requests: RecordedRequest[];
  /** The most requests ever in flight at once since the last `reset()`. */
  readonly peakInFlight: number;
  /** TCP connections accepted since the last `reset()`. */
  readonly connections: number;
  /** Returns the absolute URL of a path on this server. */
  url(path: string): string;
  /**
   * Scripts a path: the first request gets the first handler, the second the second, and so on; the last
   * handler answers every request after that. Unscripted paths get a 404.
   */
  route(path: string, ...handlers: Handler[]): void;
  /** The requests received for one path (path and query). */
  requestsTo(path: string): RecordedRequest[];
  /** Forgets routes and records, so that tests sharing a server start clean. */
  reset(): void;
  /** Drops every open connection (hanging ones included) and stops listening. */
  close(): Promise<void>;
}

/**
 * Starts a test server on an ephemeral port.
 *
 * @param address The loopback address to listen on: `127.0.0.1` unless a test needs `::1`.
 */
export async function startServer(address: '127.0.0.1' | '::1' = '127.0.0.1'): Promise<TestServer> {
  let routes = new Map<string, { handlers: Handler[]; served: number }>();
  let requests: RecordedRequest[] = [];
  let inFlight = 0;
  let peakInFlight = 0;
  let connections = 0;
  const server = http.createServer((request, response) => {
    requests.push({
      time: performance.now(),
      method: request.method ?? '',
      url: request.url ?? '',
      headers: request.headers,
    });
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    response.once('close', () => inFlight--);
    const route = routes.get(request.url ?? '');
    const handler = route?.handlers[Math.min(route.served++, route.handlers.length - 1)];
    if (handler === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    Promise.resolve(handler(request, response)).catch((error: unknown) => {
      response.destroy(error instanceof Error ? error : new Error(String(error)));
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  const { port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
  const origin = `http://${host}`;
  return {
    origin,
    host,
    port,
    get requests() {
      return requests;
    },
    get peakInFlight() {
      return peakInFlight;
    },
    get connections() {
      return connections;
    },
    url: (path) => new URL(path, origin).href,
    route(path, ...handlers) {
      routes.set(path, { handlers, served: 0 });
    },
    requestsTo: (path) => requests.filter((request) => request.url === path),
    reset() {
      routes = new Map();
      requests = [];
      peakInFlight = inFlight;
      connections = 0;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
    },
  };
}

/**
 * Answers with a status, headers and body.
 *
 * @param body The body (a string is sent as UTF-8).
 * @param headers Extra headers; Content-Type defaults to `text/html; charset=utf-8`.
 * @param status The status code, 200 unless told.
 */
export function reply(
  body: string | Uint8Array,
  headers: http.OutgoingHttpHeaders = {},
  status = 200,
): Handler {
  return (_request, response) => {
    response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(body);
  };
}

/**
 * Answers with a redirect.
 *
 * @param location The Location header, relative or absolute.
 * @param status 302 unless told.
 */
export function redirect(location: string, status = 302): Handler {
  return (_request, response) => {
    response.writeHead(status, { location }).end();
  };
}

/** Never answers: the client's timeout must end the request. */
export function hang(): Handler {
  return () => {};
}

/**
 * Promises `declared` bytes, sends `sent` of them, then drops the connection.
 *
 * @param declared The Content-Length sent.
 * @param sent How many bytes actually go out.
 */
export function cutShort(declared: number, sent: number): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html', 'content-length': declared });
    response.write('x'.repeat(sent), () => response.socket?.destroy());
  };
}

/**
 * Streams `total` bytes of filler (64 KiB of `a` unless told) without a Content-Length, respecting
 * backpressure and stopping when the client goes away; `progress.written` tells how much went out.
 *
 * @param total Bytes the server would send if the client kept reading.
 * @param progress Where the number of bytes written is kept.
 * @param headers Extra headers.
 * @param chunk What to send, over and over.
 */
export function stream(
  total: number,
  progress: { written: number },
  headers: http.OutgoingHttpHeaders = {},
  chunk: Buffer = Buffer.alloc(64 * 1024, 'a'),
): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/plain', ...headers });
    const pump = () => {
      while (progress.written < total && !response.destroyed) {
        progress.written += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', pump);
          return;
        }
      }
      if (!response.destroyed) response.end();
    };
    pump();
  };
}
