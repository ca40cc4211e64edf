import type { Fetched } from './fetch/types.js';
import { type Processed, processSource } from './process.js';
import type { TipDocument } from './validate/schema.js';

/** One document's work for a worker thread: parse, segment, extract and validate (no I/O). */
export interface WorkerTask {
  fetched: Fetched;
  previous?: TipDocument;
}

/**
 * The worker threads' entry point (piscina loads this module and calls its default export).
 *
 * @param task The fetched source and the previous document, if any.
 */
export default function work(task: WorkerTask): Processed {
  return processSource(task.fetched, task.previous);
}
