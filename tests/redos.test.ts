import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import vm from 'node:vm';
import { checkSync, type Diagnostics } from 'recheck';
import { describe, expect, it } from 'vitest';
import {
  collectLiterals,
  collectRuntime,
  type FoundPattern,
  NOT_IMPORTED,
  PatternSet,
  patternKey,
  ROOT,
} from './helpers/regexes.js';

/**
 * Never hang (issue 7): every regular expression of src/ is linear-time. recheck (a ReDoS analyser) checks
 * each literal of src/ and each pattern the code compiles at run time; a pattern it does not call safe
 * fails here unless ACCEPTED lists it with the input cap that bounds it and a timed pathological test.
 *
 * Checking all of them takes about two minutes, so safe and accepted verdicts are kept in
 * tests/redos-verdicts.json, keyed by sha256 of `flags/source`: only new or changed patterns are checked,
 * and all of them again when recheck's version changes. The test rewrites the file when it changes;
 * commit it with the patterns. A failing verdict is never kept, so it is checked afresh on every run.
 *
 * recheck's fuzz checker (used for large patterns and lookarounds) has time limits of its own, so a busy
 * machine can sway it: when a new pattern fails with a "(fuzz)" verdict during the whole suite, run this
 * file alone before rewriting the pattern.
 */

// Collect first. ESM runs static imports before this module's body, so nothing from src/ may be imported
// statically here: a module evaluated before the recording proxy is installed builds its tables unseen.
const patterns = new PatternSet();
collectLiterals(patterns);
await collectRuntime(patterns);

const { MAX_SENTENCE_CHARS } = await import('../src/extract/limits.js');
const { STATUTE_RULES } = await import('../src/extract/statutes/rules.js');
const { findStatuteMentions } = await import('../src/extract/statutes/find.js');
const { HEADING_RULES } = await import('../src/segment/headings.js');
const { TIER_RULES } = await import('../src/extract/tier/rules.js');
const { splitSentences } = await import('../src/segment/sentences.js');
const { parseRobots } = await import('../src/fetch/robots.js');
const { readHtml } = await import('../src/parse/html.js');
const { TITLE_SUFFIX } = await import('../src/parse/metadata.js');

const RECHECK_VERSION = (createRequire(import.meta.url)('recheck/package.json') as { version: string })
  .version;
const VERDICTS_FILE = join(ROOT, 'tests', 'redos-verdicts.json');

/** recheck's time per pattern; the largest statute rules need about 10 s when the machine is idle. */
const CHECK_TIMEOUT_MS = 10_000;
/** The second try for a pattern recheck ran out of time on. */
const RETRY_TIMEOUT_MS = 60_000;

/** recheck's attack: any length of it is each prefix followed by its pump repeated, then the suffix. */
interface Attack {
  pumps: { prefix: string; pump: string }[];
  suffix: string;
}

/** One kept verdict. `where` names files only, so that moving a line does not rewrite the file. */
interface Verdict {
  status: Diagnostics['status'];
  checkedWith: string;
  where: string[];
  complexity?: string;
  attack?: Attack;
  error?: string;
}

/** A pattern recheck does not call safe, accepted because an input cap bounds its cost. */
interface Accepted {
  name: string;
  where: string;
  /** What recheck said of it. */
  verdict: string;
  /** The cap that bounds its input, and what that bounds the work to. */
  cap: string;
  /** The cap in characters: recheck's attack strings are cut to it. */
  capChars: number;
  reason: string;
  covers: (pattern: FoundPattern) => boolean;
  /** Inputs for the code path the pattern runs in, each of which must finish within `boundMs`. */
  pathological: () => string[];
  run: (input: string) => unknown;
  boundMs: number;
}

const ruleSource = (name: string): string | undefined =>
  STATUTE_RULES.find((rule) => rule.name === name)?.pattern.source;

/** The statute rules built on the instrument names (CODE, NAMED_LAW, INSTRUMENT): 1,500 to 5,000 characters each. */
const INSTRUMENT_RULES = [
  'article-of-instrument',
  'instrument-article',
  'code',
  'named-law-numbered',
  'numbered-law-named',
  'named-law',
];

const oneSentence = (text: string) => findStatuteMentions(text, [{ start: 0, end: text.length }]);

