import type { BenchOptions } from './args.js';
import type { MemoryResults } from './memory.js';
import type { PathologicalResult } from './pathological.js';
import type { Throughput } from './throughput.js';

/**
 * The benchmark's result as one object (what `--json` prints), and the targets of issue 6 checked against
 * it.
 */

/** The machine the figures come from, and how busy it was. */
export interface Machine {
  platform: string;
  arch: string;
  cpus: number;
  cpuModel: string;
  node: string;
  totalMemoryMiB: number;
  /** `os.loadavg()` (1, 5 and 15 minutes) when the benchmark started and when it ended. */
  loadBefore: number[];
  loadAfter: number[];
}

/** The corpus the in-process figures were measured on. */
export interface CorpusFacts {
  docs: number;
  seed: number;
  /** Fixtures varied to make it. */
  families: number;
  textBytes: number;
  htmlBytes: number;
}

/** One target: the figure, the bound, and whether the figure meets it (null when not measured). */
export interface Check {
  name: string;
  value: number | null;
  unit: string;
  target: string;
  pass: boolean | null;
}

/** Everything one benchmark run found. */
export interface BenchResult {
  command: string;
  startedAt: string;
  durationSeconds: number;
  machine: Machine;
  options: Omit<BenchOptions, 'help'>;
  corpus: CorpusFacts;
  throughput: Throughput;
  ratios: {
    /** Pipeline text docs/s over remark-parse docs/s. */
    textVsRemark: number;
    /** Pipeline text docs/s over Recognizers-Text `recognizeNumber` docs/s. */
    textVsRecognizers: number;
    /** The same against the Recognizers model built once (for information: no target). */
    textVsRecognizersModelOnce: number;
    /** HTML docs/s over text docs/s. */
    htmlVsText: number;
  };
  memory: MemoryResults | null;
  pathological: PathologicalResult[] | null;
  checks: Check[];
  noise: {
    /** The median and the largest spread ((max - min) / median) of the in-process scenarios' passes. */
    medianSpread: number;
    maxSpread: number;
  };
}

const atLeast = (name: string, value: number | null, min: number, unit: string, target: string): Check => ({
  name,
  value,
  unit,
  target,
  pass: value === null ? null : value >= min,
});

const below = (name: string, value: number | null, max: number, unit: string, target: string): Check => ({
  name,
  value,
  unit,
  target,
  pass: value === null ? null : value < max,
});

/**
 * Checks the figures against the targets of issue 6 (and the robustness tests' bounds).
 *
 * @param result The result without its checks.
 */
export function checksOf(result: Omit<BenchResult, 'checks'>): Check[] {
  const { throughput: t, ratios, memory, pathological } = result;
  const checks: Check[] = [
    atLeast('pipeline, text', t.pipeline.text.docsPerSecond.median, 600, 'docs/s', '>= 600 docs/s'),
    atLeast('pipeline, HTML', t.pipeline.html.docsPerSecond.median, 300, 'docs/s', '>= 300 docs/s'),
    atLeast('text / remark-parse alone', ratios.textVsRemark, 0.75, 'x', '>= 0.75'),
    atLeast('text / Recognizers-Text', ratios.textVsRecognizers, 10, 'x', '>= 10x'),
  ];
  if (memory) {
    const rerunUnchanged = new RegExp(`\\b${memory.rerunDocs} unchanged, 0 failed$`).test(
      memory.rerun.summary,
    );
    checks.push(
      below('peak RSS, run --workers 1', memory.workers1.peakRssMiB, 150, 'MiB', '< 150 MiB'),
      below('peak RSS, run --workers 2', memory.workers2.peakRssMiB, 150, 'MiB', '< 150 MiB'),
      atLeast(
        'worker scaling (2 / 1)',
        memory.workers1.error || memory.workers2.error ? null : memory.scaling,
        1.8,
        'x',
        '>= 1.8x',
      ),
      below(
        `re-run, ${memory.rerunDocs} unchanged`,
        memory.rerun.error ? null : memory.rerun.wallSeconds,
        rerunUnchanged ? 2 : Number.NEGATIVE_INFINITY,
        's',
        '< 2 s, all unchanged',
      ),
    );
  }
  for (const p of pathological ?? []) {
    checks.push(below(p.name, p.maxMs, p.boundMs, 'ms', `< ${p.boundMs / 1000} s (test bound)`));
  }
  return checks;
}
