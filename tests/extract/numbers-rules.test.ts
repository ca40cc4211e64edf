/**
 * Walks every row of the numbers rule tables: each example sentence yields exactly the mention it
 * states (text, kind, value, min/max, qualifier, and unit where given), built with that row's rule;
 * each counterexample yields no mention of that rule. Examples that name a real source
 * ("kyrgyz-2017", "hrr:<file>") must be found verbatim in it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  explainNumbers,
  LEXICAL_RULES,
  NUMBER_RULES,
  type RuleExample,
  type RuleRow,
} from '../../src/extract/numbers/index.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const CORPUS_DIR = path.join(shared, 'corpus', 'usdos-hrr', 'sections');

/** The real text an example claims to come from, or null for constructed and peer examples. */
function sourceText(source: string): string | null {
  if (source === 'kyrgyz-2017')
    return readFileSync(path.join(shared, 'fixtures', 'refworld-5959eca511.txt'), 'utf8');
  if (source.startsWith('hrr:')) {
    const file = readdirSync(CORPUS_DIR).find((f) => f.startsWith(`${source.slice(4)}.`));
    if (!file) throw new Error(`No corpus file for ${source}`);
    return readFileSync(path.join(CORPUS_DIR, file), 'utf8');
  }
  if (source === 'constructed' || source.startsWith('peer:')) return null;
  throw new Error(`Unknown example source ${source}`);
}

const TABLES: ReadonlyArray<readonly [string, readonly RuleRow[]]> = [
  ['LEXICAL_RULES', LEXICAL_RULES],
  ['NUMBER_RULES', NUMBER_RULES],
];

describe.each(TABLES)('%s', (_table, rows) => {
  it('has unique names, compiled patterns, and at least one example and counterexample per row', () => {
    expect(new Set(rows.map((r) => r.name)).size).toBe(rows.length);
    for (const row of rows) {
      expect(row.pattern).toBeInstanceOf(RegExp);
      expect(row.examples.length).toBeGreaterThan(0);
      expect(row.counterExamples.length).toBeGreaterThan(0);
    }
  });

  describe.each(rows.map((r) => [r.name, r] as const))('%s', (name, row) => {
    it.each(row.examples.map((e) => [e.text, e] as const))('example %j', (_text, example: RuleExample) => {
      const real = sourceText(example.source);
      if (real !== null) expect(real).toContain(example.text);
      const found = explainNumbers(example.text).find((m) => m.text === example.mention.text);
      expect(found, `no mention "${example.mention.text}"`).toBeDefined();
      const { text, kind, value, min, max, qualifier, unit } =
        found ?? ({} as Partial<typeof found & object>);
      const expected = { min: undefined, max: undefined, qualifier: undefined, ...example.mention };
      const actual = {
        text,
        kind,
        value,
        min,
        max,
        qualifier,
        ...('unit' in example.mention ? { unit } : {}),
      };
      expect(actual).toStrictEqual(
        Object.fromEntries(
          Object.entries(expected).map(([k, v]) => [k, typeof v === 'number' ? closeTo(v) : v]),
        ),
      );
      expect(found?.rules).toContain(name);
    });

    it.each(row.counterExamples.map((c) => [c]))('counterexample %j', (sentence) => {
      const hits = explainNumbers(sentence).filter((m) => m.rules.includes(name));
      expect(hits).toStrictEqual([]);
    });
  });
});

/** Values of spelled-out fractions are compared to 12 significant digits (2/3, 8.954302432552...). */
function closeTo(v: number): unknown {
  return Number.isInteger(v) ? v : expect.closeTo(v, 10);
}
