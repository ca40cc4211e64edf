import { Culture, NumberRecognizer, recognizeNumber } from '@microsoft/recognizers-text-number';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { findFigures } from '../src/extract/figures/index.js';
import { dropArticleNumbers } from '../src/extract/index.js';
import { findNumbers } from '../src/extract/numbers/index.js';
import { findStatutes, statuteArticleRanges } from '../src/extract/statutes/index.js';
import { findTier } from '../src/extract/tier/index.js';
import {
  assemble,
  type CleanDocument,
  canonicalJson,
  extract,
  parseSource,
  processSource,
  type Segmented,
  segment,
  type TipDocument,
  validate,
} from '../src/index.js';
import { type BenchDocument, corpusBytes } from './corpus.js';
import { type MeasureOptions, measure, type Rate } from './stats.js';

/**
 * The in-process measurements, all on the main thread over the same corpus: the pipeline end to end for
 * the text and the HTML forms, each stage on its own (its input prepared beforehand), and the two
 * baselines.
 */

/** Everything measured in process. */
export interface Throughput {
  pipeline: { text: Rate; html: Rate };
  /** One row per stage, in pipeline order; the extract passes follow `extract`. */
  stages: Rate[];
  baselines: { remark: Rate; recognizers: Rate; recognizersModelOnce: Rate };
  /** Documents the pipeline failed (they still count in docs/s: a failure is work too); 0 expected. */
  failed: { text: number; html: number };
}

/** Each stage's input, made once so that a stage's pass times that stage alone. */
interface Prepared {
  doc: BenchDocument;
  clean: CleanDocument;
  segmented: Segmented;
  candidate: TipDocument;
  valid: TipDocument;
}

function prepare(docs: readonly BenchDocument[]): Prepared[] {
  const out: Prepared[] = [];
  for (const doc of docs) {
    const clean = parseSource(doc.text);
    const segmented = segment(clean);
    const candidate = assemble(doc.text, clean, segmented);
    const result = validate(candidate);
    if (result.success) out.push({ doc, clean, segmented, candidate, valid: result.data });
  }
  if (out.length === 0)
    throw new Error('No corpus document made it through the pipeline to measure stages on');
  return out;
}

function pipelineWork(form: 'text' | 'html', failed: Set<string>) {
  return (doc: BenchDocument): number => {
    const processed = processSource(doc[form]);
    if (!processed.ok) {
      failed.add(doc.id);
      return 0;
    }
    return canonicalJson(processed.document).length;
  };
}

/** The extract passes' inputs, as `extract` makes them, so that each pass can be timed alone. */
function passInputs(p: Prepared) {
  const { text } = p.clean;
  const all = findNumbers(text);
  const statutes = findStatutes(text, p.segmented.sentences, all);
  const numbers = dropArticleNumbers(all, statuteArticleRanges(statutes));
  return { p, text, all, statutes, numbers };
}

/**
 * Measures the pipeline, its stages and the baselines over one corpus.
 *
 * @param docs The corpus.
 * @param options Runs and warm-up.
 * @param log Told of each scenario as it starts (for progress on stderr).
 */
export function measureThroughput(
  docs: readonly BenchDocument[],
  options: MeasureOptions,
  log: (line: string) => void = () => undefined,
): Throughput {
  const textBytes = corpusBytes(docs, 'text');
  const htmlBytes = corpusBytes(docs, 'html');
  const run = <T>(name: string, items: readonly T[], bytes: number, work: (item: T) => unknown): Rate => {
    log(name);
    return measure(name, items, bytes, work, options);
  };
  const textFailed = new Set<string>();
  const htmlFailed = new Set<string>();
  const text = run('pipeline, text', docs, textBytes, pipelineWork('text', textFailed));
  const html = run('pipeline, HTML', docs, htmlBytes, pipelineWork('html', htmlFailed));
  const failed = { text: textFailed.size, html: htmlFailed.size };

  const prepared = prepare(docs);
  const bytes = corpusBytes(
    prepared.map((p) => p.doc),
    'text',
  );
  const passes = prepared.map(passInputs);
  const stages = [
    run('parse (text)', prepared, bytes, (p) => parseSource(p.doc.text).text.length),
    run('parse (HTML)', docs, htmlBytes, (d) => parseSource(d.html).text.length),
    run('segment', prepared, bytes, (p) => segment(p.clean).sentences.length),
    run('extract', prepared, bytes, (p) => extract(p.clean, p.segmented).figures.length),
    run('  numbers pass', passes, bytes, (x) => findNumbers(x.text).length),
    run('  statutes', passes, bytes, (x) => findStatutes(x.text, x.p.segmented.sentences, x.all).length),
    run(
      '  figures',
      passes,
      bytes,
      (x) =>
        findFigures({
          text: x.text,
          kind: x.p.segmented.kind,
          sections: x.p.segmented.sections,
          sentences: x.p.segmented.sentences,
          numbers: x.numbers,
          statutes: x.statutes,
        }).figures.length,
    ),
    run('  tier', passes, bytes, (x) =>
      findTier(x.text, x.p.segmented.header, x.p.segmented.sentences) ? 1 : 0,
    ),
    run('assemble (extract + spans + hash)', prepared, bytes, (p) =>
      assemble(p.doc.text, p.clean, p.segmented),
    ),
    run('validate', prepared, bytes, (p) => (validate(p.candidate).success ? 1 : 0)),
    run('serialise', prepared, bytes, (p) => canonicalJson(p.valid).length),
  ];

  const processor = unified().use(remarkParse);
  const remark = run(
    'remark-parse alone',
    docs,
    textBytes,
    (d) => processor.parse(d.textSource).children.length,
  );
  const recognizers = run(
    'Recognizers-Text recognizeNumber',
    docs,
    textBytes,
    (d) => recognizeNumber(d.textSource, Culture.English).length,
  );
  const model = new NumberRecognizer(Culture.English).getNumberModel();
  const recognizersModelOnce = run(
    'Recognizers-Text, model built once',
    docs,
    textBytes,
    (d) => model.parse(d.textSource).length,
  );
  return {
    pipeline: { text, html },
    stages,
    baselines: { remark, recognizers, recognizersModelOnce },
    failed,
  };
}
