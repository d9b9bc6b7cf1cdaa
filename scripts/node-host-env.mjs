/**
 * What a Node process running the desk's core starts with (the browser host of `npm start`; the benches' core).
 * glibc's malloc raises its mmap threshold each time a large block is freed, so the queue's pages (~0.8 MB each,
 * passed between the store worker, the command thread and the socket) then came from arenas it kept: bench:start
 * measured a core 20–30 MB lighter, warm and after the 100k queue, with the threshold fixed at its default of 128 KiB.
 * Electron's main process does not allocate through glibc's malloc (Chromium's PartitionAlloc), so the app sets none.
 */
export const NODE_HOST_ENV = { MALLOC_MMAP_THRESHOLD_: '131072' };
