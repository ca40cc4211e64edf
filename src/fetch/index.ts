export type { CacheMeta } from './cache.js';
export {
  type FetchErrorCode,
  type FetchFailure,
  type FetchFailureRecord,
  isFetchFailure,
  ManifestError,
  PermanentFetchError,
  RetryableFetchError,
} from './errors.js';
export { parseManifest, readManifest } from './manifest.js';
export { defaultUserAgent, FETCH_DEFAULTS, type FetchOptions } from './options.js';
export { type FetchSession, fetchSources, openFetchSession } from './sources.js';
export type { FetchEvent, Fetched, FetchOutcome, FetchStatus, Source } from './types.js';
