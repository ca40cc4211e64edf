import { setTimeout as sleep } from 'node:timers/promises';
import { isFetchFailure, RetryableFetchError } from './errors.js';

/** When and how long to wait before asking again. */
export interface RetryPolicy {
  /** Extra attempts after the first. */
  retries: number;
  /** The first backoff ceiling, in ms; it doubles with each attempt. */
  base: number;
  /** The longest wait, ours or the server's `Retry-After`, in ms. */
  max: number;
}

/** What the retry loop reports before it sleeps. */
export interface RetryNotice {
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** How long the loop will now wait, in ms. */
  delay: number;
  error: RetryableFetchError;
}

/**
 * Returns an exponential backoff delay with full jitter: uniform over `[0, min(max, base * 2^(attempt-1)))`.
 * Full jitter spreads clients that failed together, so they do not all come back at the same instant.
 *
 * @param attempt The attempt that just failed, from 1.
 * @param policy The base and max of the backoff.
 * @param random A source of numbers in [0, 1); `Math.random` outside tests.
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'base' | 'max'>,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.max, policy.base * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Parses a `Retry-After` header, delay-seconds or an HTTP date, into milliseconds from now, or null when it
 * is absent or not understood (then our own backoff applies).
 *
 * @param value The header value.
 * @param now The current time, so that a date becomes a delay.
 * @example parseRetryAfter('120', now) //=> 120000
 */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // HTTP dates always name the weekday and GMT; requiring them keeps `Date.parse` from guessing at junk.
  if (!/^[A-Za-z]{3},? .* GMT$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/**
 * Runs an attempt until it succeeds, fails permanently, or runs out of retries. The policy switches on the
 * error class only: a `RetryableFetchError` is retried after the server's `Retry-After` or our backoff,
 * anything else is thrown at once. Every fetch error leaves with `attempts` set.
 *
 * @param attempt The work to try; it receives the attempt number, from 1.
 * @param policy How many retries and how long to wait.
 * @param onRetry Told before each wait, for progress and logs.
 */
export async function withRetries<T>(
  attempt: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  onRetry?: (notice: RetryNotice) => void,
): Promise<T> {
  for (let number = 1; ; number++) {
    try {
      return await attempt(number);
    } catch (error) {
      if (isFetchFailure(error)) error.attempts = number;
      if (!(error instanceof RetryableFetchError) || number > policy.retries) throw error;
      const delay = error.retryAfter ?? backoffDelay(number, policy);
      // A server that asks for a longer pause than we will wait gets none of our requests until the next run.
      if (delay > policy.max) throw tooLongToWait(error, policy.max);
      onRetry?.({ attempt: number, delay, error });
      await sleep(delay);
    }
  }
}

function tooLongToWait(error: RetryableFetchError, max: number): RetryableFetchError {
  const wait = `${Math.ceil((error.retryAfter ?? 0) / 1000)} s`;
  const longer = new RetryableFetchError(
    `${error.message}; the server asked us to wait ${wait}, longer than the ${max} ms we wait at most`,
    { code: error.code, status: error.status, url: error.url, retryAfter: error.retryAfter, cause: error },
  );
  longer.attempts = error.attempts;
  return longer;
}
