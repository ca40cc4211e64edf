import { describe, expect, it } from 'vitest';
import {
  diffDocuments,
  formatChangeReport,
  isEmptyReport,
  mergeSeen,
  seenKeys,
  sortedEntries,
  touchEntries,
} from '../../src/changes/index.js';
import { figure, tipDocument } from '../helpers/factories.js';

const before = tipDocument({
  figures: [
    figure({ id: 'f1', metric: 'convictions', value: 10, year: 2016 }),
    figure({ id: 'f2', metric: 'prosecutions', value: 5, unit: 'cases', year: 2016 }),
  ],
});

describe('diffDocuments', () => {
  it('names a changed value with both quotes, an added and a removed figure', () => {
    const after = tipDocument({
      figures: [
        figure({ id: 'f1', metric: 'convictions', value: 12, year: 2016, quote: 'convicted 12 offenders' }),
        figure({
          id: 'f2',
          metric: 'investigations',
          value: 8,
          unit: 'cases',
          year: 2016,
          quote: 'eight investigations',
        }),
      ],
    });
    const report = diffDocuments(before, after);
    expect(report.changed.map((c) => [c.key, c.before.value, c.after.value, c.after.quote])).toStrictEqual([
      ['convictions|offenders|2016|||', 10, 12, 'convicted 12 offenders'],
    ]);
    expect(report.added.map((a) => a.key)).toStrictEqual(['investigations|cases|2016|||']);
    expect(report.removed.map((r) => r.key)).toStrictEqual(['prosecutions|cases|2016|||']);
    expect(formatChangeReport(report)).toStrictEqual([
      '  ~ convictions 2016: 10 -> 12 ("convicted 10 offenders" -> "convicted 12 offenders")',
      '  + investigations 2016: 8 "eight investigations"',
      '  - prosecutions 2016: 5 "convicted 10 offenders"',
    ]);
  });

  it('finds nothing when only the wording around a figure moved', () => {
    const after = tipDocument({
      figures: before.figures.map((f) => ({ ...f, start: f.start + 5, end: f.end + 5 })),
    });
    expect(isEmptyReport(diffDocuments(before, after))).toBe(true);
  });

  it('reports a new tier placement', () => {
    const after = tipDocument({
      figures: before.figures,
      tier: { placement: 'Tier 3', start: 0, end: 9, quote: 'X: TIER 2' },
    });
    expect(diffDocuments(before, after).tier).toStrictEqual({ before: 'Tier 2', after: 'Tier 3' });
  });
});

describe('the first/last-seen ledger', () => {
  it('keeps the first date, moves the last one, and keeps removed figures with their dates', () => {
    const first = mergeSeen(undefined, seenKeys(before), '2026-01-01');
    const entries = mergeSeen(
      first,
      seenKeys(tipDocument({ figures: [before.figures[0] as (typeof before.figures)[0]] })),
      '2026-02-01',
    );
    expect(sortedEntries(entries)).toStrictEqual({
      'convictions|offenders|2016|||': { firstSeen: '2026-01-01', lastSeen: '2026-02-01' },
      'prosecutions|cases|2016|||': { firstSeen: '2026-01-01', lastSeen: '2026-01-01' },
    });
    touchEntries(entries, '2026-02-01', '2026-03-01');
    expect(entries['convictions|offenders|2016|||']?.lastSeen).toBe('2026-03-01');
    expect(entries['prosecutions|cases|2016|||']?.lastSeen).toBe('2026-01-01');
  });
});
