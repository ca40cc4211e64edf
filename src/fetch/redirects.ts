import type http from 'node:http';
import type https from 'node:https';
import { PermanentFetchError } from './errors.js';
import { assertRequestable } from './hosts.js';
import { guardedLookup } from './lookup.js';
import type { ResolvedFetchOptions } from './options.js';
import type { HostQueues } from './queue.js';
import { getOnce, type HttpResult } from './request.js';
import { type RetryNotice, withRetries } from './retry.js';
import type { RobotsAnswer, RobotsCache } from './robots.js';

/** What one run shares between all its requests. */
export interface RunContext {
  options: ResolvedFetchOptions;
  queues: HostQueues;
  agents: { http: http.Agent; https: https.Agent };
  /** Null when robots.txt is not consulted (the option is off, or this is the robots.txt request). */
  robots: RobotsCache | null;
}

/** Per-address choices and observers for `followRedirects`. */
export interface FollowInit {
  /** Validators from the cache, sent only on the hop that reaches the URL they were stored for. */
  conditional?: { url: string; etag: string | null; lastModified: string | null } | undefined;
  /** Decides from the Content-Type whether a body is worth reading. */
  acceptContentType: (contentType: string | null) => boolean;
  maxBytes: number;
  /** Told when each request leaves the queue, so that callers can count them. */
  onRequest?: (url: URL, attempt: number) => void;
  onRetry?: (url: URL, notice: RetryNotice) => void;
}

/** A followed address: a body or "not modified", with the URL it came from. */
export type FollowResult = Exclude<HttpResult, { kind: 'redirect' }>;

// Text that parse can read; most servers send nothing else for a narrative page.
const ACCEPT = 'text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8';

/**
 * GETs an address and follows its redirects by hand, so that every hop is checked (http(s) only, host on
 * the allow-list, its address allowed, robots.txt) before any connection, loops and long chains are
 * refused, and each hop goes through its own host's queue with its own retries. A named host's addresses
 * are checked by the socket's own lookup, so the address checked is the one connected to.
 *
 * @param start The address to read.
 * @param context The run's options, queues, agents and robots cache.
 * @param init Validators, content rules and observers.
 */
export async function followRedirects(
  start: URL,
  context: RunContext,
  init: FollowInit,
): Promise<FollowResult> {
  const { options } = context;
  const visited = new Set<string>();
  let url = withoutFragment(start);
  for (let redirects = 0; ; redirects++) {
    visited.add(url.href);
    assertRequestable(url, options.allowHosts);
    await context.robots?.assertAllowed(url);
    const headers = requestHeaders(url, options.userAgent, init.conditional);
    const hop = url;
    const result = await withRetries(
      (attempt) =>
        context.queues.run(hop, () => {
          init.onRequest?.(hop, attempt);
          return getOnce(hop, {
            headers,
            timeout: options.timeout,
            maxBytes: init.maxBytes,
            acceptContentType: init.acceptContentType,
            agents: context.agents,
            lookup: guardedLookup(hop, options.allowHosts, options.resolve),
            now: options.now,
          });
        }),
      { retries: options.retries, ...options.backoff },
      (notice) => init.onRetry?.(hop, notice),
    );
    if (result.kind !== 'redirect') {
      if (
        result.kind === 'not-modified' &&
        headers['if-none-match'] === undefined &&
        headers['if-modified-since'] === undefined
      ) {
        throw new PermanentFetchError(`HTTP 304 from \`${url.href}\` to a request that was not conditional`, {
          code: 'unexpected-304',
          status: 304,
          url: url.href,
        });
      }
      return result;
    }
    url = nextHop(result, visited, redirects, options.maxRedirects);
  }
}

/**
 * Returns a loader for `RobotsCache`: one GET of robots.txt through the same queues, redirects and retries,
 * turned into an answer that never throws. A 4xx means "no rules"; anything else that fails means the
 * origin is off limits for this run (RFC 9309 §2.3.1.4), which is safer than guessing.
 *
 * @param context The run's context, with `robots` null so that robots.txt is not checked against itself.
 */
export function robotsLoader(context: RunContext): (robotsUrl: URL) => Promise<RobotsAnswer> {
  return async (robotsUrl) => {
    try {
      const result = await followRedirects(robotsUrl, context, {
        acceptContentType: () => true,
        // RFC 9309 asks crawlers to read at least 500 KiB of robots.txt; more than that is not a robots file.
        maxBytes: 500 * 1024,
      });
      return result.kind === 'body'
        ? { kind: 'text', text: result.body.toString('utf8') }
        : { kind: 'missing' };
    } catch (error) {
      const status = error instanceof PermanentFetchError ? error.status : null;
      if (status !== null && status >= 400 && status < 500) return { kind: 'missing' };
      const reason = error instanceof Error ? error.message : String(error);
      // The origin's own address was refused: its pages would be too, and should say so.
      const ownAddress =
        error instanceof PermanentFetchError &&
        error.code === 'address-not-allowed' &&
        error.url !== null &&
        new URL(error.url).origin === robotsUrl.origin;
      return ownAddress ? { kind: 'unavailable', reason, refused: error } : { kind: 'unavailable', reason };
    }
  };
}

function requestHeaders(
  url: URL,
  userAgent: string,
  conditional: FollowInit['conditional'],
): Record<string, string> {
  const headers: Record<string, string> = {
    'user-agent': userAgent,
    accept: ACCEPT,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (conditional !== undefined && conditional.url === url.href) {
    if (conditional.etag !== null) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified !== null) headers['if-modified-since'] = conditional.lastModified;
  }
  return headers;
}

/**
 * Resolves a redirect's target, refusing loops and chains longer than allowed.
 *
 * @param followed How many redirects were followed before this one.
 */
function nextHop(
  redirect: Extract<HttpResult, { kind: 'redirect' }>,
  visited: Set<string>,
  followed: number,
  maxRedirects: number,
): URL {
  const from = redirect.url.href;
  let next: URL;
  try {
    next = withoutFragment(new URL(redirect.location, redirect.url));
  } catch (error) {
    throw new PermanentFetchError(`Bad redirect from \`${from}\` to \`${redirect.location}\``, {
      code: 'bad-redirect',
      status: redirect.status,
      url: from,
      cause: error,
    });
  }
  if (visited.has(next.href)) {
    throw new PermanentFetchError(`Redirect loop: \`${from}\` leads back to \`${next.href}\``, {
      code: 'redirect-loop',
      status: redirect.status,
      url: from,
    });
  }
  if (followed >= maxRedirects) {
    throw new PermanentFetchError(`More than ${maxRedirects} redirects, the last from \`${from}\``, {
      code: 'too-many-redirects',
      status: redirect.status,
      url: from,
    });
  }
  return next;
}

function withoutFragment(url: URL): URL {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy;
}
