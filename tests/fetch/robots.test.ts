import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchSources, PermanentFetchError, type Source } from '../../src/fetch/index.js';
import { isPathAllowed, matchesPattern, parseRobots, rulesFor } from '../../src/fetch/robots.js';
import { reply, startServer, type TestServer } from '../helpers/server.js';
import { removeTempDirs, tempDir, testOptions } from './setup.js';

const ROBOTS = `# Refworld-like rules
User-agent: *
Disallow: /private
Allow: /private/ok

User-agent: other-bot
Disallow: /
`;

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
});
afterAll(async () => {
  await server.close();
  await removeTempDirs();
});
beforeEach(() => {
  server.reset();
  for (const path of ['/public', '/private/secret', '/private/ok'])
    server.route(path, reply(`<p>${path}</p>`));
});

async function fetchPaths(paths: string[]) {
  const sources: Source[] = paths.map((path, index) => ({ id: `doc-${index}`, url: server.url(path) }));
  return fetchSources(sources, testOptions(server, await tempDir(), { robots: true }));
}

describe('robots.txt against the server', () => {
  it('is fetched once per host and obeyed: longest match wins', async () => {
    server.route('/robots.txt', reply(ROBOTS, { 'content-type': 'text/plain' }));

    const outcomes = await fetchPaths(['/public', '/private/secret', '/private/ok']);

    expect(outcomes.map((outcome) => outcome.status)).toStrictEqual(['fetched', 'failed', 'fetched']);
    expect(outcomes[1]?.error).toBeInstanceOf(PermanentFetchError);
    expect(outcomes[1]?.error?.code).toBe('robots-disallowed');
    expect(outcomes[1]?.error?.message).toContain('Disallow: /private');
    expect(server.requestsTo('/robots.txt')).toHaveLength(1);
    expect(server.requestsTo('/private/secret')).toHaveLength(0);
    expect(server.requests[0]?.url).toBe('/robots.txt');
    expect(server.requests[0]?.headers['user-agent']).toMatch(/^tip-extract\//);
  });

  it('allows everything when robots.txt is a 404', async () => {
    const outcomes = await fetchPaths(['/public', '/private/secret']);

    expect(outcomes.map((outcome) => outcome.status)).toStrictEqual(['fetched', 'fetched']);
    expect(server.requestsTo('/robots.txt')).toHaveLength(1);
  });

  it('disallows the whole host for the run when robots.txt keeps failing with 5xx', async () => {
    server.route('/robots.txt', reply('broken', {}, 500));

    const outcomes = await fetchPaths(['/public', '/private/ok']);

    expect(outcomes.map((outcome) => outcome.error?.code)).toStrictEqual([
      'robots-unavailable',
      'robots-unavailable',
    ]);
    expect(server.requestsTo('/public')).toHaveLength(0);
    // Retried like any request (retries: 4), then the verdict is kept for the rest of the run.
    expect(server.requestsTo('/robots.txt')).toHaveLength(5);
  });

  it('is not consulted when the robots option is off', async () => {
    server.route('/robots.txt', reply('User-agent: *\nDisallow: /\n', { 'content-type': 'text/plain' }));
    const [outcome] = await fetchSources(
      [{ id: 'doc', url: server.url('/public') }],
      testOptions(server, await tempDir(), { robots: false }),
    );

    expect(outcome?.status).toBe('fetched');
    expect(server.requestsTo('/robots.txt')).toHaveLength(0);
  });
});

describe('parseRobots and rulesFor', () => {
  const groups = parseRobots(`
User-agent: Tip-Extract/2.0
User-agent: another
Disallow: /reference/   # ours
Crawl-delay: 10

user-agent: *
disallow: /
Sitemap: https://example.org/sitemap.xml

User-agent: tip-extract
Allow: /reference/annualreport
Disallow:
`);

  it('groups consecutive user-agent lines and merges every group naming our product token', () => {
    expect(groups).toHaveLength(3);
    expect(rulesFor(groups, 'tip-extract')).toStrictEqual([
      { allow: false, pattern: '/reference/' },
      { allow: true, pattern: '/reference/annualreport' },
    ]);
  });

  it('falls back to the * group for any other crawler', () => {
    expect(rulesFor(groups, 'somebot')).toStrictEqual([{ allow: false, pattern: '/' }]);
  });

  it('ignores rules that come before any user-agent line', () => {
    expect(parseRobots('Disallow: /\n')).toStrictEqual([]);
  });
});

describe('isPathAllowed', () => {
  const rules = [
    { allow: false, pattern: '/docid/' },
    { allow: true, pattern: '/docid/5959' },
    { allow: false, pattern: '/*.pdf$' },
    { allow: true, pattern: '/same' },
    { allow: false, pattern: '/same' },
  ];

  it.each([
    ['/reference/annualreport/usdos/2012/en/86954', true],
    ['/docid/4a1234.html', false],
    // The longer Allow beats the shorter Disallow.
    ['/docid/5959eca511.html', true],
    ['/files/report.pdf', false],
    ['/files/report.pdf?x=1', true],
    // On a tie, the least restrictive rule wins.
    ['/same', true],
  ])('%s → %s', (path, expected) => {
    expect(isPathAllowed(rules, path).allowed).toBe(expected);
  });
});

describe('matchesPattern', () => {
  it.each([
    ['/fish', '/fish.html', true],
    ['/fish', '/Fish', false],
    ['/fish*', '/fishheads/yummy', true],
    ['/*.php', '/folder/filename.php?x', true],
    ['/*.php$', '/filename.php?x', false],
    ['/fish$', '/fish', true],
    ['/fish$', '/fishes', false],
    ['*', '/anything', true],
  ])('%s matches %s: %s', (pattern, path, expected) => {
    expect(matchesPattern(pattern, path)).toBe(expected);
  });

  it('stays fast on a pattern that would make a backtracking RegExp explode', () => {
    const started = performance.now();
    expect(matchesPattern(`/${'*a'.repeat(30)}b$`, `/${'a'.repeat(5000)}`)).toBe(false);
    expect(performance.now() - started).toBeLessThan(500);
  });
});
