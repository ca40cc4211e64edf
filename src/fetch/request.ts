import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { type FetchFailure, isFetchFailure, PermanentFetchError, RetryableFetchError } from './errors.js';
import { parseRetryAfter } from './retry.js';

/** Everything one GET needs besides its address. */
export interface RequestInit {
  headers: Readonly<Record<string, string>>;
  /** Milliseconds from sending to the last body byte. */
  timeout: number;
  /** Largest body, raw and decompressed, in bytes. */
  maxBytes: number;
  /** Decides from the Content-Type whether a 2xx body is worth reading at all. */
  acceptContentType: (contentType: string | null) => boolean;
  /** Keep-alive agents owned by the run, so that its sockets close when it ends. */
  agents: { http: http.Agent; https: https.Agent };
  /** Resolves the host for a new socket and refuses addresses the allow-list does not let it reach. */
  lookup: LookupFunction;
  /** The clock for `Retry-After` dates. */
  now: () => Date;
}

/** What one GET found: a body, a redirect to follow, or "not modified". */
export type HttpResult =
  | { kind: 'body'; url: URL; status: number; headers: IncomingHttpHeaders; body: Buffer }
  | { kind: 'redirect'; url: URL; status: number; location: string }
  | { kind: 'not-modified'; url: URL; headers: IncomingHttpHeaders };

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// 408 and 425 say "too early / too slow, try again"; 429 and 5xx are the server asking for a pause.
const RETRYABLE_STATUSES = new Set([408, 425, 429]);

/**
 * Makes one GET (no redirects followed) and classifies every way it can fail as a retryable or permanent
 * fetch error. The timeout covers connecting, headers and body; the body is read as a stream and given up
 * as soon as it passes `maxBytes`, before or after decompression, so a gzip bomb costs only `maxBytes`.
 *
 * @param url The address; the caller has already checked its scheme, host and robots.txt.
 * @param init Headers, limits and agents.
 */
export async function getOnce(url: URL, init: RequestInit): Promise<HttpResult> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), init.timeout);
  let readingBody = false;
  try {
    const response = await send(url, init, controller.signal);
    // A socket error after we have what we need (a drained 304, a dropped redirect) must not become an
    // uncaught 'error' event; while the body is read, the pipeline below has its own handler.
    response.on('error', () => {});
    const status = response.statusCode ?? 0;
    const headers = response.headers;
    if (status === 304) {
      response.resume(); // A 304 has no body: draining it keeps the connection for the next request.
      return { kind: 'not-modified', url, headers };
    }
    if (REDIRECT_STATUSES.has(status) && headers.location !== undefined) {
      response.destroy(); // A redirect's body is never needed, and need not be small.
      return { kind: 'redirect', url, status, location: headers.location };
    }
    if (status < 200 || status > 299) {
      response.destroy();
      throw statusError(status, url, headers, init.now());
    }
    const contentType = headers['content-type'] ?? null;
    if (!init.acceptContentType(contentType)) {
      response.destroy();
      throw new PermanentFetchError(`Refusing \`${url.href}\`: content type \`${contentType}\` is not text`, {
        code: 'bad-content-type',
        status,
        url: url.href,
      });
    }
    const declared = contentLength(headers);
    if (declared !== null && declared > init.maxBytes) {
      response.destroy();
      throw tooLarge(url, init.maxBytes, `declares ${declared} bytes`);
    }
    readingBody = true;
    const body = await readBody(response, url, init, controller.signal);
    // Node's parser already fails a body whose connection closes early; this also catches one that does not.
    if (declared !== null && body.raw !== declared) {
      throw new RetryableFetchError(`Body of \`${url.href}\` cut short: ${body.raw} of ${declared} bytes`, {
        code: 'truncated',
        status,
        url: url.href,
      });
    }
    return { kind: 'body', url, status, headers, body: body.bytes };
  } catch (error) {
    throw classify(error, url, controller.signal.aborted, readingBody, init.timeout);
  } finally {
    clearTimeout(timer);
  }
}

function send(url: URL, init: RequestInit, signal: AbortSignal): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' ? init.agents.https : init.agents.http;
    const options = { method: 'GET', headers: init.headers, agent, signal, lookup: init.lookup };
    const request = client.request(url, options, resolve);
    request.on('error', reject);
    request.end();
  });
}

