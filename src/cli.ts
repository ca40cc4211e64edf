#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { Presets, SingleBar } from 'cli-progress';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import {
  acceptDiff,
  audit,
  comparisonsToJson,
  formatComparison,
  formatExpectedFile,
  formatSummary,
  loadExpectedDir,
} from './audit/index.js';
import { formatChangeReport } from './changes/index.js';
import { canonicalJson, LockError, writeFileAtomic } from './emit/index.js';
import { extractNumbers } from './extract/index.js';
import { FETCH_DEFAULTS, fetchSources, ManifestError, readManifest } from './fetch/index.js';
import {
  type DocumentReport,
  previousDocument,
  processSource,
  type RunEvent,
  type RunReport,
  run,
} from './pipeline.js';
import { jsonSchema, type TipDocument } from './validate/schema.js';

/** The only file that reads argv, prints and sets the exit code. Exit codes: 0 ok, 1 documents failed, 2 bad usage or input. */

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

/** An error that ends the command with one line on stderr and exit code 2. */
class UsageError extends Error {}

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function positiveNumber(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0)
      throw new InvalidArgumentError(`Expected ${name} to be a positive number, got \`${value}\`.`);
    return n;
  };
}

function positiveInteger(name: string): (value: string) => number {
  return (value) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1)
      throw new InvalidArgumentError(`Expected ${name} to be a whole number of 1 or more, got \`${value}\`.`);
    return n;
  };
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function summaryLine(report: DocumentReport): string {
  if (report.failure) return `FAILED  ${report.id}  ${report.failure.errorClass}: ${report.failure.message}`;
  const d = report.summary;
  if (!d) return `FAILED  ${report.id}`;
  return [
    `${report.status.replace('_', ' ')}  ${report.id}`,
    d.kind,
    [d.country ?? '?', d.reportYear ?? '?'].join(' '),
    d.tier ?? 'no tier',
    `${d.figures} figures, ${d.statutes} statutes, ${d.numbers} numbers, ${d.warnings} warnings`,
  ].join('  ');
}

function runSummary(report: RunReport): string {
  const count = (status: DocumentReport['status']) =>
    report.documents.filter((d) => d.status === status).length;
  const fetched = report.documents.filter((d) => d.fetch === 'fetched').length;
  return (
    `${report.documents.length} documents: ${fetched} fetched, ${count('not_modified')} not modified, ` +
    `${count('new')} new, ${count('changed')} changed, ${count('unchanged')} unchanged, ${report.failed} failed`
  );
}

/** A progress bar on a terminal; on anything else, a log line per retry (the summary lines follow anyway). */
function progress(total: number): { onEvent: (event: RunEvent) => void; stop: () => void } {
  if (process.stderr.isTTY !== true) {
    return {
      onEvent: (event) => {
        if (event.type === 'fetch' && event.event.type === 'retry') {
          const e = event.event;
          process.stderr.write(`retry ${e.source.id} in ${Math.round(e.delay)} ms: ${e.error.message}\n`);
        }
      },
      stop: () => undefined,
    };
  }
  const bar = new SingleBar(
    {
      format: 'tip-extract [{bar}] {value}/{total} documents | {speed}/s | ETA {eta_formatted} | {last}',
      stream: process.stderr,
      hideCursor: true,
    },
    Presets.shades_classic,
  );
  bar.start(total, 0, { speed: '0', last: '' });
  const started = Date.now();
  return {
    onEvent: (event) => {
      if (event.type !== 'document') return;
      const done = event.index + 1;
      const speed = (done / Math.max(0.001, (Date.now() - started) / 1000)).toFixed(1);
      bar.update(done, { speed, last: `${event.report.id} ${event.report.status}` });
    },
    stop: () => bar.stop(),
  };
}

/** A file name turned into a document id: "refworld-5959eca511.txt" -> "refworld-5959eca511". */
function idFromPath(path: string): string {
  const stem = basename(path).replace(/\.[^.]*$/, '');
  const id = stem.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[^A-Za-z0-9]+/, '');
  return id.slice(0, 128) || 'document';
}

