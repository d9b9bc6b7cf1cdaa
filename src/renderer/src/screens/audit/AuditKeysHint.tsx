/** "A, B and C" */
const listed = (names: readonly string[]) =>
  names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;

/**
 * The log's keys, as the queues show theirs: they work from the moment the screen opens. Columns a narrow window
 * hides are named, so nobody takes them for missing: the row's detail shows them.
 */
export function AuditKeysHint({ hidden }: { hidden: readonly string[] }) {
  return (
    <p className="muted keys-hint">
      <kbd>J</kbd>/<kbd>K</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
      {hidden.length > 0 && ` · ${listed(hidden)}: in the row’s detail`}
    </p>
  );
}
