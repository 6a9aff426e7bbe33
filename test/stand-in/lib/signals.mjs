// Interrupts as Terraform handles them: the first SIGINT or SIGTERM asks the running operation to stop
// gracefully (the current resource finishes, state is saved, the lock is released), a second one exits at
// once. Also the sleeps that STANDIN_DELAY_MS and STANDIN_HANG need, which an interrupt cuts short.

import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { wordWrap } from './diagnostics.mjs';

export class Interrupted extends Error {}

/** `ctx.onInterrupt` is the running step's stop hook; without one, held locks are released and the process exits 1. */
export function installSignals(ctx) {
  const handler = () => {
    ctx.interrupts++;
    if (ctx.interrupts >= 2) {
      ctx.err(
        wordWrap('Two interrupts received. Exiting immediately. Note that data loss may have occurred.', 78) +
          '\n',
      );
      process.exit(1);
    }
    ctx.abort.abort();
    if (ctx.onInterrupt) {
      ctx.onInterrupt();
      return;
    }
    // Interrupted outside a stoppable step: give back any lock taken, as Terraform's graceful stop does.
    if (ctx.lockedStores.size > 0) printInterruptMessage(ctx);
    for (const store of ctx.lockedStores) store.unlock();
    process.exit(1);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

export const sleep = (ms, signal) =>
  new Promise((done, fail) => {
    if (signal?.aborted) return fail(new Interrupted());
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      fail(new Interrupted());
    });
  });

/** Sleeps until interrupted (STANDIN_HANG). */
export function hangForever(signal) {
  return new Promise((_, fail) => {
    const keepAlive = setInterval(() => {}, 1 << 30);
    const stop = () => {
      clearInterval(keepAlive);
      fail(new Interrupted());
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop);
  });
}

export function printInterruptMessage(ctx) {
  ctx.out(ctx.product.texts.interrupt);
  ctx.out('Stopping operation...\n');
}
