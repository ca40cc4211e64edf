import http from 'node:http';
import https from 'node:https';
import { type CacheEntry, readCacheEntry, sha256, writeCacheEntry } from './cache.js';
import { type FetchFailure, isFetchFailure, PermanentFetchError } from './errors.js';
import { isTextContentType, readLocal } from './local.js';
import { type FetchOptions, resolveFetchOptions } from './options.js';
import { HostQueues } from './queue.js';
import { type FollowResult, followRedirects, type RunContext, robotsLoader } from './redirects.js';
import { RobotsCache } from './robots.js';
import type { FetchEvent, Fetched, FetchOutcome, Source } from './types.js';

/** A fetch session: one set of host queues, agents and robots.txt answers shared by every batch it fetches. */
export interface FetchSession {
  /**
   * Fetches a batch of sources and returns one outcome per source, in the batch's order.
   *
   * @param sources Manifest entries.
   * @param offset The index of the batch's first source in the whole manifest (for events).
   */
  fetch(sources: readonly Source[], offset?: number): Promise<FetchOutcome[]>;
  /** Waits for the queues to drain, closes the connections, and rethrows a listener's error if there was one. */
  close(): Promise<void>;
}

/**
 * Opens a fetch session, so that a long manifest can be fetched in batches (and its bodies dropped after each)
 * while politeness holds across batches: the per-host queues, their rate and robots.txt answers are kept.
 *
 * @param options Limits, politeness and cache settings; see `FetchOptions` for the defaults.
 * @param onEvent Told of starts, requests, retries and completions; if it throws, the session still finishes
 *   and `close()` then rejects with that error.
 */
export async function openFetchSession(
  options: FetchOptions = {},
  onEvent?: (event: FetchEvent) => void,
): Promise<FetchSession> {
  const resolved = await resolveFetchOptions(options);
  let listenerError: { error: unknown } | undefined;
  const emit = (event: FetchEvent) => {
    try {
      onEvent?.(event);
    } catch (error) {
      listenerError ??= { error };
    }
  };
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  const base: RunContext = { options: resolved, queues: new HostQueues(resolved), agents, robots: null };
  const context = resolved.robots
    ? { ...base, robots: new RobotsCache(robotsLoader(base), resolved.userAgent) }
    : base;
  return {
    fetch: (sources, offset = 0) => {
      assertSources(sources);
      return Promise.all(
        sources.map(async (source, i) => {
          const index = offset + i;
          emit({ type: 'start', source, index });
          const outcome = await fetchOne(source, context, emit);
          emit({ type: 'done', source, index, outcome });
          return outcome;
        }),
      );
    },
    close: async () => {
      try {
        await context.queues.onIdle();
      } finally {
        agents.http.destroy();
        agents.https.destroy();
      }
      if (listenerError !== undefined) throw listenerError.error;
    },
  };
}

/**
 * Fetches every source, politely and in parallel across hosts, and returns one outcome per source in
 * manifest order. Local paths and `file:` URLs are read from disk; http(s) URLs go through one p-queue per
 * host, the allow-list, robots.txt, retries and the cache. A failing source never stops the others: it
 * comes back with `status: 'failed'` and its error. Bad arguments throw a `TypeError`.
 *
 * @param sources The manifest entries, as `readManifest` returns them.
 * @param options Limits, politeness and cache settings; see `FetchOptions` for the defaults.
 * @param onEvent Told of starts, requests, retries and completions; if it throws, the run still finishes
 *   and then rejects with that error.
 */
export async function fetchSources(
  sources: readonly Source[],
  options: FetchOptions = {},
  onEvent?: (event: FetchEvent) => void,
): Promise<FetchOutcome[]> {
  assertSources(sources);
  const session = await openFetchSession(options, onEvent);
  let outcomes: FetchOutcome[] = [];
  try {
    outcomes = await session.fetch(sources);
  } finally {
    await session.close();
  }
  return outcomes;
}

async function fetchOne(
  source: Source,
  context: RunContext,
  emit: (event: FetchEvent) => void,
): Promise<FetchOutcome> {
  const counter = { requests: 0 };
  const { maxBytes } = context.options;
  try {
    if (source.path !== undefined) {
      return {
        source,
        status: 'fetched',
        fetched: await readLocal(source, source.path, maxBytes),
        requests: 0,
      };
    }
    const url = new URL(source.url ?? '');
    if (url.protocol === 'file:') {
      return { source, status: 'fetched', fetched: await readLocal(source, url, maxBytes), requests: 0 };
    }
    url.hash = '';
    return await fetchRemote(source, url, context, counter, emit);
  } catch (error) {
    return { source, status: 'failed', error: asFailure(error, source), requests: counter.requests };
  }
}

