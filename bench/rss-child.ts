import { writeSync } from 'node:fs';

/**
 * Runs the built CLI (dist/src/cli.js) in this process with the arguments given, and at exit reports on
 * stderr one line, `BENCH_CHILD {"maxRssKiB", "ms", "exitCode"}`: the process's peak resident set size
 * (worker threads included, as they share the process), from `process.resourceUsage().maxRSS`.
 *
 * Usage: `node dist/bench/rss-child.js run --sources m.json --out out --workers 2`
 */

/** The prefix of the line the parent looks for. */
export const CHILD_MARKER = 'BENCH_CHILD ';

const started = performance.now();
process.on('exit', (code) => {
  const report = {
    maxRssKiB: process.resourceUsage().maxRSS,
    ms: performance.now() - started,
    exitCode: code,
  };
  writeSync(2, `\n${CHILD_MARKER}${JSON.stringify(report)}\n`);
});

const cli = new URL('../src/cli.js', import.meta.url);
process.argv = [process.argv[0] ?? 'node', cli.pathname, ...process.argv.slice(2)];
await import(cli.href);
