import type { CustomerHistory } from '../../../shared/queue-views';
import { safeMoney } from './money-text';

/** The customer's deposits and withdrawals the store knows, with totals per currency (any queue's detail pane). */
export function CustomerHistorySection({ history: h }: { history: CustomerHistory }) {
  return (
    <section className="detail-section" aria-label="Customer history">
      <h3>Customer history</h3>
      {h.totals.length > 0 ? (
        <table className="grid compact">
          <thead>
            <tr>
              <th>Currency</th>
              <th className="num">Deposited</th>
              <th className="num">Withdrawn</th>
            </tr>
          </thead>
          <tbody>
            {h.totals.map((t) => (
              <tr key={t.currency}>
                <td>{t.currency}</td>
                <td className="num mono">{safeMoney(t.depositedMinor, t.currency)}</td>
                <td className="num mono">{safeMoney(t.withdrawnMinor, t.currency)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No deposits or withdrawals from this customer in the store.</p>
      )}
      <details>
        <summary>
          {h.deposits.length} deposit{h.deposits.length === 1 ? '' : 's'}, {h.withdrawals.length} withdrawal
          {h.withdrawals.length === 1 ? '' : 's'}
        </summary>
        {/* Kind and tid share a cell (two lines in a narrow pane); the destination takes what is left, whole on hover. */}
        <table className="grid compact">
          <tbody>
            {h.deposits.map((d) => (
              <tr key={`d${d.tid}`}>
                <td>
                  deposit <span className="mono">{d.tid}</span>
                </td>
                <td className="num mono">{safeMoney(d.amountMinor, d.currency)}</td>
                <td>{d.status}</td>
                <td className="mono muted cut" title={d.destination ?? undefined}>
                  {d.destination ?? ''}
                </td>
              </tr>
            ))}
            {h.withdrawals.map((w) => (
              <tr key={`w${w.tid}`}>
                <td>
                  withdrawal <span className="mono">{w.tid}</span>
                </td>
                <td className="num mono">{safeMoney(w.amountMinor, w.currency)}</td>
                <td>{w.status}</td>
                <td className="mono muted cut" title={w.destination ?? undefined}>
                  {w.destination ?? ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
