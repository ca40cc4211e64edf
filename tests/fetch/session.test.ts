import { afterAll, beforeAll, expect, it } from 'vitest';
import { openFetchSession } from '../../src/fetch/index.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';

/** A session fetches a long manifest in batches while robots.txt and the per-host rate hold across them. */

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

it('asks robots.txt once for the whole session and keeps the rate between batches', async () => {
  server.reset();
  server.route(
    '/robots.txt',
    reply('User-agent: *\nDisallow: /private/\n', { 'content-type': 'text/plain' }),
  );
  for (let i = 0; i < 6; i++) server.route(`/p/${i}`, reply(`<p>page ${i}</p>`));
  const events: number[] = [];
  const session = await openFetchSession(
    { allowHosts: [server.host], rate: 10, concurrency: 2, cacheDir: `/tmp/tip-session-${process.pid}` },
    (event) => {
      if (event.type === 'done') events.push(event.index);
    },
  );
  const first = await session.fetch([0, 1, 2].map((i) => ({ id: `p${i}`, url: server.url(`/p/${i}`) })));
  const second = await session.fetch(
    [3, 4, 5].map((i) => ({ id: `p${i}`, url: server.url(`/p/${i}`) })),
    3,
  );
  await session.close();
  expect([...first, ...second].map((o) => o.status)).toStrictEqual(Array(6).fill('fetched'));
  expect(server.requestsTo('/robots.txt')).toHaveLength(1);
  expect(events.sort()).toStrictEqual([0, 1, 2, 3, 4, 5]);
  const starts = server.requests.filter((r) => r.url.startsWith('/p/')).map((r) => r.time);
  const gaps = starts.slice(1).map((t, i) => t - (starts[i] as number));
  // 10 requests per second: 100 ms apart, also across the batch boundary (10% for connection setup).
  expect(Math.min(...gaps)).toBeGreaterThanOrEqual(90);
});
