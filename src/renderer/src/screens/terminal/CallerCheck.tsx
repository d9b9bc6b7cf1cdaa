/**
 * What the agent confirms with the caller before the payment page opens (Settings › Terminal words it): each one
 * ticked, or the page does not open. Consent and the amount read back belong before the card is taken, not after.
 */
export function CallerCheck({
  lines,
  ticked,
  onTick,
}: {
  lines: readonly string[];
  ticked: ReadonlySet<number>;
  onTick(index: number, on: boolean): void;
}) {
  if (lines.length === 0) return null;
  return (
    <fieldset className="vt-caller-check">
      <legend>Caller check: tick each one with the caller</legend>
      <ul>
        {lines.map((line, i) => (
          <li key={line}>
            <label>
              <input type="checkbox" checked={ticked.has(i)} onChange={(e) => onTick(i, e.target.checked)} /> {line}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
