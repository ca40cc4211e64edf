import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchSources, type Source } from '../../src/fetch/index.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { removeTempDirs, tempDir, testOptions } from './setup.js';

let server: TestServer;
let other: TestServer;
beforeAll(async () => {
  [server, other] = await Promise.all([startServer(), startServer()]);
});
afterAll(async () => {
  await Promise.all([server.close(), other.close()]);
  await removeTempDirs();
});
beforeEach(() => {
  server.reset();
  other.reset();
});

/** Answers after a pause, so that requests overlap if the client lets them. */
function slow(ms: number) {
  return (_request: IncomingMessage, response: ServerResponse) => {
    setTimeout(() => response.writeHead(200, { 'content-type': 'text/plain' }).end('ok'), ms);
  };
}

function sources(target: TestServer, count: number, prefix = 'doc'): Source[] {
  return Array.from({ length: count }, (_, index) => {
    target.route(`/${prefix}/${index}`, slow(40));
    return { id: `${prefix}-${index}`, url: target.url(`/${prefix}/${index}`) };
  });
}

describe('per-host concurrency', () => {
  it('keeps at most two requests in flight for ten sources on one host', async () => {
    const outcomes = await fetchSources(
      sources(server, 10),
      testOptions(server, await tempDir(), { concurrency: 2 }),
    );

    expect(outcomes.every((outcome) => outcome.status === 'fetched')).toBe(true);
    expect(server.requests).toHaveLength(10);
    expect(server.peakInFlight).toBe(2);
  });

  it('lets more through when allowed, so the bound above is the queue at work', async () => {
    await fetchSources(sources(server, 10), testOptions(server, await tempDir(), { concurrency: 5 }));

    expect(server.peakInFlight).toBe(5);
  });

  it('bounds each host on its own: two hosts, two requests in flight each', async () => {
    const mixed = [...sources(server, 6, 'a'), ...sources(other, 6, 'b')];
    const options = testOptions(server, await tempDir(), {
      concurrency: 2,
      allowHosts: [server.host, other.host],
    });

    const outcomes = await fetchSources(mixed, options);

    expect(outcomes.map((outcome) => outcome.source.id)).toStrictEqual(mixed.map((source) => source.id));
    expect([server.peakInFlight, other.peakInFlight]).toStrictEqual([2, 2]);
  });
});

describe('per-host rate', () => {
  it('spaces request starts by 1000 / rate ms', async () => {
    const list = sources(server, 5);
    const started = performance.now();

    await fetchSources(list, testOptions(server, await tempDir(), { rate: 5, concurrency: 5 }));

    const times = server.requests.map((request) => request.time);
    const gaps = times.slice(1).map((time, index) => time - (times[index] ?? 0));
    expect(gaps).toHaveLength(4);
    // 200 ms apart at the client; the server sees arrivals, which the first connection's setup can shift by
    // a few ms, so allow 10%. Without the rate limit the gaps are about 1 ms.
    for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(180);
    expect(performance.now() - started).toBeGreaterThanOrEqual(780);
  });
});
