/**
 * Why a fetch failed, as a stable name that tools and reports can switch on (the message is for people).
 *
 * Retryable: `http-status` (429, 408, 5xx), `timeout`, `network`, `truncated`.
 * Permanent: `http-status` (404 and other 4xx), `bad-content-type`, `bad-encoding`, `too-large`,
 * `redirect-loop`, `too-many-redirects`, `bad-redirect`, `host-not-allowed`, `scheme-not-allowed`,
 * `address-not-allowed` (the host is, or resolves to, a loopback, private, link-local or other internal
 * address that the allow-list does not name), `robots-disallowed`, `robots-unavailable`, `not-cached`
 * (offline), `file`, `cache`, `unexpected-304`, `internal` (a bug: the cause says which). A TLS certificate
 * failure is a permanent `network`.
 */
export type FetchErrorCode =
  | 'http-status'
  | 'timeout'
  | 'network'
  | 'truncated'
  | 'bad-content-type'
  | 'bad-encoding'
  | 'too-large'
  | 'redirect-loop'
  | 'too-many-redirects'
  | 'bad-redirect'
  | 'host-not-allowed'
  | 'scheme-not-allowed'
  | 'address-not-allowed'
  | 'robots-disallowed'
  | 'robots-unavailable'
  | 'not-cached'
  | 'file'
  | 'cache'
  | 'unexpected-304'
  | 'internal';

/** What every fetch error carries besides its message. */
export interface FetchErrorDetails {
  code: FetchErrorCode;
  /** The HTTP status that caused the failure, or null when there was no response. */
  status?: number | null;
  /** The address being read when the failure happened (a redirect hop, not always the manifest URL). */
  url?: string | null;
  /** How long the server asked us to wait (`Retry-After`), in milliseconds. */
  retryAfter?: number | null;
  cause?: unknown;
}

/** A plain record of a failure, for JSON reports and logs. */
export interface FetchFailureRecord {
  name: 'RetryableFetchError' | 'PermanentFetchError';
  code: FetchErrorCode;
  message: string;
  status: number | null;
  url: string | null;
  attempts: number;
}

/** The base of both fetch error classes: not exported, so that every failure is one or the other. */
abstract class FetchError extends Error {
  abstract override readonly name: 'RetryableFetchError' | 'PermanentFetchError';
  readonly code: FetchErrorCode;
  readonly status: number | null;
  readonly url: string | null;
  readonly retryAfter: number | null;
  /** How many requests were made for the failing address, set by the retry loop (1 when never retried). */
  attempts = 1;

  constructor(message: string, details: FetchErrorDetails) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.code = details.code;
    this.status = details.status ?? null;
    this.url = details.url ?? null;
    this.retryAfter = details.retryAfter ?? null;
  }

  /** Returns the failure as a plain record (class name, code, status, url, attempts). */
  toJSON(): FetchFailureRecord {
    return {
      name: this.name,
      code: this.code,
      message: this.message,
      status: this.status,
      url: this.url,
      attempts: this.attempts,
    };
  }
}

/** A failure that may go away if we ask again later: 429, 5xx, timeouts, dropped connections, short bodies. */
export class RetryableFetchError extends FetchError {
  override readonly name = 'RetryableFetchError' as const;
}

/** A failure that asking again will not fix: 404, a refused host, a body too large, a redirect loop. */
export class PermanentFetchError extends FetchError {
  override readonly name = 'PermanentFetchError' as const;
}

/** Either kind of fetch failure: `instanceof` tells them apart. */
export type FetchFailure = RetryableFetchError | PermanentFetchError;

/**
 * Tells whether a value is one of the two fetch error classes.
 *
 * @param value Anything caught.
 */
export function isFetchFailure(value: unknown): value is FetchFailure {
  return value instanceof RetryableFetchError || value instanceof PermanentFetchError;
}

/** A sources manifest that cannot be used, naming the entry and the field at fault. */
export class ManifestError extends Error {
  override readonly name = 'ManifestError';
  /** The index of the offending entry in the manifest array, or null when the whole file is at fault. */
  readonly index: number | null;
  /** The offending field, or null when the entry (or file) as a whole is at fault. */
  readonly field: string | null;

  constructor(message: string, where: { index?: number; field?: string; cause?: unknown } = {}) {
    super(message, where.cause === undefined ? undefined : { cause: where.cause });
    this.index = where.index ?? null;
    this.field = where.field ?? null;
  }
}
