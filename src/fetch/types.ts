import type { FetchFailure, RetryableFetchError } from './errors.js';

/** One entry of a sources manifest (`fixtures/sources.json`): where a document comes from. */
export interface Source {
  /** The document id: becomes `output/<id>.json`. */
  id: string;
  /** A local file, relative to the manifest's folder. */
  path?: string;
  /** An http(s) or file: URL. */
  url?: string;
  country?: string;
  year?: number;
}

/** What fetch hands to parse: the raw bytes of one source and where they came from. */
export interface Fetched {
  source: Source;
  /** The address finally read (after redirects), or null for a local path. */
  url: string | null;
  body: Uint8Array;
  /** The Content-Type header, or a guess from the file extension for local files. */
  contentType: string | null;
  /** sha256 of `body`, lower-case hex. */
  sha256: string;
}

/**
 * How one source ended: `fetched` (a new body), `not_modified` (the server answered 304; `fetched` holds
 * the cached body, so the caller may skip re-extracting), `cached` (offline replay) or `failed`.
 */
export type FetchStatus = 'fetched' | 'not_modified' | 'cached' | 'failed';

/** The result for one manifest entry; `fetchSources` returns them in manifest order. */
export interface FetchOutcome {
  source: Source;
  status: FetchStatus;
  /** The body, present unless `status` is `failed`. */
  fetched?: Fetched;
  /** Why it failed, present only when `status` is `failed`. */
  error?: FetchFailure;
  /** HTTP requests made for this source: redirect hops and retries count, robots.txt does not. */
  requests: number;
  /** sha256 of the body cached before this run, if any: equal to `fetched.sha256` when nothing changed. */
  previousSha256?: string;
}

/** What `fetchSources` reports as it goes, for a progress bar or log lines. */
export type FetchEvent =
  /** Work on a source begins (all sources begin at once; their requests then wait in the host queues). */
  | { type: 'start'; source: Source; index: number }
  /** A request leaves the queue: one per redirect hop and attempt. */
  | { type: 'request'; source: Source; url: string; attempt: number }
  /** An attempt failed and will be retried after `delay` ms. */
  | { type: 'retry'; source: Source; url: string; attempt: number; delay: number; error: RetryableFetchError }
  /** A source is finished, one way or another. */
  | { type: 'done'; source: Source; index: number; outcome: FetchOutcome };
