import { runChild } from './child.js';

/**
 * Adversarial inputs (the shapes of tests/robustness.test.ts), each run through `processSource` and
 * serialisation in a child process of its own, so that a hang is cut off and one input's memory does not
 * count against another's.
 */

/** One adversarial input. */
export interface Adversarial {
  name: string;
  /** The bound tests/robustness.test.ts holds it to, in ms (about 10 times what it needs when linear). */
  boundMs: number;
  contentType: string;
  make: () => string;
}

/** The inputs, in report order. */
export const ADVERSARIAL: readonly Adversarial[] = [
  {
    name: '1 MB with no newline',
    boundMs: 15_000,
    contentType: 'text/plain',
    make: () => `${'The government convicted 10 offenders in 2016 and '.repeat(20_000)}.`,
  },
  {
    name: '100,000 digits with commas',
    boundMs: 10_000,
    contentType: 'text/plain',
    make: () => Array.from({ length: 100_000 }, () => '1').join(','),
  },
  {
    name: '"article article ..." x 100,000',
    boundMs: 10_000,
    contentType: 'text/plain',
    make: () => 'article '.repeat(100_000),
  },
  {
    name: 'HTML nested 10,000 deep',
    boundMs: 10_000,
    contentType: 'text/html',
    make: () =>
      `<html><body>${'<div>'.repeat(10_000)}convicted 3 traffickers${'</div>'.repeat(10_000)}</body></html>`,
  },
  {
    name: '10,000 headings',
    boundMs: 20_000,
    contentType: 'text/plain',
    make: () =>
      Array.from(
        { length: 10_000 },
        (_, i) => `PROSECUTION\n\nThe government convicted ${i} offenders.`,
      ).join('\n\n'),
  },
  {
    name: 'one sentence of 200,000 words',
    boundMs: 20_000,
    contentType: 'text/plain',
    make: () => `${'and the government identified five victims '.repeat(30_000)}.`,
  },
];

/** What the child reports for one input. */
export interface PathologicalReport {
  bytes: number;
  /** Milliseconds of each call, in order (the first is cold). */
  ms: number[];
  /** "ok", or the failure's error class (a ParseError on such input is a fine answer). */
  outcome: string;
  maxRssKiB: number;
}

/** One input's result, as the report shows it. */
export interface PathologicalResult {
  name: string;
  boundMs: number;
  bytes: number | null;
  /** Median of the calls, or null when the child timed out or crashed. */
  medianMs: number | null;
  maxMs: number | null;
  outcome: string;
  peakRssMiB: number | null;
}

/** The marker of the child's report line on stdout. */
export const PATHOLOGICAL_MARKER = 'BENCH_PATHOLOGICAL ';

const CHILD = new URL('./pathological-child.js', import.meta.url);

/**
 * Runs every adversarial input in its own child process.
 *
 * @param calls Calls per input (the median is reported).
 * @param log Told of each input as it starts.
 */
export async function measurePathological(
  calls: number,
  log: (line: string) => void,
): Promise<PathologicalResult[]> {
  const results: PathologicalResult[] = [];
  for (const [index, input] of ADVERSARIAL.entries()) {
    log(`pathological: ${input.name}`);
    const timeoutMs = input.boundMs * calls * 3;
    const child = await runChild<PathologicalReport>(CHILD, [String(index), String(calls)], {
      marker: PATHOLOGICAL_MARKER,
      timeoutMs,
      stream: 'stdout',
    });
    const report = child.report;
    const sorted = report ? [...report.ms].sort((a, b) => a - b) : [];
    results.push({
      name: input.name,
      boundMs: input.boundMs,
      bytes: report?.bytes ?? null,
      medianMs: sorted.length > 0 ? (sorted[Math.floor(sorted.length / 2)] as number) : null,
      maxMs: sorted.at(-1) ?? null,
      outcome: report
        ? report.outcome
        : child.timedOut
          ? `TIMEOUT after ${Math.round(timeoutMs / 1000)} s`
          : `CRASH (exit ${child.exitCode}, signal ${child.signal}): ${child.stderrTail}`,
      peakRssMiB: report ? report.maxRssKiB / 1024 : null,
    });
  }
  return results;
}
