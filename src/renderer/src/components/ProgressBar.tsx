/**
 * Done out of total, as a bar and in figures; used by every long-running batch (lookup, bulk actions). The named
 * progressbar is the wrapper, so a screen reader hears the label with "done of total" (the bar and figures are its
 * drawing).
 */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={total}
      aria-valuenow={done}
      aria-valuetext={`${done} of ${total}`}
    >
      <progress max={Math.max(total, 1)} value={done} aria-hidden="true" />
      <span>
        {done} / {total}
      </span>
    </div>
  );
}
