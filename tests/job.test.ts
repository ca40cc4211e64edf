import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../src/emit/json.js';
import { exportRows } from '../src/emit/rows.js';
import { type DocumentTask, resultBuffers, runDocumentTask, runRowsTask } from '../src/job.js';
import { processSource } from '../src/process.js';
import { fetched, fixture } from './parse/fetched.js';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | null) => (bytes === null ? null : new TextDecoder().decode(bytes));

const task = (overrides: Partial<DocumentTask> = {}): DocumentTask => ({
  type: 'document',
  fetched: fixture(),
  notModified: false,
  previousJson: null,
  force: false,
  keepDocument: false,
  ...overrides,
});

/** The seed narrative's document as a first run writes it. */
function firstRun(): string {
  const processed = processSource(fixture());
  if (!processed.ok) throw new Error(processed.failure.message);
  return canonicalJson(processed.document);
}

describe('runDocumentTask', () => {
  it('gives a new document its canonical JSON as bytes and the run report facts', () => {
    const result = runDocumentTask(task());
    expect(result.ok && result.status).toBe('new');
    if (!result.ok) return;
    expect(decode(result.json)).toBe(firstRun());
    expect(result.summary).toStrictEqual({
      kind: 'tip_narrative',
      country: 'Kyrgyz Republic',
      reportYear: 2017,
      tier: 'Tier 2',
      figures: 30,
      statutes: 5,
      numbers: 71,
      warnings: 1,
    });
    expect(result.changes).toBeNull();
    expect(result.document).toBeUndefined();
    expect(result.rows.id).toBe('test');
    expect(result.rows.seen).toHaveLength(30);
    expect(resultBuffers(result)).toStrictEqual([result.json, ...result.rows.rows].map((v) => v?.buffer));
  });

  it('writes nothing for the same clean text, for a 304, and for the same bytes under --force', () => {
    const previousJson = encode(firstRun());
    const same = runDocumentTask(task({ previousJson }));
    const notModified = runDocumentTask(task({ previousJson, notModified: true, keepDocument: true }));
    const forced = runDocumentTask(task({ previousJson, force: true }));
    expect([same, notModified, forced].map((r) => r.ok && [r.status, r.json])).toStrictEqual([
      ['unchanged', null],
      ['not_modified', null],
      ['unchanged', null],
    ]);
    expect(notModified.ok && notModified.document?.document.id).toBe('test');
  });

  it('reports a changed figure when the previous output said otherwise', () => {
    const previous = firstRun().replace('"value": 8,', '"value": 9,');
    expect(previous).not.toBe(firstRun());
    const result = runDocumentTask(task({ previousJson: encode(previous), force: true }));
    expect(result.ok && result.status).toBe('changed');
    if (!result.ok) return;
    expect(decode(result.json)).toBe(firstRun());
    expect(result.changes?.changed.map((c) => [c.before.value, c.after.value])).toStrictEqual([[9, 8]]);
  });

  it('keeps a narrative whose page turned into something else as a failure (ContentError)', () => {
    const notTip = fetched('Please log in to continue.\n\nThis page has moved.\n', {
      path: 'refworld-5959eca511.txt',
    });
    const result = runDocumentTask(task({ fetched: notTip, previousJson: encode(firstRun()) }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure).toStrictEqual({
      errorClass: 'ContentError',
      message: 'The source no longer looks like a TIP narrative; the previous output is kept.',
    });
    // The exports keep showing the previous output.
    expect(result.rows?.seen).toHaveLength(30);
    const empty = runDocumentTask(task({ fetched: fetched('') }));
    expect(empty.ok === false && [empty.failure.errorClass, empty.rows]).toStrictEqual(['ParseError', null]);
  });

  it('treats unreadable previous output as none', () => {
    const result = runDocumentTask(task({ previousJson: encode('{"schemaVersion": "nonsense"') }));
    expect(result.ok && result.status).toBe('new');
  });
});

describe('runRowsTask', () => {
  it('turns a document JSON into its export rows and ledger keys, and refuses what is no document', () => {
    const json = firstRun();
    const processed = processSource(fixture());
    if (!processed.ok) throw new Error(processed.failure.message);
    const result = runRowsTask({ type: 'rows', json: encode(json) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.id).toBe('test');
    expect(result.rows.map(decode)).toStrictEqual(exportRows(processed.document));
    expect(result.seen).toHaveLength(30);
    expect(resultBuffers(result)).toHaveLength(4);
    expect(runRowsTask({ type: 'rows', json: encode('[]') })).toStrictEqual({ ok: false });
  });
});
