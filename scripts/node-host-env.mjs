/**
 * The environment a Node process running the desk's core starts with (the browser host of `npm start` and
 * `npm run start:browser`; the benches' core). Both settings keep what a 100,000-row load leaves behind from staying:
 * - glibc's malloc raises its mmap threshold each time a large block is freed, so the queue's pages (~0.8 MB each,
 *   passed between the store worker, the command thread and the socket) came to live in arenas it kept; fixed at its
 *   default of 128 KiB they go back to the system when freed.
 * - V8's young generation grew to its 32 MB limit during the load and kept it; with 4 MB semi-spaces it measured 2 MB
 *   after the load, and bulk approve and the intake were as fast, side by side.
 * bench:start measures the core with and without them side by side. Electron's main process allocates through
 * Chromium's PartitionAlloc and takes V8 flags only at launch, so the app itself sets neither.
 */
export function nodeHostEnv(base = process.env) {
  return {
    ...base,
    MALLOC_MMAP_THRESHOLD_: '131072',
    NODE_OPTIONS: [base.NODE_OPTIONS, '--max-semi-space-size=4'].filter(Boolean).join(' '),
  };
}
