import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';

/**
 * Finds every regular expression of src/: the literals in the source text, and the patterns that the code
 * compiles at run time from tables (`new RegExp(...)`). This module imports nothing from src/ statically,
 * because the run-time half must install its recorder before any src/ module is evaluated.
 */

/** The repository's root folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SRC = join(ROOT, 'src');
const SHARED = resolve(ROOT, '..', 'shared');

/** One distinct regular expression: its source, its flags, and every place that makes it. */
export interface FoundPattern {
  source: string;
  flags: string;
  /** `src/…/file.ts:line` for literals, `dynamic src/…/file.ts:line` for patterns built at run time. */
  where: string[];
}

/** The flags that change which strings match; g, y and d only change where a search starts or what it reports. */
export function matchFlags(flags: string): string {
  return flags.replace(/[dgy]/g, '');
}

/**
 * The cache key of a pattern: sha256 of `flags/source`, with only the flags that matter to backtracking.
 *
 * @param source The pattern's source, as `RegExp.prototype.source` gives it.
 * @param flags The pattern's flags.
 */
export function patternKey(source: string, flags: string): string {
  return createHash('sha256')
    .update(`${matchFlags(flags)}/${source}`)
    .digest('hex');
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return tsFiles(path);
      return entry.name.endsWith('.ts') ? [path] : [];
    })
    .sort();
}

/** The one src/ module the run-time half does not import: importing it runs the command line. */
export const NOT_IMPORTED = join(SRC, 'cli.ts');

/** Collects patterns under their (source, match flags) so that one pattern made in two places is checked once. */
export class PatternSet {
  readonly #byKey = new Map<string, FoundPattern>();

  /**
   * Records one place that makes a pattern.
   *
   * @param source The pattern's source.
   * @param flags Its flags (g, y and d are dropped).
   * @param where The place, `file:line`.
   */
  add(source: string, flags: string, where: string): void {
    const key = patternKey(source, flags);
    const found = this.#byKey.get(key);
    if (!found) this.#byKey.set(key, { source, flags: matchFlags(flags), where: [where] });
    else if (!found.where.includes(where)) found.where.push(where);
  }

  /** The patterns, keyed by `patternKey`, in key order. */
  entries(): [string, FoundPattern][] {
    return [...this.#byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }
}

/**
 * Every regular-expression literal of src/, found in each file's syntax tree (so that a `/` in a string,
 * a comment or a division is never mistaken for one).
 *
 * @param into The set to add them to.
 * @returns How many literals were found (before merging equal ones).
 */
export function collectLiterals(into: PatternSet): number {
  let count = 0;
  for (const file of tsFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const tree = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(tree);
        const slash = literal.lastIndexOf('/');
        // Compile it to read `source` as the engine normalises it, so a literal and an equal
        // `new RegExp(string)` meet under one key.
        const compiled = new RegExp(literal.slice(1, slash), literal.slice(slash + 1));
        const line = tree.getLineAndCharacterOfPosition(node.getStart(tree)).line + 1;
        into.add(compiled.source, compiled.flags, `${relative(ROOT, file)}:${line}`);
        count += 1;
      }
      ts.forEachChild(node, visit);
    };
    visit(tree);
  }
  return count;
}

/**
 * The frame that called the constructor, as `src/…/file.ts:line`, or null when that frame is not in src/
 * (a dependency's own pattern, even when a src/ module led to it, is the dependency's to check).
 */
function callerInSrc(stack: string | undefined): string | null {
  const here = fileURLToPath(import.meta.url);
  for (const line of (stack ?? '').split('\n').slice(1)) {
    const at = /(?:file:\/\/)?(\/[^\s():]+\.[cm]?[jt]s):(\d+):\d+/.exec(line);
    if (!at?.[1] || at[1] === here) continue;
    return at[1].startsWith(`${SRC}/`) ? `${relative(ROOT, at[1])}:${at[2]}` : null;
  }
  return null;
}

/** A body as the pipeline reads it. */
interface FixtureInput {
  path: string;
  body: Uint8Array;
}

/** The committed source fixtures and the shared corpus sections: the text the run-time patterns are fed. */
export function fixtureInputs(): FixtureInput[] {
  const sources = join(ROOT, 'fixtures', 'sources');
  const corpus = join(SHARED, 'corpus', 'usdos-hrr', 'sections');
  const files = [
    ...readdirSync(sources)
      .filter((f) => /\.(?:txt|html?|md)$/.test(f) && !/^[A-Z]+\.md$/.test(f))
      .map((f) => join(sources, f)),
    ...readdirSync(corpus)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(corpus, f)),
  ].sort();
  return files.map((path) => ({ path, body: readFileSync(path) }));
}

/** Lines for `extractNumbers`, the path that `tip-extract numbers` takes without the rest of the pipeline. */
const NUMBER_LINES = [
  'The government convicted 12 traffickers in 2016, compared with six in 2015.',
  'Between 1,200 and 1,500 victims, about one-third of them children, were identified.',
  'Article 110/a of the criminal code prescribes five to 15 years of imprisonment.',
  'An unknown number of victims; at least two dozen; 3.5 percent; 1/4; 12th; twenty-one.',
];

/**
 * Every pattern that src/ compiles at run time. It replaces `globalThis.RegExp` with a recording proxy,
 * imports every src/ module (so module-level tables are built under the proxy), runs the whole pipeline
 * over every fixture and corpus section and `extractNumbers` over a few lines (so lazily built patterns
 * are made too), and puts the real `RegExp` back. Only patterns made by a src/ frame are kept: the
 * dependencies' own patterns are theirs to check.
 *
 * The caller must not have imported any src/ module before: a module evaluated earlier has already
 * built its patterns with the real constructor.
 *
 * @param into The set to add them to.
 * @returns How many constructions were recorded.
 */
export async function collectRuntime(into: PatternSet): Promise<number> {
  const Real = globalThis.RegExp;
  let count = 0;
  const record = (made: RegExp): RegExp => {
    const where = callerInSrc(new Error().stack);
    if (where) {
      into.add(made.source, made.flags, `dynamic ${where}`);
      count += 1;
    }
    return made;
  };
  globalThis.RegExp = new Proxy(Real, {
    construct: (target, args, newTarget) => record(Reflect.construct(target, args, newTarget)),
    apply: (target, self, args) => record(Reflect.apply(target, self, args)),
  });
  try {
    for (const file of tsFiles(SRC).filter((f) => f !== NOT_IMPORTED)) {
      await import(pathToFileURL(file).href);
    }
    const pipeline = await import('../../src/pipeline.js');
    const extract = await import('../../src/extract/index.js');
    for (const { path, body } of fixtureInputs()) {
      pipeline.processSource({
        source: { id: 'redos', path },
        url: null,
        body,
        contentType: null,
        sha256: '0'.repeat(64),
      });
    }
    for (const line of NUMBER_LINES) extract.extractNumbers(line);
  } finally {
    globalThis.RegExp = Real;
  }
  return count;
}