async function fetchRemote(
  source: Source,
  url: URL,
  context: RunContext,
  counter: { requests: number },
  emit: (event: FetchEvent) => void,
): Promise<FetchOutcome> {
  const { options } = context;
  const cached = await readCacheEntry(options.cacheDir, url.href);
  const previous = cached === null ? {} : { previousSha256: cached.meta.sha256 };
  if (options.offline) {
    if (cached === null) {
      throw new PermanentFetchError(
        `\`${url.href}\` is not in the cache at \`${options.cacheDir}\` (offline run)`,
        {
          code: 'not-cached',
          url: url.href,
        },
      );
    }
    return { source, status: 'cached', fetched: fromCache(source, cached), requests: 0, ...previous };
  }
  const result = await followRedirects(url, context, {
    conditional:
      cached === null
        ? undefined
        : { url: cached.meta.finalUrl, etag: cached.meta.etag, lastModified: cached.meta.lastModified },
    acceptContentType: isTextContentType,
    maxBytes: options.maxBytes,
    onRequest: (hop, attempt) => {
      counter.requests++;
      emit({ type: 'request', source, url: hop.href, attempt });
    },
    onRetry: (hop, { attempt, delay, error }) =>
      emit({ type: 'retry', source, url: hop.href, attempt, delay, error }),
  });
  const requests = counter.requests;
  if (result.kind === 'not-modified') {
    // followRedirects refuses a 304 to an unconditional request, and only a cache entry makes one.
    if (cached === null) throw new Error('A 304 without a cache entry');
    await refreshValidators(options.cacheDir, cached, result);
    return { source, status: 'not_modified', fetched: fromCache(source, cached), requests, ...previous };
  }
  const body = new Uint8Array(result.body);
  const fetched: Fetched = {
    source,
    url: result.url.href,
    body,
    contentType: result.headers['content-type'] ?? null,
    sha256: sha256(body),
  };
  await saveToCache(options.cacheDir, {
    meta: {
      url: url.href,
      finalUrl: fetched.url ?? url.href,
      etag: result.headers.etag ?? null,
      lastModified: result.headers['last-modified'] ?? null,
      sha256: fetched.sha256,
      contentType: fetched.contentType,
      fetchedAt: options.now().toISOString(),
    },
    body,
  });
  return { source, status: 'fetched', fetched, requests, ...previous };
}

function fromCache(source: Source, entry: CacheEntry): Fetched {
  const { meta, body } = entry;
  return { source, url: meta.finalUrl, body, contentType: meta.contentType, sha256: meta.sha256 };
}

/** A 304 may carry new validators (RFC 9111 §4.3.4); keep them so the next run sends the current ones. */
async function refreshValidators(dir: string, cached: CacheEntry, result: FollowResult): Promise<void> {
  const etag = result.headers.etag ?? cached.meta.etag;
  const lastModified = result.headers['last-modified'] ?? cached.meta.lastModified;
  if (etag === cached.meta.etag && lastModified === cached.meta.lastModified) return;
  await saveToCache(dir, { meta: { ...cached.meta, etag, lastModified }, body: cached.body });
}

async function saveToCache(dir: string, entry: CacheEntry): Promise<void> {
  try {
    await writeCacheEntry(dir, entry);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new PermanentFetchError(
      `Cannot write the cache entry of \`${entry.meta.url}\` in \`${dir}\`: ${reason}`,
      {
        code: 'cache',
        url: entry.meta.url,
        cause: error,
      },
    );
  }
}

/** Anything that is not a fetch error is a bug; it still becomes a failure of this source, not of the run. */
function asFailure(error: unknown, source: Source): FetchFailure {
  if (isFetchFailure(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new PermanentFetchError(`Unexpected error while fetching \`${source.id}\`: ${reason}`, {
    code: 'internal',
    url: source.url ?? source.path ?? null,
    cause: error,
  });
}

/** Checks the shape `fetchSources` relies on; `readManifest` gives the full, friendlier validation. */
function assertSources(sources: readonly Source[]): void {
  if (!Array.isArray(sources)) {
    throw new TypeError(
      `Expected \`sources\` to be an array, got \`${String(sources)}\` (${typeof sources})`,
    );
  }
  sources.forEach((source: unknown, index) => {
    const entry = (typeof source === 'object' && source !== null ? source : {}) as Record<string, unknown>;
    const hasPath = typeof entry.path === 'string';
    const hasUrl = typeof entry.url === 'string';
    if (typeof entry.id !== 'string' || hasPath === hasUrl) {
      throw new TypeError(
        `Expected \`sources[${index}]\` to have a string \`id\` and exactly one of \`path\` or \`url\`, got \`${JSON.stringify(source)}\``,
      );
    }
    if (hasUrl && !URL.canParse(entry.url as string)) {
      throw new TypeError(
        `Expected \`sources[${index}].url\` to be a URL, got \`${String(entry.url)}\` (string)`,
      );
    }
  });
}