/** Streams the body through a raw byte counter, the decoders and a capped sink. */
async function readBody(
  response: IncomingMessage,
  url: URL,
  init: RequestInit,
  signal: AbortSignal,
): Promise<{ bytes: Buffer; raw: number }> {
  let decoders: Transform[];
  try {
    decoders = decodersFor(response.headers['content-encoding'], url);
  } catch (error) {
    response.destroy();
    throw error;
  }
  let raw = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      raw += chunk.length;
      done(raw > init.maxBytes ? tooLarge(url, init.maxBytes, 'sends more') : null, chunk);
    },
  });
  const chunks: Buffer[] = [];
  let size = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > init.maxBytes) return done(tooLarge(url, init.maxBytes, 'decompresses to more'));
      chunks.push(chunk);
      return done();
    },
  });
  await pipeline([response, counter, ...decoders, sink], { signal });
  return { bytes: Buffer.concat(chunks, size), raw };
}

/** Builds the decoders for a Content-Encoding list, last-applied first. */
function decodersFor(header: string | undefined, url: URL): Transform[] {
  const codings = (header ?? '')
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
  return codings.reverse().map((coding) => {
    if (coding === 'gzip' || coding === 'x-gzip') return zlib.createGunzip();
    if (coding === 'deflate') return zlib.createInflate();
    if (coding === 'br') return zlib.createBrotliDecompress();
    throw new PermanentFetchError(`Cannot decode \`${url.href}\`: unknown content encoding \`${coding}\``, {
      code: 'bad-encoding',
      url: url.href,
    });
  });
}

function contentLength(headers: IncomingHttpHeaders): number | null {
  const value = headers['content-length'];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

function statusError(status: number, url: URL, headers: IncomingHttpHeaders, now: Date): FetchFailure {
  const details = { code: 'http-status' as const, status, url: url.href };
  const message = `HTTP ${status} from \`${url.href}\``;
  if (RETRYABLE_STATUSES.has(status) || status >= 500) {
    return new RetryableFetchError(message, {
      ...details,
      retryAfter: parseRetryAfter(headers['retry-after'], now),
    });
  }
  if (REDIRECT_STATUSES.has(status)) {
    return new PermanentFetchError(`${message}: a redirect without a Location`, {
      ...details,
      code: 'bad-redirect',
    });
  }
  return new PermanentFetchError(message, details);
}

function tooLarge(url: URL, maxBytes: number, what: string): PermanentFetchError {
  return new PermanentFetchError(`Body of \`${url.href}\` ${what} than the ${maxBytes} bytes allowed`, {
    code: 'too-large',
    url: url.href,
  });
}

/** Turns whatever a request threw into one of the two fetch error classes. */
function classify(
  error: unknown,
  url: URL,
  timedOut: boolean,
  readingBody: boolean,
  timeout: number,
): FetchFailure {
  if (isFetchFailure(error)) return error;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const reason = error instanceof Error ? error.message : String(error);
  const details = { url: url.href, cause: error };
  if (timedOut) {
    return new RetryableFetchError(`No complete answer from \`${url.href}\` within ${timeout} ms`, {
      ...details,
      code: 'timeout',
    });
  }
  if (/^(Z_|ERR_BROTLI|ERR__?ZLIB)/.test(code)) {
    return new PermanentFetchError(`Cannot decompress \`${url.href}\`: ${reason}`, {
      ...details,
      code: 'bad-encoding',
    });
  }
  // A certificate problem will not fix itself between two attempts.
  if (/CERT|TLS|SSL/.test(code)) {
    return new PermanentFetchError(`TLS failure for \`${url.href}\`: ${reason}`, {
      ...details,
      code: 'network',
    });
  }
  if (readingBody) {
    return new RetryableFetchError(`Body of \`${url.href}\` cut short: ${reason}`, {
      ...details,
      code: 'truncated',
    });
  }
  return new RetryableFetchError(`Cannot reach \`${url.href}\`: ${reason} (${code || 'no code'})`, {
    ...details,
    code: 'network',
  });
}