const ACCEPTED: readonly Accepted[] = [
  {
    name: `STATUTE_RULES ${INSTRUMENT_RULES.join(', ')}`,
    where: 'src/extract/statutes/rules.ts (patterns from src/extract/statutes/patterns.ts)',
    verdict:
      'changes from run to run: safe, 2nd to 4th degree polynomial (fuzz) or unknown (timeout); too large for the automaton checker',
    cap: 'candidatesIn() reads one sentence cut to MAX_SENTENCE_CHARS = 4,000 characters; recheck attack strings run linearly in V8 (under 10 ms at 300,000 characters)',
    capChars: MAX_SENTENCE_CHARS,
    reason:
      'fuzz false positives: every repetition is bounded (MAX_NAME_WORDS, MAX_ARTICLE_LIST) and starts at a fixed character, as patterns.ts explains',
    covers: (p) => p.flags === '' && INSTRUMENT_RULES.some((name) => ruleSource(name) === p.source),
    pathological: () => [
      'Article '.repeat(20_000),
      'Law on the Law of the Law on '.repeat(5_000),
      `${'Anti-Trafficking '.repeat(10_000)}Act`,
      `Article 1 of the ${'A-B-C-D-E-F-G '.repeat(8_000)}`,
      `Law No. 1 (${'Prevention of Trafficking in Persons '.repeat(4_000)}`,
      `criminal ${'code code '.repeat(20_000)}`,
      `articles ${'1, 2 and 3 to 4 '.repeat(10_000)}`,
    ],
    run: oneSentence,
    boundMs: 1_000,
  },
];

function acceptedFor(pattern: FoundPattern): Accepted | undefined {
  return ACCEPTED.find((entry) => entry.covers(pattern));
}

/** recheck's verdict on one pattern, retried with more time when it ran out of it. */
function check(pattern: FoundPattern, accepted: boolean): Verdict {
  let result = checkSync(pattern.source, pattern.flags, { timeout: CHECK_TIMEOUT_MS });
  // An accepted pattern is covered whatever recheck says; the others deserve the longer try.
  if (!accepted && result.status === 'unknown' && result.error.kind === 'timeout') {
    result = checkSync(pattern.source, pattern.flags, { timeout: RETRY_TIMEOUT_MS });
  }
  const files = [...new Set(pattern.where.map((w) => w.replace(/:\d+$/, '')))].sort();
  const verdict: Verdict = { status: result.status, checkedWith: RECHECK_VERSION, where: files };
  if (result.status === 'vulnerable') {
    verdict.complexity = result.complexity.summary;
    verdict.attack = {
      pumps: result.attack.pumps.map(({ prefix, pump }) => ({ prefix, pump })),
      suffix: result.attack.suffix,
    };
  } else if (result.status === 'unknown') {
    verdict.error = result.error.kind;
  }
  return verdict;
}

/** The verdict file as committed, or '' when there is none yet. */
function verdictsText(): string {
  try {
    return readFileSync(VERDICTS_FILE, 'utf8');
  } catch {
    return '';
  }
}

const readVerdicts = (): Record<string, Verdict> =>
  JSON.parse(verdictsText() || '{}') as Record<string, Verdict>;

/** An attack string of about `length` characters: the pumps repeated evenly. */
function attackOfLength(attack: Attack, length: number): string {
  const fixed = attack.pumps.reduce((n, p) => n + p.prefix.length, attack.suffix.length);
  const perRound = attack.pumps.reduce((n, p) => n + p.pump.length, 0);
  const rounds = perRound === 0 ? 0 : Math.max(1, Math.floor((length - fixed) / perRound));
  return attack.pumps.map((p) => p.prefix + p.pump.repeat(rounds)).join('') + attack.suffix;
}

/**
 * Runs `work` and returns its time in milliseconds, or throws when it runs past `limitMs`: a vm timeout
 * interrupts even a regex that backtracks, so a regression fails this test instead of hanging it.
 */
function timed(work: () => unknown, limitMs: number): number {
  const context = vm.createContext({ work, now: () => performance.now() });
  return vm.runInContext('{ const start = now(); work(); now() - start; }', context, {
    timeout: limitMs,
  }) as number;
}

const verdicts: Record<string, Verdict> = {};

