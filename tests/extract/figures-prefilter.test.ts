import { describe, expect, it } from 'vitest';
import { MAY_BE_ABSENT } from '../../src/extract/figures/absent.js';
import { COMPARISONS, NOT_REPORTED, ZERO } from '../../src/extract/figures/context-rules.js';
import { MAY_COMPARE } from '../../src/extract/figures/scope.js';

/** The cheap pre-tests in scope.ts and absent.ts must let through every example of the tables they guard. */
describe('pre-filters of the figure cue tables', () => {
  it.each(COMPARISONS.flatMap((r) => r.examples))(
    'a comparison example passes the comparison pre-test: %s',
    (e) => {
      expect(MAY_COMPARE.test(e)).toBe(true);
    },
  );
  it.each([...NOT_REPORTED, ...ZERO].flatMap((r) => r.examples))(
    'an absence example passes the absence pre-test: %s',
    (e) => {
      expect(MAY_BE_ABSENT.test(e)).toBe(true);
    },
  );
});
