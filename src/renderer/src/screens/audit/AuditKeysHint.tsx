/** The log's keys, as the queues show theirs: they work from the moment the screen opens. */
export function AuditKeysHint() {
  return (
    <p className="muted keys-hint">
      <kbd>J</kbd>/<kbd>K</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
    </p>
  );
}
