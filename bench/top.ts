import { existsSync, readFileSync } from 'node:fs';
import { SourceMap, type SourceMapPayload } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the time spent under the pipeline's steps, the
 * functions with the most self time, and self time by file, all inside the calls of a root function
 * (default `profiledDocument` from profile.js, else `processSource`), so that corpus generation and start-up are left out. Positions in dist/ are
 * mapped back to the TypeScript sources through their source maps.
 *
 * Usage: `node dist/bench/top.js <file.cpuprofile> [--root <function name>] [--top 25]`; `--root '(root)'`
 * keeps every sample (for a CLI run, whose async work has no single caller on the stack).
 */

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
}

/** The pipeline's steps whose inclusive time is shown, in pipeline order. */
const STEPS = [
  'parseSource',
  'segment',
  'assemble',
  'extract',
  'findNumbers',
  'findStatutes',
  'findFigures',
  'findTier',
  'validate',
  'canonicalJson',
];

const maps = new Map<string, SourceMap | null>();

/** Regular expressions run natively and show up as frames named by their source: cut to this length. */
const REGEXP_CHARS = 70;

/** "findNumbers  src/extract/numbers/find.ts:120" for a frame, through the source map when there is one. */
function where(frame: CallFrame): string {
  const name = frame.functionName || '(anonymous)';
  if (name.startsWith('RegExp: ')) {
    const short = name.length > REGEXP_CHARS ? `${name.slice(0, REGEXP_CHARS)}...` : name;
    return `${short}  (regexp)`;
  }
  if (!frame.url.startsWith('file:')) return `${name}  ${frame.url || '(native)'}`;
  const path = fileURLToPath(frame.url);
  if (!maps.has(path)) {
    const mapPath = `${path}.map`;
    maps.set(
      path,
      existsSync(mapPath)
        ? new SourceMap(JSON.parse(readFileSync(mapPath, 'utf8')) as SourceMapPayload)
        : null,
    );
  }
  const entry = maps.get(path)?.findEntry(frame.lineNumber, frame.columnNumber);
  if (entry && 'originalSource' in entry) {
    const source = entry.originalSource.startsWith('file:')
      ? fileURLToPath(entry.originalSource)
      : resolve(dirname(path), entry.originalSource);
    return `${name}  ${relative(process.cwd(), source)}:${entry.originalLine + 1}`;
  }
  return `${name}  ${relative(process.cwd(), path)}:${frame.lineNumber + 1}`;
}

const fileOf = (label: string): string => label.split('  ')[1]?.replace(/:\d+$/, '') ?? label;

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { root: { type: 'string' }, top: { type: 'string', default: '25' } },
  });
  // profile.js wraps one document's work (processSource + canonicalJson) in `profiledDocument`.
  const roots = values.root === undefined ? ['profiledDocument', 'processSource'] : [values.root];
  const file = positionals[0];
  if (!file) throw new TypeError('Expected a .cpuprofile file to summarise, got none');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const msPerSample = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples.length);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  /** Self time by file, with each regular expression's time given to the file whose code ran it. */
  const files = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let rootMs = 0;
  const referenced = new Set(profile.nodes.flatMap((n) => n.children ?? []));
  const walk = (node: ProfileNode, active: ReadonlySet<string>, inRoot: boolean, caller: string): number => {
    const name = node.callFrame.functionName;
    const entering = !inRoot && (roots.includes(name) || roots.includes('(root)'));
    const under = inRoot || entering;
    const next = new Set(active);
    if (under) next.add(name);
    const label = where(node.callFrame);
    const file = name.startsWith('RegExp: ') ? caller : fileOf(label);
    let ms = (node.hitCount ?? 0) * msPerSample;
    if (under && ms > 0) {
      self.set(label, (self.get(label) ?? 0) + ms);
      files.set(file, (files.get(file) ?? 0) + ms);
    }
    for (const id of node.children ?? []) {
      const child = byId.get(id);
      if (child) ms += walk(child, next, under, file);
    }
    if (entering) rootMs += ms;
    if (under && !active.has(name) && STEPS.includes(name))
      inclusive.set(name, (inclusive.get(name) ?? 0) + ms);
    return ms;
  };
  for (const node of profile.nodes) if (!referenced.has(node.id)) walk(node, new Set(), false, '(root)');
  if (rootMs === 0) throw new Error(`No samples under \`${roots.join('` or `')}\` in ${file}`);
  const pct = (ms: number): string => `${((100 * ms) / rootMs).toFixed(1).padStart(5)}%`;
  const ms = (n: number): string => `${n.toFixed(0).padStart(7)} ms`;
  const out = [
    `${file}: ${rootMs.toFixed(0)} ms under ${roots.join(' / ')}`,
    '',
    'inclusive time of the steps:',
  ];
  for (const step of STEPS) {
    const t = inclusive.get(step);
    if (t !== undefined) out.push(`  ${ms(t)} ${pct(t)}  ${step}`);
  }
  out.push('', `top ${values.top} functions by self time:`);
  const sorted = [...self.entries()].sort((a, b) => b[1] - a[1]);
  for (const [label, t] of sorted.slice(0, Number(values.top))) out.push(`  ${ms(t)} ${pct(t)}  ${label}`);
  out.push('', 'self time by file (a regular expression counts for the file that ran it):');
  for (const [f, t] of [...files.entries()].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    out.push(`  ${ms(t)} ${pct(t)}  ${f}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
