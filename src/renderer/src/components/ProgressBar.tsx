/** Done out of total, as a bar and in figures; used by every long-running batch (lookup, bulk actions). */
export function ProgressBar({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div className="progress" aria-label={label}>
      <progress max={Math.max(total, 1)} value={done} />
      <span>
        {done} / {total}
      </span>
    </div>
  );
}
