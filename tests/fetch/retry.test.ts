import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type FetchEvent,
  fetchSources,
  PermanentFetchError,
  RetryableFetchError,
  type Source,
} from '../../src/fetch/index.js';
import { backoffDelay, parseRetryAfter, withRetries } from '../../src/fetch/retry.js';
import { cutShort, hang, reply, startServer, type TestServer } from '../helpers/server.js';
import { removeTempDirs, tempDir, testOptions } from './setup.js';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});
beforeEach(() => server.reset());

const page = reply('<p>narrative</p>');

async function fetchOne(path: string, overrides = {}, events: FetchEvent[] = []) {
  const source: Source = { id: 'doc', url: server.url(path) };
  const [outcome] = await fetchSources([source], testOptions(server, await tempDir(), overrides), (event) =>
    events.push(event),
  );
  if (outcome === undefined) throw new Error('no outcome');
  return outcome;
}

describe('retries against the server', () => {
  it('waits out a 429 with Retry-After: 1, then succeeds', async () => {
    server.route('/busy', reply('slow down', { 'retry-after': '1' }, 429), page);
    const events: FetchEvent[] = [];

    const outcome = await fetchOne('/busy', {}, events);

    expect(outcome.status).toBe('fetched');
    expect(outcome.requests).toBe(2);
    const [first, second] = server.requests;
    // Timers never fire early; a little slack covers the clock's rounding.
    expect((second?.time ?? 0) - (first?.time ?? 0)).toBeGreaterThanOrEqual(990);
    const retries = events.filter((event) => event.type === 'retry');
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ attempt: 1, delay: 1000, url: server.url('/busy') });
  });

  it('retries 500 twice and then takes the 200: three requests', async () => {
    const error = reply('oops', {}, 500);
    server.route('/flaky', error, error, page);

    const outcome = await fetchOne('/flaky');

    expect(outcome.status).toBe('fetched');
    expect(outcome.requests).toBe(3);
    expect(server.requestsTo('/flaky')).toHaveLength(3);
  });

  it('gives up after the retries with a RetryableFetchError that records status, url and attempts', async () => {
    server.route('/down', reply('down', {}, 503));

    const outcome = await fetchOne('/down', { retries: 2 });

    expect(outcome.status).toBe('failed');
    expect(outcome.error).toBeInstanceOf(RetryableFetchError);
    expect(outcome.error?.toJSON()).toStrictEqual({
      name: 'RetryableFetchError',
      code: 'http-status',
      message: `HTTP 503 from \`${server.url('/down')}\``,
      status: 503,
      url: server.url('/down'),
      attempts: 3,
    });
    expect(server.requestsTo('/down')).toHaveLength(3);
  });

  it('does not retry a 404', async () => {
    const outcome = await fetchOne('/nowhere');

    expect(outcome.error).toBeInstanceOf(PermanentFetchError);
    expect(outcome.error).toMatchObject({ status: 404, attempts: 1, code: 'http-status' });
    expect(server.requestsTo('/nowhere')).toHaveLength(1);
  });

  it('times out a response that never comes, retries, then fails as retryable', async () => {
    server.route('/hang', hang());
    const started = performance.now();

    const outcome = await fetchOne('/hang', { timeout: 100, retries: 1 });

    expect(outcome.error).toBeInstanceOf(RetryableFetchError);
    expect(outcome.error).toMatchObject({ code: 'timeout', attempts: 2, status: null });
    expect(server.requestsTo('/hang')).toHaveLength(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(200);
  });

  it('retries a body cut short of its Content-Length', async () => {
    server.route('/cut', cutShort(10_000, 100), page);

    const outcome = await fetchOne('/cut');

    expect(outcome.status).toBe('fetched');
    expect(outcome.requests).toBe(2);
    expect(Buffer.from(outcome.fetched?.body ?? []).toString()).toBe('<p>narrative</p>');
  });

  it('reports a body that is always cut short as truncated', async () => {
    server.route('/always-cut', cutShort(10_000, 100));

    const outcome = await fetchOne('/always-cut', { retries: 1 });

    expect(outcome.error).toBeInstanceOf(RetryableFetchError);
    expect(outcome.error).toMatchObject({ code: 'truncated', attempts: 2 });
  });

  it('does not wait when Retry-After asks for longer than backoff.max, and says so', async () => {
    server.route('/later', reply('come back tomorrow', { 'retry-after': '86400' }, 503), page);
    const started = performance.now();

    const outcome = await fetchOne('/later');

    expect(performance.now() - started).toBeLessThan(1000);
    expect(server.requestsTo('/later')).toHaveLength(1);
    expect(outcome.error).toBeInstanceOf(RetryableFetchError);
    expect(outcome.error?.message).toContain('asked us to wait 86400 s');
  });
});

describe('backoffDelay', () => {
  it.each([
    // [attempt, random, expected]: the ceiling doubles from base and stops at max.
    [1, 0.999_999, 99],
    [2, 0.999_999, 199],
    [3, 0.5, 200],
    [10, 0.999_999, 999],
    [4, 0, 0],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, { base: 100, max: 1000 }, () => random)).toBe(expected);
  });
});

describe('parseRetryAfter', () => {
  const now = new Date('2024-06-01T12:00:00Z');
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    ['Sat, 01 Jun 2024 12:00:30 GMT', 30_000],
    ['Sat, 01 Jun 2024 11:00:00 GMT', 0],
    [undefined, null],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
  ])('reads %j as %j ms', (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe('withRetries', () => {
  it('switches on the error class, not the message', async () => {
    let calls = 0;
    const permanent = withRetries(
      async () => {
        calls++;
        throw new PermanentFetchError('HTTP 503 (but permanent)', { code: 'http-status', status: 503 });
      },
      { retries: 3, base: 1, max: 10 },
    );
    await expect(permanent).rejects.toBeInstanceOf(PermanentFetchError);
    expect(calls).toBe(1);

    calls = 0;
    const retryable = withRetries(
      async () => {
        calls++;
        throw new RetryableFetchError('HTTP 404 (but retryable)', { code: 'http-status', status: 404 });
      },
      { retries: 3, base: 1, max: 10 },
    );
    await expect(retryable).rejects.toMatchObject({ attempts: 4 });
    expect(calls).toBe(4);
  });

  it('passes through errors that are not fetch errors without retrying', async () => {
    let calls = 0;
    const bug = withRetries(
      async () => {
        calls++;
        throw new TypeError('a bug');
      },
      { retries: 3, base: 1, max: 10 },
    );
    await expect(bug).rejects.toThrow('a bug');
    expect(calls).toBe(1);
  });
});
