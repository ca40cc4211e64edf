/**
 * Timing: warm up, then time whole passes over the same items several times, and summarise the passes
 * as median, min and max documents/s and MB/s, with the spread that says how noisy the machine was.
 */

/** A median with the range it came from. */
export interface Summary {
  median: number;
  min: number;
  max: number;
}

/** One measured scenario. */
export interface Rate {
  name: string;
  docs: number;
  /** Bytes of input per pass. */
  bytes: number;
  /** Seconds of each timed pass, in the order run. */
  seconds: number[];
  docsPerSecond: Summary;
  mbPerSecond: Summary;
  /** (max - min) / median of docs/s: 0.05 means the passes lay within 5% of each other. */
  spread: number;
}

/** How to measure. */
export interface MeasureOptions {
  /** Timed passes over all the items. */
  runs: number;
  /** Items processed (untimed) before the first pass, to let the JIT settle. */
  warmup: number;
}

/**
 * The median, min and max of a non-empty list.
 *
 * @param values The numbers.
 * @example
 * summarise([3, 1, 2]) //=> { median: 2, min: 1, max: 3 }
 */
export function summarise(values: readonly number[]): Summary {
  if (values.length === 0) throw new TypeError('Expected at least one value to summarise, got []');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number };
}

/** Results are folded into this, so that no pass can be optimised away as dead code. */
let sink = 0;

/**
 * The value folded from every measured call; printing it keeps the work observable.
 */
export function sinkValue(): number {
  return sink;
}

/**
 * Measures `work` over `items`: `warmup` untimed calls, then `runs` timed passes over every item.
 *
 * @param name The scenario's name in the report.
 * @param items The inputs, the same for every pass.
 * @param bytes The size of one pass's input, for MB/s.
 * @param work One call on one item; its result is folded into a sink (a number is added, anything else counts 1).
 * @param options Runs and warm-up.
 */
export function measure<T>(
  name: string,
  items: readonly T[],
  bytes: number,
  work: (item: T) => unknown,
  options: MeasureOptions,
): Rate {
  if (items.length === 0) throw new TypeError(`Expected items to measure \`${name}\` on, got none`);
  const fold = (result: unknown): void => {
    sink = (sink + (typeof result === 'number' ? result : result == null ? 0 : 1)) % 1_000_003;
  };
  for (let i = 0; i < options.warmup; i++) fold(work(items[i % items.length] as T));
  const seconds: number[] = [];
  for (let run = 0; run < options.runs; run++) {
    const started = performance.now();
    for (const item of items) fold(work(item));
    seconds.push((performance.now() - started) / 1000);
  }
  return rateOf(name, items.length, bytes, seconds);
}

/**
 * Turns timed passes into a `Rate`.
 *
 * @param name The scenario's name.
 * @param docs Documents per pass.
 * @param bytes Bytes per pass.
 * @param seconds Seconds of each pass.
 */
export function rateOf(name: string, docs: number, bytes: number, seconds: number[]): Rate {
  const docsPerSecond = summarise(seconds.map((s) => docs / s));
  const mbPerSecond = summarise(seconds.map((s) => bytes / 1024 / 1024 / s));
  const spread = (docsPerSecond.max - docsPerSecond.min) / docsPerSecond.median;
  return { name, docs, bytes, seconds, docsPerSecond, mbPerSecond, spread };
}
