import { useTerminal } from '../../stores/terminal';
import { amountText } from './SessionPanel';
import { dayAndMinuteText, instantText, LOCAL_ZONE } from '../../components/instant-text';

/** Every terminal session of this profile's store, newest first; each order id shows its session above. */
export function SessionHistory({ onShow }: { onShow(orderId: string): void }) {
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
              <th scope="col">Time ({LOCAL_ZONE})</th>
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
                {/* The day and the minute in the list, the whole moment on hover: the narrowest window keeps every column. */}
                <td className="nowrap" title={instantText(s.createdAt)}>
                  {dayAndMinuteText(s.createdAt)}
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
                <td className="mono nowrap">
                  <button
                    type="button"
                    className="link"
                    aria-label={`Show session ${s.orderId}`}
                    onClick={() => onShow(s.orderId)}
                  >
                    {s.orderId}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
