import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CODES, STATUTE_RULES } from '../../src/extract/statutes/index.js';

/**
 * find.ts runs a statute rule only on a sentence where the rule's trigger occurs (a speed-up: most
 * sentences cite no law). That is only safe when the trigger is necessary: every string the pattern
 * matches in must also contain the trigger. These tests check that property on the fixtures, the
 * rule table's own sentences, and generated sentences made of the words the patterns look for.
 * No timing is measured here.
 */

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'sources');

/** The fixture texts, cut into rough sentences (the property holds for any string). */
const fixtureSentences = readdirSync(FIXTURES)
  .filter((name) => /\.(?:txt|md)$/.test(name))
  .flatMap((name) => readFileSync(join(FIXTURES, name), 'utf8').split(/(?<=[.!?])\s+/));

const tableSentences = STATUTE_RULES.flatMap((rule) => [
  ...rule.examples.map((example) => example.text),
  ...rule.counterExamples,
]);

/** Whether `rule.pattern` matches somewhere in `text` without its trigger occurring. */
function missedByTrigger(rule: (typeof STATUTE_RULES)[number], text: string): boolean {
  if (!rule.trigger) return false;
  const matches = [...text.matchAll(rule.pattern)].length > 0;
  return matches && !rule.trigger.test(text);
}

/** Words and marks the statute patterns are made of, in both cases where it matters. */
const WORDS = [
  'Article',
  'article',
  'Articles',
  'art.',
  'Arts.',
  'Section',
  'sections',
  'Sec.',
  '§',
  '§§',
  '124',
  '124(2)',
  '110/a',
  '2-4',
  '6/2008',
  '2005',
  '1998',
  'bis',
  'and',
  'or',
  'to',
  'of',
  'on',
  'the',
  'The',
  'its',
  'this',
  'said',
  'see',
  'Law',
  'law',
  'Act',
  'act',
  'Bill',
  'Code',
  'code',
  'Decree',
  'Proclamation',
  'Ordinance',
  'No.',
  'Number',
  '#',
  'criminal',
  'Criminal',
  'penal',
  'Labour',
  'children',
  "Children's",
  'constitution',
  'Constitution',
  'procedure',
  'Procedure',
  'anti-trafficking',
  'Antitrafficking',
  'trafficking',
  'Trafficking',
  'in',
  'Persons',
  'persons',
  'national',
  'Human',
  'Prevention',
  'Combating',
  'Kazakh',
  "Ghana's",
  'CC',
  'PGO',
  'enforcement',
  '(',
  ')',
  ',',
  ';',
  '.',
  '"',
  'entitled',
];

const sentence = fc
  .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(' ', ' ', '  ', '', '\n')), {
    maxLength: 14,
  })
  .map((parts) => parts.map(([word, gap]) => `${word}${gap}`).join(''));

describe('statute rule triggers', () => {
  it('occur in every code name the table writes', () => {
    const code = STATUTE_RULES.find((rule) => rule.name === 'code');
    for (const written of CODES.flatMap((entry) => entry.written)) {
      expect(code?.trigger?.test(written), written).toBe(true);
      expect(code?.trigger?.test(written.replace(/\b[a-z]/g, (c) => c.toUpperCase())), written).toBe(true);
    }
  });

  it.each(STATUTE_RULES.filter((rule) => rule.trigger).map((rule) => [rule.name, rule] as const))(
    'occur wherever rule %s matches in the fixtures and the table',
    (_name, rule) => {
      const missed = [...fixtureSentences, ...tableSentences].filter((text) => missedByTrigger(rule, text));
      expect(missed).toStrictEqual([]);
    },
  );

  it('occur wherever any rule matches in generated sentences', () => {
    fc.assert(
      fc.property(sentence, (text) => {
        for (const rule of STATUTE_RULES)
          expect(missedByTrigger(rule, text), `${rule.name}: ${text}`).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });
});
