// Gives memory back when the server falls idle. After a burst of work V8 keeps the heap it
// grew to until its next collection, and an idle server allocates too little to trigger one:
// after the soak bench the main heap held ~120 MB (95 MB of old space) for ~70 MB live. One
// full collection once the server has been idle a moment returns the difference; it runs only
// when nothing is being served, so requests never wait for it under load.
import { performance } from "node:perf_hooks";

/** A second counts as idle below this share of busy event loop (keep-alives, timers). */
const idleUtilization = 0.05;

export type IdleCollection = { stop(): void };

/**
 * Every second, looks at how busy the event loop was; after `idleSeconds` idle seconds in a
 * row, following at least `workMs` of work since the last collection, collects the heap once.
 * Needs node's `--expose-gc` (`npm start` sets it); without it there is nothing to do.
 */
export function collectWhenIdle(
  options: { idleSeconds?: number; workMs?: number; onCollect?(ms: number): void } = {},
): IdleCollection {
  const collect = (globalThis as { gc?: () => void }).gc;
  if (!collect) return { stop() {} };
  const idleSeconds = options.idleSeconds ?? 2;
  const workMs = options.workMs ?? 1_000;
  let last = performance.eventLoopUtilization();
  let workSinceCollection = 0;
  let idleInRow = 0;
  const timer = setInterval(() => {
    const now = performance.eventLoopUtilization();
    const second = performance.eventLoopUtilization(now, last);
    last = now;
    workSinceCollection += second.active;
    idleInRow = second.utilization < idleUtilization ? idleInRow + 1 : 0;
    if (idleInRow < idleSeconds || workSinceCollection < workMs) return;
    const began = performance.now();
    collect();
    options.onCollect?.(performance.now() - began);
    workSinceCollection = 0;
    idleInRow = 0;
    // The collection itself is not work to collect after.
    last = performance.eventLoopUtilization();
  }, 1_000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
