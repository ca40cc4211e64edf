import { createHash } from 'node:crypto';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatExports, readSeenLedger } from '../src/emit/index.js';
import { run } from '../src/pipeline.js';
import { validate } from '../src/validate/index.js';
import { ROOT } from './helpers/pipeline.js';
import { startServer, type TestServer } from './helpers/server.js';

/**
 * Re-runs against a real HTTP server on 127.0.0.1: the first run fetches and extracts everything, an
 * unchanged second run is answered 304 and rewrites nothing, a changed page is re-extracted with a change
 * report naming the changed figure, and a change of page chrome alone does not count as a change.
 */

const SEED = await readFile(join(ROOT, 'fixtures', 'sources', 'refworld-5959eca511.txt'), 'utf8');
const DOCS = 50;

const NARRATIVE = SEED.slice(SEED.indexOf('KYRGYZ REPUBLIC: TIER 2'), SEED.indexOf('Search Refworld')).trim();
const escapeHtml = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/**
 * Document i as a Refworld-like HTML page: the seed narrative with its own hotline figure (so that every
 * document differs), inside navigation and a sidebar that may change without the narrative changing.
 */
const page = (i: number, convicted = 10, sidebar = 'Kyrgyzstan'): string => {
  const body = NARRATIVE.replace('received 2,979 calls', `received ${3000 + i} calls`).replace(
    'convicted 10 offenders',
    `convicted ${convicted} offenders`,
  );
  const paragraphs = body
    .split(/\n\n+/)
    .map((p) => `<p>${escapeHtml(p)}</p>`)
    .join('\n');
  return `<!doctype html><html><head><title>2017 Trafficking in Persons Report - Kyrgyz Republic</title></head><body>
<nav class="navigation"><ul><li>Home</li><li>Search Refworld</li></ul></nav>
<aside class="sidebar"><h2>Countries</h2><ul><li>${sidebar}</li></ul></aside>
<main><h1>2017 Trafficking in Persons Report - Kyrgyz Republic</h1>
${paragraphs}
</main><footer>Refworld footer</footer></body></html>`;
};

