/** Frames are not drawn in a hidden window or tab; past this, stop waiting for one. */
const NO_FRAME_MS = 100;

/**
 * Answers once what is in the DOM now has been painted: at the start of the frame after the next one. Work begun
 * then (the rest of a queue, say) does not compete with that first frame's layout, paint and raster for the CPU.
 * Where no frame comes (a hidden window), after 100 ms.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const noFrame = setTimeout(resolve, NO_FRAME_MS);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(noFrame);
        resolve();
      }),
    );
  });
}