async function runCommand(opts: {
  sources: string;
  out: string;
  concurrency?: number;
  rate?: number;
  cache?: string;
  offline?: boolean;
  force?: boolean;
  workers?: number;
  allowHost: string[];
}): Promise<number> {
  const sources = await readManifest(resolve(opts.sources));
  const bar = progress(sources.length);
  let report: RunReport;
  try {
    report = await run({
      sources: opts.sources,
      out: opts.out,
      force: opts.force === true,
      workers: opts.workers ?? availableParallelism(),
      onEvent: bar.onEvent,
      fetch: {
        ...(opts.concurrency !== undefined ? { concurrency: opts.concurrency } : {}),
        ...(opts.rate !== undefined ? { rate: opts.rate } : {}),
        ...(opts.cache !== undefined ? { cacheDir: opts.cache } : {}),
        ...(opts.offline ? { offline: true } : {}),
        ...(opts.allowHost.length > 0
          ? { allowHosts: [...FETCH_DEFAULTS.allowHosts, ...opts.allowHost] }
          : {}),
      },
    });
  } finally {
    bar.stop();
  }
  for (const doc of report.documents) {
    process.stdout.write(`${summaryLine(doc)}\n`);
    if (doc.changes) for (const line of formatChangeReport(doc.changes)) process.stdout.write(`${line}\n`);
  }
  process.stdout.write(`${runSummary(report)}\n`);
  return report.failed > 0 ? EXIT_FAILED : EXIT_OK;
}

async function extractCommand(path: string): Promise<number> {
  const [outcome] = await fetchSources([{ id: idFromPath(path), path: resolve(path) }]);
  if (!outcome?.fetched)
    throw new UsageError(`cannot read ${path}: ${outcome?.error?.message ?? 'unknown error'}`);
  const processed = processSource(outcome.fetched);
  if (!processed.ok) {
    if (processed.failure.errorClass === 'ParseError')
      throw new UsageError(`${path}: ${processed.failure.message}`);
    process.stderr.write(
      `tip-extract: ${path}: ${processed.failure.errorClass}: ${processed.failure.message}\n`,
    );
    return EXIT_FAILED;
  }
  for (const d of processed.document.diagnostics.filter((x) => x.severity !== 'info')) {
    process.stderr.write(`tip-extract: ${path}: ${d.severity}: ${d.rule}: ${d.message}\n`);
  }
  process.stdout.write(canonicalJson(processed.document));
  return EXIT_OK;
}

async function numbersCommand(): Promise<number> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) process.stdout.write(`${JSON.stringify(extractNumbers(line))}\n`);
  return EXIT_OK;
}

/** The extracted documents of an output folder, for the ids asked (invalid or missing ones are left out). */
async function readOutputs(out: string, ids: string[]): Promise<TipDocument[]> {
  const docs: TipDocument[] = [];
  for (const id of ids) {
    const doc = await previousDocument(out, id);
    if (doc) docs.push(doc);
  }
  return docs;
}

async function auditCommand(opts: {
  expected: string;
  out: string;
  json?: boolean;
  accept?: string;
  yes?: boolean;
}): Promise<number> {
  const expected = await loadExpectedDir(resolve(opts.expected));
  if (opts.accept !== undefined) return acceptCommand(opts.accept, expected, opts);
  const docs = await readOutputs(
    resolve(opts.out),
    expected.map((e) => e.id),
  );
  const result = audit(expected, docs);
  if (opts.json) {
    process.stdout.write(
      canonicalJson({
        ...comparisonsToJson(result.comparisons),
        ok: result.ok,
        missingDocuments: result.missingDocuments,
      }),
    );
  } else {
    for (const c of result.comparisons) process.stdout.write(`${formatComparison(c)}\n`);
    process.stdout.write(`${formatSummary(result.comparisons, result)}\n`);
  }
  return result.ok ? EXIT_OK : EXIT_FAILED;
}

async function acceptCommand(
  id: string,
  expected: Awaited<ReturnType<typeof loadExpectedDir>>,
  opts: { expected: string; out: string; yes?: boolean },
): Promise<number> {
  const [doc] = await readOutputs(resolve(opts.out), [id]);
  if (!doc)
    throw new UsageError(`no valid ${join(opts.out, `${id}.json`)} to accept: run tip-extract run first`);
  const { diff, next } = acceptDiff(expected.find((e) => e.id === id) ?? null, doc);
  if (diff === '') {
    process.stdout.write(`${id}: the expected file already matches the extraction\n`);
    return EXIT_OK;
  }
  process.stdout.write(diff.endsWith('\n') ? diff : `${diff}\n`);
  // The diff is shown first; writing needs a yes, typed or given with --yes, so it never happens unasked.
  const confirmed =
    opts.yes === true || (process.stdin.isTTY === true && (await ask(`write ${id}.json? [y/N] `)));
  if (!confirmed) {
    process.stdout.write('not written (answer y, or pass --yes)\n');
    return EXIT_FAILED;
  }
  await writeFileAtomic(join(resolve(opts.expected), `${id}.json`), formatExpectedFile(next));
  process.stdout.write(`${join(opts.expected, `${id}.json`)} written\n`);
  return EXIT_OK;
}

