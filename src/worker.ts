import { move, transferableSymbol, valueSymbol } from 'piscina';
import { resultBuffers, runTask, type Task, type TaskResult } from './job.js';

/**
 * The worker threads' entry point (piscina loads this module and calls its default export): one document
 * task or one rows task (see job.ts). The result's byte buffers are moved to the main thread, not copied.
 *
 * @param task The task.
 */
export default function work<T extends Task>(task: T): TaskResult<T> {
  const result = runTask(task);
  // Piscina sends `valueSymbol` and moves what `transferableSymbol` lists; the caller sees the plain result.
  const moved = move({ [transferableSymbol]: resultBuffers(result), [valueSymbol]: result });
  return moved as unknown as TaskResult<T>;
}