const etag = (body: string) => `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;

let server: TestServer;
const bodies = new Map<string, string>();

beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
});

/** Serves every document with ETag and Last-Modified, answering 304 to a matching If-None-Match. */
function serveAll(): void {
  for (const [path, body] of bodies) {
    server.route(path, (request, response) => {
      const tag = etag(body);
      if (request.headers['if-none-match'] === tag) {
        response.writeHead(304, { etag: tag }).end();
        return;
      }
      response
        .writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          etag: tag,
          'last-modified': 'Fri, 01 Nov 2019 13:47:00 GMT',
        })
        .end(body);
    });
  }
}

describe('a manifest of 50 URLs served locally, run three times', () => {
  it('fetches everything once, then gets 304s, then re-extracts only what changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tip-rerun-'));
    const entries = Array.from({ length: DOCS }, (_, i) => ({
      id: `doc-${i}`,
      url: server.url(`/docid/${i}.html`),
    }));
    for (let i = 0; i < DOCS; i++) bodies.set(`/docid/${i}.html`, page(i));
    await writeFile(join(dir, 'sources.json'), JSON.stringify(entries));
    const options = {
      sources: join(dir, 'sources.json'),
      out: join(dir, 'out'),
      fetch: { allowHosts: [server.host], rate: 1000, concurrency: 4, cacheDir: join(dir, 'cache') },
    };

    server.reset();
    serveAll();
    const first = await run(options);
    expect(first.failed).toBe(0);
    expect(first.documents.map((d) => d.status)).toStrictEqual(entries.map(() => 'new'));
    // The HTML page gives the same figures as the text dump of the same narrative (the seed has 30).
    expect(first.documents[0]?.summary?.figures).toBe(30);
    expect(first.documents[0]?.summary?.kind).toBe('tip_narrative');
    const firstRequests = server.requests.length;
    expect(firstRequests).toBe(DOCS + 1); // 50 pages and one robots.txt
    const written = await stat(join(dir, 'out', 'doc-7.json'));

    server.reset();
    serveAll();
    const second = await run(options);
    expect(second.documents.map((d) => d.status)).toStrictEqual(entries.map(() => 'not_modified'));
    expect(
      server.requests
        .filter((r) => r.url !== '/robots.txt')
        .every((r) => r.headers['if-none-match'] !== undefined),
    ).toBe(true);
    expect(server.requests.length).toBe(DOCS + 1);
    expect((await stat(join(dir, 'out', 'doc-7.json'))).mtimeMs).toBe(written.mtimeMs);

    bodies.set('/docid/7.html', page(7, 12));
    bodies.set('/docid/8.html', page(8, 10, 'Kyrgyzstan</li><li>Tajikistan'));
    server.reset();
    serveAll();
    const third = await run(options);
    const byId = new Map(third.documents.map((d) => [d.id, d]));
    expect(byId.get('doc-7')?.status).toBe('changed');
    expect(byId.get('doc-8')?.status).toBe('unchanged');
    expect(third.documents.filter((d) => d.status === 'not_modified')).toHaveLength(DOCS - 2);
    const report = byId.get('doc-7')?.changes;
    expect(
      report?.changed.map((c) => [
        c.after.metric,
        c.after.year,
        c.before.value,
        c.after.value,
        c.after.quote,
      ]),
    ).toStrictEqual([['convictions', 2016, 10, 12, 'convicted 12 offenders']]);
    expect(report?.added).toStrictEqual([]);
    expect(report?.removed).toStrictEqual([]);
    const onDisk = JSON.parse(
      await readFile(join(dir, 'out', 'changes', 'doc-7.json'), 'utf8'),
    ) as typeof report;
    expect(onDisk).toStrictEqual(report);
    const doc7 = validate(JSON.parse(await readFile(join(dir, 'out', 'doc-7.json'), 'utf8')));
    expect(
      doc7.success && doc7.data.figures.find((f) => f.metric === 'convictions' && f.year === 2016)?.value,
    ).toBe(12);
    const seen = await readSeenLedger(join(dir, 'out'));
    expect(Object.keys(seen)).toHaveLength(DOCS);
    // The exports were opened at the first changed document (in id order, doc-7 comes after 47 unchanged
    // ones, read back then) and hold every document as it now stands.
    const docs = await Promise.all(
      entries.map(async (e) => {
        const doc = validate(JSON.parse(await readFile(join(dir, 'out', `${e.id}.json`), 'utf8')));
        if (!doc.success) throw new Error(`${e.id} is not valid`);
        return doc.data;
      }),
    );
    for (const { name, content } of flatExports(docs)) {
      expect(await readFile(join(dir, 'out', name), 'utf8')).toBe(content);
    }
    expect(third.exports.find((e) => e.path.endsWith('figures.csv'))?.written).toBe(true);
    expect(second.exports).toStrictEqual([]);
  }, 60_000);

  it('refuses a second run on the same output folder while the first holds it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tip-lock-'));
    await writeFile(
      join(dir, 'sources.json'),
      JSON.stringify([{ id: 'seed', path: join(ROOT, 'fixtures', 'sources', 'refworld-5959eca511.txt') }]),
    );
    const options = { sources: join(dir, 'sources.json'), out: join(dir, 'out') };
    const [a, b] = await Promise.allSettled([run(options), run(options)]);
    const outcomes = [a.status, b.status].sort();
    expect(outcomes).toStrictEqual(['fulfilled', 'rejected']);
    const rejected = [a, b].find((x) => x.status === 'rejected') as PromiseRejectedResult;
    expect(String(rejected.reason)).toMatch(/LockError: another tip-extract run \(pid \d+\) is writing to /);
    expect((await run(options)).failed).toBe(0);
  });
});

describe('figures keep offsets back into the page as fetched', () => {
  it('maps every figure of an HTML page to the same words in the HTML', async () => {
    const html = page(0);
    const { decodeBody, parseSource } = await import('../src/parse/index.js');
    const { processSource } = await import('../src/pipeline.js');
    const fetched = {
      source: { id: 'html-seed', url: 'https://www.refworld.org/docid/5959eca511.html' },
      url: 'https://www.refworld.org/docid/5959eca511.html',
      body: new TextEncoder().encode(html),
      contentType: 'text/html; charset=utf-8',
      sha256: 'c'.repeat(64),
    };
    const processed = processSource(fetched);
    expect(processed.ok).toBe(true);
    const doc = processed.ok ? processed.document : null;
    const decoded = decodeBody(fetched.body, fetched.contentType);
    expect(parseSource(fetched).format).toBe('html');
    expect(doc?.figures).toHaveLength(30);
    for (const figure of doc?.figures ?? []) {
      expect(figure.source, figure.id).toBeDefined();
      expect(decoded.slice(figure.source?.start, figure.source?.end)).toBe(figure.quote);
    }
  });
});
