import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openLedgerUpdate, readSeenLedger, touchSeenLedger } from '../../src/emit/index.js';

const tempOut = () => mkdtemp(join(tmpdir(), 'tip-ledger-'));
const ledgerText = (out: string) => readFile(join(out, 'changes', 'seen.jsonl'), 'utf8');

async function record(out: string, date: string, docs: [string, string[]][]): Promise<void> {
  const update = await openLedgerUpdate(out);
  for (const [id, keys] of docs) await update.record(id, keys, date);
  await update.finish();
}

describe('the first/last-seen ledger file (changes/seen.jsonl)', () => {
  it('writes one line per document in id order, figure keys sorted', async () => {
    const out = await tempOut();
    await record(out, '2026-01-01', [
      ['a', ['z|1', 'b|2']],
      ['b', []],
    ]);
    expect(await ledgerText(out)).toBe(
      '{"id":"a","figures":{"b|2":{"firstSeen":"2026-01-01","lastSeen":"2026-01-01"},"z|1":{"firstSeen":"2026-01-01","lastSeen":"2026-01-01"}}}\n' +
        '{"id":"b","figures":{}}\n',
    );
  });

  it('merges a run into the old lines: keeps first dates, moves last ones, keeps documents the run left out', async () => {
    const out = await tempOut();
    await record(out, '2026-01-01', [
      ['a', ['k1', 'k2']],
      ['c', ['k3']],
      ['e', ['k4']],
    ]);
    await record(out, '2026-02-01', [
      ['b', ['k5']],
      ['c', ['k3']],
      ['d', ['k6']],
    ]);
    expect(await readSeenLedger(out)).toStrictEqual({
      a: {
        k1: { firstSeen: '2026-01-01', lastSeen: '2026-01-01' },
        k2: { firstSeen: '2026-01-01', lastSeen: '2026-01-01' },
      },
      b: { k5: { firstSeen: '2026-02-01', lastSeen: '2026-02-01' } },
      c: { k3: { firstSeen: '2026-01-01', lastSeen: '2026-02-01' } },
      d: { k6: { firstSeen: '2026-02-01', lastSeen: '2026-02-01' } },
      e: { k4: { firstSeen: '2026-01-01', lastSeen: '2026-01-01' } },
    });
    expect((await ledgerText(out)).split('\n').map((l) => l.slice(0, 9))).toStrictEqual([
      '{"id":"a"',
      '{"id":"b"',
      '{"id":"c"',
      '{"id":"d"',
      '{"id":"e"',
      '',
    ]);
  });

  it('moves the last date of what was seen last time on a quiet re-run, only for the run documents', async () => {
    const out = await tempOut();
    await record(out, '2026-01-01', [
      ['a', ['k1']],
      ['b', ['k2']],
    ]);
    await record(out, '2026-02-01', [['a', []]]);
    await touchSeenLedger(out, new Set(['a', 'b']), '2026-02-01', '2026-03-01');
    expect(await readSeenLedger(out)).toStrictEqual({
      a: { k1: { firstSeen: '2026-01-01', lastSeen: '2026-01-01' } },
      b: { k2: { firstSeen: '2026-01-01', lastSeen: '2026-01-01' } },
    });
    await record(out, '2026-04-01', [['a', ['k1']]]);
    await touchSeenLedger(out, new Set(['a']), '2026-04-01', '2026-05-01');
    expect((await readSeenLedger(out)).a).toStrictEqual({
      k1: { firstSeen: '2026-01-01', lastSeen: '2026-05-01' },
    });
  });

  it('refuses ids out of order, and abort leaves the old ledger and no temporary file', async () => {
    const out = await tempOut();
    await record(out, '2026-01-01', [['a', ['k1']]]);
    const before = await ledgerText(out);
    const update = await openLedgerUpdate(out);
    await update.record('b', [], '2026-02-01');
    await expect(update.record('a', [], '2026-02-01')).rejects.toThrow(
      'Expected ledger ids in ascending order, got `a` after `b`',
    );
    await update.abort();
    expect(await ledgerText(out)).toBe(before);
    expect(await readdir(join(out, 'changes'))).toStrictEqual(['seen.jsonl']);
  });

  it('reads the seen.json of earlier versions once, and skips lines it cannot read', async () => {
    const out = await tempOut();
    await mkdir(join(out, 'changes'));
    const legacy = { b: { k2: { firstSeen: '2025-01-01', lastSeen: '2025-01-01' } }, a: {} };
    await writeFile(join(out, 'changes', 'seen.json'), JSON.stringify(legacy));
    await record(out, '2026-01-01', [['b', ['k2']]]);
    expect(await readSeenLedger(out)).toStrictEqual({
      a: {},
      b: { k2: { firstSeen: '2025-01-01', lastSeen: '2026-01-01' } },
    });
    expect(await readdir(join(out, 'changes'))).toStrictEqual(['seen.jsonl']);
    await writeFile(join(out, 'changes', 'seen.jsonl'), `not json\n${'{"id":"c","figures":{}}'}\n[1]\n`);
    expect(await readSeenLedger(out)).toStrictEqual({ c: {} });
  });
});
