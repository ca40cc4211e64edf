import { parseArgs } from 'node:util';

/**
 * The benchmark's flags. `--quick` shrinks every size for a run of a minute or two; a size given
 * explicitly wins over `--quick`.
 */

/** Everything the benchmark can be told. */
export interface BenchOptions {
  /** Documents of the in-process corpus. */
  docs: number;
  /** Timed passes per scenario. */
  runs: number;
  /** Untimed documents processed before each scenario's first pass. */
  warmup: number;
  seed: number;
  /** Documents of the `tip-extract run` scenarios (workers 1 and 2). */
  big: number;
  /** Documents of the re-run scenario. */
  rerun: number;
  /** Calls per pathological input. */
  pathologicalCalls: number;
  quick: boolean;
  json: boolean;
  /** Skip the child-process scenarios (memory, workers, re-run). */
  skipMemory: boolean;
  skipPathological: boolean;
  /** Keep the temporary folder of the CLI scenarios. */
  keep: boolean;
  help: boolean;
}

/** The flags as `--help` prints them. */
export const USAGE = `npm run bench -- [flags]      (or: node dist/bench/bench.js [flags] after npm run build)

  --docs N             corpus documents for the in-process figures (default 2000; --quick 200)
  --runs N             timed passes per scenario; the median is reported (default 5)
  --warmup N           untimed documents before each scenario (default 200, at most --docs)
  --seed N             corpus seed (default 1): the same seed gives the same corpus
  --big N              documents of the tip-extract run scenarios (default 10000; --quick 1000)
  --rerun N            documents of the unchanged re-run (default 4500; --quick 500)
  --pathological-calls N  calls per adversarial input (default 3)
  --quick              small sizes for a run of a minute or two
  --json               print one JSON object instead of the table
  --skip-memory        skip the tip-extract run scenarios (memory, workers, re-run)
  --skip-pathological  skip the adversarial inputs
  --keep               keep the temporary folder of the run scenarios
  --help               this text`;

function count(name: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new TypeError(`Expected --${name} to be a whole number of ${min} or more, got \`${value}\``);
  }
  return n;
}

/**
 * Reads the flags.
 *
 * @param argv The arguments after the script name.
 * @throws TypeError naming the flag and the value when a flag is unknown or its value is not a count.
 */
export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    options: {
      docs: { type: 'string' },
      runs: { type: 'string' },
      warmup: { type: 'string' },
      seed: { type: 'string' },
      big: { type: 'string' },
      rerun: { type: 'string' },
      'pathological-calls': { type: 'string' },
      quick: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'skip-memory': { type: 'boolean', default: false },
      'skip-pathological': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const quick = values.quick === true;
  const docs = count('docs', values.docs, quick ? 200 : 2_000);
  return {
    docs,
    runs: count('runs', values.runs, 5),
    warmup: Math.min(docs, count('warmup', values.warmup, 200, 0)),
    seed: count('seed', values.seed, 1, 0),
    big: count('big', values.big, quick ? 1_000 : 10_000),
    rerun: count('rerun', values.rerun, quick ? 500 : 4_500),
    pathologicalCalls: count('pathological-calls', values['pathological-calls'], 3),
    quick,
    json: values.json === true,
    skipMemory: values['skip-memory'] === true,
    skipPathological: values['skip-pathological'] === true,
    keep: values.keep === true,
    help: values.help === true,
  };
}
