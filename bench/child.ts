import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

/**
 * Runs a benchmark helper script in a child process, so that its peak memory is its own, and collects the
 * one JSON line it reports after a marker.
 */

/** What one child run gave. */
export interface ChildResult<T> {
  /** Wall time seen by the parent, from spawn to exit (Node start-up included). */
  wallSeconds: number;
  /** The child's report, or null when it crashed, hung, or never reported. */
  report: T | null;
  exitCode: number | null;
  signal: string | null;
  /** The last lines of its stdout (the CLI's run summary) and stderr. */
  stdoutTail: string;
  stderrTail: string;
  timedOut: boolean;
  /** `os.loadavg()` when the child started. */
  loadBefore: number[];
}

const TAIL_CHARS = 2_000;

const tail = (text: string): string => text.slice(-TAIL_CHARS);

/**
 * Spawns `node <script> ...args` and waits for it.
 *
 * @param script The script's file URL.
 * @param args Its arguments.
 * @param options The marker its report line starts with, where to run it, and when to give up.
 */
export function runChild<T>(
  script: URL,
  args: readonly string[],
  options: { marker: string; cwd?: string; timeoutMs: number; stream: 'stdout' | 'stderr' },
): Promise<ChildResult<T>> {
  const loadBefore = loadavg();
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script.pathname, ...args], {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let report: T | null = null;
    const scan = (text: string): void => {
      for (const line of text.split('\n')) {
        if (line.startsWith(options.marker)) report = JSON.parse(line.slice(options.marker.length)) as T;
      }
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout = tail(stdout + chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr = tail(stderr + chunk);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      clearTimeout(timer);
      scan(options.stream === 'stdout' ? stdout : stderr);
      const markerAt = stderr.lastIndexOf(`\n${options.marker}`);
      resolvePromise({
        wallSeconds: (performance.now() - started) / 1000,
        report,
        exitCode,
        signal,
        stdoutTail: stdout.trim().split('\n').slice(-3).join('\n'),
        stderrTail: (markerAt >= 0 ? stderr.slice(0, markerAt) : stderr)
          .trim()
          .split('\n')
          .slice(-5)
          .join('\n'),
        timedOut,
        loadBefore,
      });
    });
  });
}