describe('every regular expression of src/ is linear-time', () => {
  it('finds the patterns the rule tables compile at load time (the recorder ran before src/ loaded)', () => {
    const keys = new Set(patterns.entries().map(([key]) => key));
    const tables = [...STATUTE_RULES, ...HEADING_RULES, ...TIER_RULES].map((r) => r.pattern);
    const missing = tables.filter((re) => !keys.has(patternKey(re.source, re.flags)));
    expect(missing.map(String)).toStrictEqual([]);
  });

  it('skips only a module that builds no pattern at run time', () => {
    expect(readFileSync(NOT_IMPORTED, 'utf8')).not.toMatch(/\bRegExp\s*\(/);
  });

  it('each is safe for recheck, or accepted with its cap', { timeout: 20 * 60_000 }, () => {
    const cached = readVerdicts();
    const failing: object[] = [];
    for (const [key, pattern] of patterns.entries()) {
      const accepted = acceptedFor(pattern) !== undefined;
      const hit = cached[key];
      const verdict = hit?.checkedWith === RECHECK_VERSION ? hit : check(pattern, accepted);
      if (verdict.status === 'safe' || accepted) verdicts[key] = verdict;
      else {
        failing.push({
          where: pattern.where,
          source: pattern.source.length > 300 ? `${pattern.source.slice(0, 300)}…` : pattern.source,
          flags: pattern.flags,
          status: verdict.status,
          complexity: verdict.complexity ?? verdict.error,
          attack: verdict.attack && attackOfLength(verdict.attack, 60),
        });
      }
    }
    const sorted = Object.entries(verdicts).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const text = `${JSON.stringify(Object.fromEntries(sorted), null, 2)}\n`;
    // Failing patterns are left out, so they are checked again next time; the rest are kept.
    if (text !== verdictsText()) {
      // Write, then rename: a run killed halfway, or a second run at the same time, never leaves half a file.
      writeFileSync(`${VERDICTS_FILE}.${process.pid}.tmp`, text);
      renameSync(`${VERDICTS_FILE}.${process.pid}.tmp`, VERDICTS_FILE);
    }
    expect(failing).toStrictEqual([]);
  });

  it('has no ACCEPTED entry that covers no pattern, and names only statute rules that exist', () => {
    const all = patterns.entries().map(([, p]) => p);
    expect(ACCEPTED.filter((entry) => !all.some(entry.covers)).map((e) => e.name)).toStrictEqual([]);
    expect(INSTRUMENT_RULES.filter((name) => ruleSource(name) === undefined)).toStrictEqual([]);
  });
});

describe.each(ACCEPTED)('accepted: $name', (entry) => {
  it.each(entry.pathological().map((input, i) => [i, input] as const))(
    `pathological input %i finishes within ${entry.boundMs} ms`,
    (_, input) => {
      expect(timed(() => entry.run(input), 10 * entry.boundMs)).toBeLessThan(entry.boundMs);
    },
  );

  it(`recheck's attack strings, cut to ${entry.capChars} characters, finish within ${entry.boundMs} ms`, () => {
    // The verdicts of this run, or the file's when the check above was filtered out.
    const kept = Object.keys(verdicts).length > 0 ? verdicts : readVerdicts();
    for (const [key, pattern] of patterns.entries()) {
      const attack = kept[key]?.attack;
      if (!entry.covers(pattern) || !attack) continue;
      const re = new RegExp(pattern.source, `${pattern.flags}g`);
      const input = attackOfLength(attack, entry.capChars).slice(0, entry.capChars);
      expect(timed(() => input.match(re), 10 * entry.boundMs)).toBeLessThan(entry.boundMs);
    }
  });
});

/**
 * The inputs that made the rewritten patterns polynomial in the code paths that run them (each took 2 s
 * to over 10 s before). The other rewrites were polynomial only to recheck, which reads a sticky pattern as
 * unanchored, or ran on inputs already capped (a 2 KB head, 40-character windows, 1,500-character pages).
 */
const REWRITTEN: ReadonlyArray<readonly [string, () => unknown]> = [
  ['sentences: a run of stops', () => splitSentences(`${'!'.repeat(100_000)}x`, 0, 100_001)],
  ['robots.txt: a line of spaces', () => parseRobots(`a:${' '.repeat(50_000)}x${' '.repeat(50_000)}#\u2028`)],
  ['html: a class token of nav parts', () => readHtml(`<div class="${'t-nav-'.repeat(20_000)}!">x</div>`)],
  ['metadata: a title of spaces', () => `${' '.repeat(100_000)}x`.replace(TITLE_SUFFIX, '')],
];

describe('the rewritten patterns stay linear on the inputs that made them polynomial', () => {
  it.each(REWRITTEN)('%s', (_, work) => {
    expect(timed(work, 10_000)).toBeLessThan(1_000);
  });
});
