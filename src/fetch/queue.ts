import PQueue from 'p-queue';

/** How each host's queue is bounded. */
export interface HostLimits {
  /** Requests in flight at once. */
  concurrency: number;
  /** Requests started per second. */
  rate: number;
}

/**
 * One `PQueue` per host (`host:port`), so that a slow or strict host never holds back another.
 *
 * The rate becomes `intervalCap: 1` per `1000 / rate` ms in p-queue's strict (sliding window) mode: starts are
 * spread evenly instead of bursting `rate` requests at the top of each second, which is what a server's rate
 * limiter sees as rude.
 */
export class HostQueues {
  readonly #limits: HostLimits;
  readonly #queues = new Map<string, PQueue>();

  /** @param limits The per-host bounds every queue is built from. */
  constructor(limits: HostLimits) {
    this.#limits = limits;
  }

  /**
   * Runs one request in the queue of its URL's host, once a slot and the rate allow.
   *
   * @param url The address the task will request: its `host` picks the queue.
   * @param task The request itself; it must settle (the request timeout sees to that).
   */
  run<T>(url: URL, task: () => Promise<T>): Promise<T> {
    return this.queue(url.host).add(task);
  }

  /** Resolves once every queue is empty and nothing is running. */
  async onIdle(): Promise<void> {
    await Promise.all([...this.#queues.values()].map((queue) => queue.onIdle()));
  }

  /**
   * Returns the queue of one host, creating it on first use.
   *
   * @param host `hostname[:port]` as in `URL.host`.
   */
  queue(host: string): PQueue {
    let queue = this.#queues.get(host);
    if (queue === undefined) {
      queue = new PQueue({
        concurrency: this.#limits.concurrency,
        intervalCap: 1,
        interval: 1000 / this.#limits.rate,
        strict: true,
      });
      this.#queues.set(host, queue);
    }
    return queue;
  }
}
