import { parseArgs } from 'node:util';
import { canonicalJson, type Fetched, processSource } from '../src/index.js';
import { generateCorpus } from './corpus.js';

/**
 * A workload to profile: `processSource` and serialisation over the benchmark corpus, nothing else worth
 * seeing in the profile. Run it under the V8 profiler, then summarise with top.js:
 *
 *     node --cpu-prof --cpu-prof-dir=/tmp/prof dist/bench/profile.js --docs 2000 --form text
 *     node dist/bench/top.js /tmp/prof/*.cpuprofile
 */

const { values } = parseArgs({
  options: {
    docs: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    passes: { type: 'string', default: '2' },
    form: { type: 'string', default: 'text' },
  },
});
const docs = Number(values.docs);
const passes = Number(values.passes);
const form = values.form === 'html' ? 'html' : 'text';
if (!(Number.isInteger(docs) && docs >= 1 && Number.isInteger(passes) && passes >= 1)) {
  throw new TypeError(
    `Expected --docs and --passes to be whole numbers of 1 or more, got ${docs} and ${passes}`,
  );
}
/** One document's work: the root of the profile that top.js summarises. */
function profiledDocument(fetched: Fetched): number {
  const processed = processSource(fetched);
  return processed.ok ? canonicalJson(processed.document).length : 0;
}

const corpus = generateCorpus({ docs, seed: Number(values.seed) });
let bytes = 0;
const started = performance.now();
for (let pass = 0; pass < passes; pass++) {
  for (const doc of corpus) bytes += profiledDocument(doc[form]);
}
const seconds = (performance.now() - started) / 1000;
process.stdout.write(
  `${form}: ${docs * passes} documents in ${seconds.toFixed(2)} s = ${((docs * passes) / seconds).toFixed(0)} docs/s (${bytes} bytes of JSON)\n`,
);
