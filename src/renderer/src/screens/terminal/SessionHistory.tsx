import { useTerminal } from '../../stores/terminal';
import { amountText } from './SessionPanel';
import { instantText, instantTextToMinute } from '../../components/instant-text';

/** "7 Dec 2026, 06:09 UTC" that may break after the date and nowhere else. */
function DateThenTime({ text }: { text: string }) {
  const comma = text.lastIndexOf(', ');
  return (
    <>
      <span className="date-or-time">{text.slice(0, comma + 1)}</span>{' '}
      <span className="date-or-time">{text.slice(comma + 2)}</span>
    </>
  );
}

/** Every terminal session of this profile's store, newest first. */
export function SessionHistory() {
  const history = useTerminal((s) => s.history);
  return (
    <section className="panel" aria-labelledby="vt-history-title">
      <div className="panel-head">
        <h2 id="vt-history-title">Session history</h2>
      </div>
      {history.length === 0 ? (
        <p className="muted">No terminal sessions yet in this profile.</p>
      ) : (
        <table className="vt-history" aria-labelledby="vt-history-title">
          <thead>
            <tr>
              <th scope="col">Time</th>
              <th scope="col">Status</th>
              <th scope="col">Amount</th>
              <th scope="col">Customer</th>
              <th scope="col">Intent</th>
              <th scope="col">Agent</th>
              <th scope="col">Order</th>
            </tr>
          </thead>
          <tbody>
            {history.map((s) => (
              <tr key={s.orderId}>
                {/* To the minute, the seconds on hover; the time goes under the date where the window is narrow. */}
                <td title={instantText(s.createdAt)}>
                  <DateThenTime text={instantTextToMinute(s.createdAt)} />
                </td>
                <td>
                  <span className={`badge status-${s.state}`}>{s.state}</span>
                  {s.retryOf && <span className="muted"> (retry)</span>}
                </td>
                <td className="num">{amountText(s)}</td>
                <td className="wraps">
                  {s.customerName} <span className="muted">{s.cid}</span>
                </td>
                <td>{s.intent}</td>
                <td className="wraps agent">{s.agent}</td>
                <td className="muted mono nowrap">{s.orderId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