async function ask(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await new Promise<string>((done) => rl.question(question, done));
  rl.close();
  return /^y(?:es)?$/i.test(answer.trim());
}

async function schemaCommand(opts: { out?: string }): Promise<number> {
  if (opts.out) {
    const written = await writeFileAtomic(resolve(opts.out), canonicalJson(jsonSchema()));
    process.stdout.write(`${opts.out} (${written ? 'written' : 'unchanged'})\n`);
  } else {
    process.stdout.write(canonicalJson(jsonSchema()));
  }
  return EXIT_OK;
}

function program(setExit: (code: number) => void): Command {
  const cli = new Command('tip-extract')
    .description('Turn Trafficking in Persons country narratives into validated, traceable JSON.')
    .version(version())
    .exitOverride()
    .showHelpAfterError();
  const act =
    <A extends unknown[]>(fn: (...args: A) => Promise<number>) =>
    async (...args: A) => {
      setExit(await fn(...args));
    };
  cli
    .command('run')
    .description('Extract every source of a manifest and write <out>/<id>.json and <out>/schema.json.')
    .option(
      '--sources <file>',
      'sources manifest: a JSON array of { "id", "path" | "url" }',
      'fixtures/sources.json',
    )
    .option('--out <dir>', 'output folder', 'output')
    .addOption(
      new Option('--concurrency <n>', 'requests in flight per host (default 2)').argParser(
        positiveNumber('--concurrency'),
      ),
    )
    .addOption(
      new Option('--rate <n>', 'requests per second per host (default 1)').argParser(
        positiveNumber('--rate'),
      ),
    )
    .option('--cache <dir>', 'HTTP cache folder (default .cache)')
    .option('--offline', 'replay the cache, never touch the network')
    .option('--force', 're-extract every document, even one whose text and extractor are unchanged')
    .addOption(
      new Option('--workers <n>', 'worker threads for extraction (default: the number of cores)').argParser(
        positiveInteger('--workers'),
      ),
    )
    .option('--allow-host <host[:port]>', 'also allow this host (repeatable)', collect, [])
    .action(act(runCommand));
  cli
    .command('extract')
    .description("Print one document's JSON (the output contract) to stdout.")
    .argument('<path>', 'a Refworld text dump, HTML page or markdown file')
    .action(act(extractCommand));
  cli
    .command('numbers')
    .description('Read text lines on stdin; print one JSON array of numeric mentions per line (JSON Lines).')
    .action(act(numbersCommand));
  cli
    .command('audit')
    .description('Compare extracted documents with the hand-checked expected files, figure by figure.')
    .option('--expected <dir>', 'folder of expected files', 'fixtures/expected')
    .option('--out <dir>', 'folder of extracted documents', 'output')
    .option('--json', 'print the comparison as JSON')
    .option('--accept <id>', 'show the diff, then write the current extraction of <id> as its expected file')
    .option('--yes', 'with --accept: write without asking')
    .action(act(auditCommand));
  cli
    .command('schema')
    .description('Print the JSON Schema of the output contract, or write it with --out.')
    .option('--out <file>', 'write it to this file instead')
    .action(act(schemaCommand));
  return cli;
}

async function main(): Promise<void> {
  let code = EXIT_OK;
  try {
    await program((c) => {
      code = c;
    }).parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      code = error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    } else if (error instanceof UsageError || error instanceof ManifestError || error instanceof LockError) {
      process.stderr.write(`tip-extract: ${error.message}\n`);
      code = EXIT_USAGE;
    } else {
      process.stderr.write(
        `tip-extract: internal error: ${error instanceof Error ? error.message : String(error)}\n`,
      );
      code = EXIT_FAILED;
    }
  }
  process.exitCode = code;
}

await main();
