import { canonicalJson, processSource } from '../src/index.js';
import { toFetched } from './corpus.js';
import { ADVERSARIAL, PATHOLOGICAL_MARKER, type PathologicalReport } from './pathological.js';

/**
 * Runs one adversarial input through `processSource` and serialisation a few times, and prints
 * `BENCH_PATHOLOGICAL {bytes, ms[], outcome, maxRssKiB}` on stdout.
 *
 * Usage: `node dist/bench/pathological-child.js <index into ADVERSARIAL> <calls>`
 */

const index = Number(process.argv[2]);
const calls = Number(process.argv[3] ?? 3);
const input = ADVERSARIAL[index];
if (!input || !(Number.isInteger(calls) && calls >= 1)) {
  throw new TypeError(
    `Expected an input index below ${ADVERSARIAL.length} and a call count, got ${process.argv.slice(2)}`,
  );
}
const source = input.make();
const fetched = toFetched(
  'adversarial',
  source,
  input.contentType === 'text/html' ? 'a.html' : 'a.txt',
  input.contentType,
);
const ms: number[] = [];
let outcome = 'ok';
for (let i = 0; i < calls; i++) {
  const started = performance.now();
  const processed = processSource(fetched);
  if (processed.ok) canonicalJson(processed.document);
  ms.push(performance.now() - started);
  outcome = processed.ok
    ? `ok: ${processed.document.numbers.length} numbers, ${processed.document.figures.length} figures`
    : processed.failure.errorClass;
}
const report: PathologicalReport = {
  bytes: fetched.body.byteLength,
  ms,
  outcome,
  maxRssKiB: process.resourceUsage().maxRSS,
};
process.stdout.write(`${PATHOLOGICAL_MARKER}${JSON.stringify(report)}\n`);
