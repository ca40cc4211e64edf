import type { MemoryResults } from './memory.js';
import type { PathologicalResult } from './pathological.js';
import type { BenchResult, Check } from './result.js';
import type { Rate } from './stats.js';

/** The human-readable report: one table per part, each figure with its target and PASS/MISS beside it. */

const MIB = 1024 * 1024;

function fixed(n: number, digits = 0): string {
  return n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Lays rows out in columns; the first column is left-aligned, the others right-aligned. */
function grid(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const verdict = (check: Check | undefined): string =>
  !check || check.pass === null ? 'n/a' : check.pass ? 'PASS' : 'MISS';

function rateRow(rate: Rate, pipelineSeconds: number | null, check?: Check): string[] {
  const d = rate.docsPerSecond;
  const msPerDoc = 1000 / d.median;
  return [
    rate.name,
    fixed(d.median),
    `${fixed(d.min)}-${fixed(d.max)}`,
    fixed(rate.mbPerSecond.median, 2),
    fixed(msPerDoc, 3),
    pipelineSeconds === null ? '' : `${fixed((100 * msPerDoc) / (1000 * pipelineSeconds))}%`,
    `${fixed(100 * rate.spread)}%`,
    check?.target ?? '',
    check ? verdict(check) : '',
  ];
}

function throughputTable(r: BenchResult): string {
  const t = r.throughput;
  const find = (name: string): Check | undefined => r.checks.find((c) => c.name === name);
  const perDoc = 1 / t.pipeline.text.docsPerSecond.median;
  const header = [
    'scenario (main thread)',
    'docs/s',
    'min-max',
    'MB/s',
    'ms/doc',
    '% of text',
    'spread',
    'target',
    '',
  ];
  const rows = [
    rateRow(t.pipeline.text, perDoc, find('pipeline, text')),
    rateRow(t.pipeline.html, perDoc, find('pipeline, HTML')),
    ['stages (text corpus; each on inputs prepared beforehand)'],
    ...t.stages.map((s) => rateRow(s, perDoc)),
    ['baselines (same texts)'],
    rateRow(t.baselines.remark, perDoc),
    rateRow(t.baselines.recognizers, perDoc),
    rateRow(t.baselines.recognizersModelOnce, perDoc),
  ];
  return grid(header, rows);
}

function ratioTable(r: BenchResult): string {
  const find = (name: string): Check | undefined => r.checks.find((c) => c.name === name);
  const row = (name: string, value: number, check?: Check): string[] => [
    name,
    `${fixed(value, 2)}x`,
    check?.target ?? '(information)',
    check ? verdict(check) : '',
  ];
  return grid(
    ['ratio (docs/s over docs/s)', 'value', 'target', ''],
    [
      row('pipeline text / remark-parse alone', r.ratios.textVsRemark, find('text / remark-parse alone')),
      row(
        'pipeline text / Recognizers-Text recognizeNumber',
        r.ratios.textVsRecognizers,
        find('text / Recognizers-Text'),
      ),
      row('pipeline text / Recognizers-Text, model built once', r.ratios.textVsRecognizersModelOnce),
      row('pipeline HTML / pipeline text', r.ratios.htmlVsText),
    ],
  );
}

function memoryTable(m: MemoryResults, checks: readonly Check[]): string {
  const find = (name: string): Check | undefined => checks.find((c) => c.name === name);
  const row = (run: MemoryResults['workers1'], rss?: Check, time?: Check): string[] => [
    `${run.label} (${fixed(run.docs)} docs)`,
    `${fixed(run.wallSeconds, 2)} s`,
    fixed(run.docsPerSecond),
    run.peakRssMiB === null ? 'n/a' : `${fixed(run.peakRssMiB)} MiB`,
    rss ? `${rss.target} ${verdict(rss)}` : '',
    time ? `${time.target} ${verdict(time)}` : '',
    run.loadBefore.map((l) => fixed(l, 2)).join(' '),
  ];
  const scaling = find('worker scaling (2 / 1)');
  const rerun = find(`re-run, ${m.rerunDocs} unchanged`);
  const table = grid(
    [
      'tip-extract run (child process)',
      'wall',
      'docs/s',
      'peak RSS',
      'RSS target',
      'time target',
      'load before',
    ],
    [
      row(m.workers1, find('peak RSS, run --workers 1')),
      row(m.workers2, find('peak RSS, run --workers 2')),
      row(m.rerunFirst),
      row(m.rerun, undefined, rerun),
    ],
  );
  const lines = [
    table,
    `worker scaling, docs/s with 2 workers / 1 worker: ${fixed(m.scaling, 2)}x  (target >= 1.8x) ${verdict(scaling)}`,
  ];
  for (const run of [m.workers1, m.workers2, m.rerunFirst, m.rerun]) {
    lines.push(`  ${run.label}: ${run.command}\n    -> ${run.error ? `ERROR ${run.error}` : run.summary}`);
  }
  return lines.join('\n');
}

function pathologicalTable(results: readonly PathologicalResult[], checks: readonly Check[]): string {
  return grid(
    [
      'adversarial input (processSource + serialise)',
      'size',
      'median',
      'max',
      'peak RSS',
      'outcome',
      'bound',
      '',
    ],
    results.map((p) => [
      p.name,
      p.bytes === null ? 'n/a' : `${fixed(p.bytes / 1024)} KiB`,
      p.medianMs === null ? 'n/a' : `${fixed(p.medianMs)} ms`,
      p.maxMs === null ? 'n/a' : `${fixed(p.maxMs)} ms`,
      p.peakRssMiB === null ? 'n/a' : `${fixed(p.peakRssMiB)} MiB`,
      p.outcome,
      `< ${p.boundMs / 1000} s`,
      verdict(checks.find((c) => c.name === p.name)),
    ]),
  );
}

/**
 * Renders the whole result as text tables.
 *
 * @param r The benchmark result.
 */
export function renderTable(r: BenchResult): string {
  const m = r.machine;
  const c = r.corpus;
  const load = (l: number[]): string => l.map((x) => fixed(x, 2)).join(' ');
  const out = [
    `tip-extract benchmark: ${r.command}`,
    `started ${r.startedAt}, took ${fixed(r.durationSeconds)} s`,
    `machine: ${m.platform} ${m.arch}, ${m.cpus} cores (${m.cpuModel}), ${fixed(m.totalMemoryMiB)} MiB, Node ${m.node}`,
    `load average (1/5/15 min): ${load(m.loadBefore)} before, ${load(m.loadAfter)} after`,
    `corpus: ${fixed(c.docs)} documents varied from ${c.families} fixtures (seed ${c.seed}); ` +
      `text ${fixed(c.textBytes / MIB, 1)} MB (${fixed(c.textBytes / c.docs / 1024, 1)} KiB/doc), ` +
      `HTML ${fixed(c.htmlBytes / MIB, 1)} MB (${fixed(c.htmlBytes / c.docs / 1024, 1)} KiB/doc)`,
    `each scenario: ${r.options.warmup} warm-up documents, then ${r.options.runs} timed passes; docs/s is the median pass`,
    `pipeline failures: ${r.throughput.failed.text} text, ${r.throughput.failed.html} HTML`,
    '',
    throughputTable(r),
    '',
    ratioTable(r),
    '',
    `noise: pass spread (max-min)/median ${fixed(100 * r.noise.medianSpread)}% median, ${fixed(100 * r.noise.maxSpread)}% worst; ` +
      `load average ${load(m.loadBefore)} -> ${load(m.loadAfter)} on ${m.cpus} cores`,
  ];
  if (r.memory) out.push('', memoryTable(r.memory, r.checks));
  if (r.pathological) out.push('', pathologicalTable(r.pathological, r.checks));
  const missed = r.checks.filter((x) => x.pass === false).map((x) => x.name);
  out.push(
    '',
    `targets: ${r.checks.filter((x) => x.pass === true).length} PASS, ${missed.length} MISS` +
      (missed.length > 0 ? ` (${missed.join('; ')})` : ''),
    '',
  );
  return out.join('\n');
}
