/**
 * Maps items through an async step with at most `width` steps running at once, and yields the results in the
 * items' order. A slow item holds back what is yielded, never more than `width` items in memory: the run's
 * documents stream through in id order while the pool and the disk stay busy (no batch barrier that idles
 * both while the slowest document of a batch finishes).
 *
 * @param items The inputs, in the order results are wanted.
 * @param width How many steps may run at once (at least 1).
 * @param step The work for one item; its index is passed too.
 */
export async function* lookahead<T, R>(
  items: readonly T[],
  width: number,
  step: (item: T, index: number) => Promise<R>,
): AsyncGenerator<R> {
  if (!(Number.isInteger(width) && width >= 1)) {
    throw new TypeError(`Expected \`width\` to be a whole number of 1 or more, got \`${width}\``);
  }
  const running: Promise<R>[] = [];
  let next = 0;
  const start = (): void => {
    const index = next++;
    const promise = step(items[index] as T, index);
    // Awaited in order below; until then a rejection must not count as unhandled.
    promise.catch(() => undefined);
    running.push(promise);
  };
  try {
    while (next < items.length && running.length < width) start();
    while (running.length > 0) {
      const result = await (running.shift() as Promise<R>);
      if (next < items.length) start();
      yield result;
    }
  } finally {
    // Stopped early (an error, or the consumer broke off): let the steps already started settle first, so
    // that none of them is still writing when the caller cleans up.
    await Promise.allSettled(running);
  }
}
