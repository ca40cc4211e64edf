import { cpus, loadavg, totalmem } from 'node:os';
import { type BenchOptions, parseBenchArgs, USAGE } from './args.js';
import { corpusBytes, generateCorpus } from './corpus.js';
import { measureMemory } from './memory.js';
import { loadNarratives } from './narrative.js';
import { measurePathological } from './pathological.js';
import { type BenchResult, checksOf, type Machine } from './result.js';
import { summarise } from './stats.js';
import { renderTable } from './table.js';
import { measureThroughput } from './throughput.js';

/**
 * `npm run bench`: generates the corpus, measures the pipeline, its stages and the baselines in this
 * process, runs the CLI scenarios and the adversarial inputs in child processes, and prints a table (or
 * one JSON object with `--json`). Missed targets never fail it; a crash exits 1, bad flags exit 2.
 */

const log = (line: string): void => {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
};

/** The command line that produced the report, as the user would type it. */
function commandLine(argv: readonly string[]): string {
  const args = argv.join(' ');
  if (process.env.npm_lifecycle_event === 'bench') return `npm run bench${args ? ` -- ${args}` : ''}`;
  return `node dist/bench/bench.js${args ? ` ${args}` : ''}`;
}

function machine(loadBefore: number[]): Machine {
  const cores = cpus();
  return {
    platform: process.platform,
    arch: process.arch,
    cpus: cores.length,
    cpuModel: cores[0]?.model.trim() ?? 'unknown',
    node: process.version,
    totalMemoryMiB: totalmem() / 1024 / 1024,
    loadBefore,
    loadAfter: loadavg(),
  };
}

/**
 * Runs the whole benchmark.
 *
 * @param options The parsed flags.
 * @param argv The raw arguments, for the command line the report prints.
 */
export async function bench(options: BenchOptions, argv: readonly string[]): Promise<BenchResult> {
  const started = performance.now();
  const startedAt = new Date().toISOString();
  const loadBefore = loadavg();
  const narratives = loadNarratives();
  log(`generating ${options.docs} documents (seed ${options.seed})`);
  const docs = generateCorpus({ docs: options.docs, seed: options.seed, narratives });
  const throughput = measureThroughput(docs, { runs: options.runs, warmup: options.warmup }, log);
  const memory = options.skipMemory
    ? null
    : await measureMemory({
        big: options.big,
        rerun: options.rerun,
        seed: options.seed,
        keep: options.keep,
        log,
      });
  const pathological = options.skipPathological
    ? null
    : await measurePathological(options.pathologicalCalls, log);
  const text = throughput.pipeline.text.docsPerSecond.median;
  const spreads = [
    throughput.pipeline.text,
    throughput.pipeline.html,
    ...throughput.stages,
    ...Object.values(throughput.baselines),
  ].map((r) => r.spread);
  const spreadSummary = summarise(spreads);
  const { help: _help, ...shown } = options;
  const partial = {
    command: commandLine(argv),
    startedAt,
    durationSeconds: (performance.now() - started) / 1000,
    machine: machine(loadBefore),
    options: shown,
    corpus: {
      docs: docs.length,
      seed: options.seed,
      families: narratives.length,
      textBytes: corpusBytes(docs, 'text'),
      htmlBytes: corpusBytes(docs, 'html'),
    },
    throughput,
    ratios: {
      textVsRemark: text / throughput.baselines.remark.docsPerSecond.median,
      textVsRecognizers: text / throughput.baselines.recognizers.docsPerSecond.median,
      textVsRecognizersModelOnce: text / throughput.baselines.recognizersModelOnce.docsPerSecond.median,
      htmlVsText: throughput.pipeline.html.docsPerSecond.median / text,
    },
    memory,
    pathological,
    noise: { medianSpread: spreadSummary.median, maxSpread: spreadSummary.max },
  };
  return { ...partial, checks: checksOf(partial) };
}

/** A scenario that could not be measured (a crashed or hung child) makes the run a crash. */
function unmeasured(result: BenchResult): string[] {
  const runs = result.memory
    ? [result.memory.workers1, result.memory.workers2, result.memory.rerunFirst, result.memory.rerun]
    : [];
  return [
    ...runs.filter((r) => r.error).map((r) => `${r.label}: ${r.error}`),
    ...(result.pathological ?? []).filter((p) => p.medianMs === null).map((p) => `${p.name}: ${p.outcome}`),
  ];
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    // Bad flags are a usage error (exit 2), not a crash: say what is wrong and where the flags are listed.
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)} (see --help)\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const result = await bench(options, argv);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : renderTable(result));
  const errors = unmeasured(result);
  for (const error of errors) process.stderr.write(`bench: not measured: ${error}\n`);
  return errors.length > 0 ? 1 : 0;
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
}
