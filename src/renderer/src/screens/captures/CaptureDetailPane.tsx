import type { CaptureDetail, CaptureRow } from '../../../../shared/captures';
import type { WireError } from '../../../../shared/errors';
import { lapseLocalText, timeLeftText, windowText } from '../../../../shared/hold-windows';
import { capturesActions } from '../../stores/captures';
import { CustomerHistorySection } from '../../queue/CustomerHistorySection';
import { DetailFrame } from '../../queue/DetailFrame';
import { CaptureActionButtons } from './CaptureActionButtons';
import { customerOf, holdMoney, instrumentOf } from './capture-words';

/** The authorization itself: what is held, on what, through which gateway, since when, and until when. */
function Authorization({ row, detail, now }: { row: CaptureRow; detail: CaptureDetail | null; now: number }) {
  const from = detail?.age.from;
  return (
    <section className="detail-section" aria-label="Authorization">
      <h3>Authorization</h3>
      <dl className="facts">
        <dt>Held</dt>
        <dd>{holdMoney(row)} — a capture takes the whole hold</dd>
        <dt>Card · wallet</dt>
        <dd className="mono">{instrumentOf(row)}</dd>
        <dt>Gateway</dt>
        <dd title={row.gateway ?? undefined}>{row.gatewayName ?? 'not named by Praxis'}</dd>
        <dt>Order id</dt>
        <dd className="mono">{row.orderId ?? '—'}</dd>
        <dt>Authorized</dt>
        <dd>
          {lapseLocalText(detail?.age.since ?? row.authorizedAt)}
          {from && ` (${from === 'notification' ? "Praxis's first notification" : 'first seen by this desk'})`}
        </dd>
        <dt>Lapses</dt>
        <dd aria-label="Lapses">
          {lapseLocalText(row.lapsesAt)} — {timeLeftText(row.lapsesAt, now)}
          {timeLeftText(row.lapsesAt, now) !== 'lapsed' && ' left'}
        </dd>
        <dt>Hold window</dt>
        <dd>{windowText(row.holdWindow)} (Settings › Captures)</dd>
        <dt>Status</dt>
        <dd>{row.status}</dd>
      </dl>
      {detail?.statusDetails && (
        <p role="note" aria-label="Praxis status details">
          Praxis says: {detail.statusDetails}
        </p>
      )}
    </section>
  );
}

/** Enter opens, Esc closes: everything needed to capture or void one hold, in the shared detail frame. */
export function CaptureDetailPane({
  row,
  detail,
  loading,
  error,
  now,
}: {
  row: CaptureRow;
  detail: CaptureDetail | null;
  loading: boolean;
  error: WireError | null;
  now: number;
}) {
  return (
    <DetailFrame
      label={`Hold ${row.tid}`}
      tid={row.tid}
      heading={
        <>
          {holdMoney(row)} <span className="muted">held for</span> {customerOf(row)}
        </>
      }
      summary={
        <p className="muted">
          tid <span className="mono">{row.tid}</span> · {instrumentOf(row)} · {timeLeftText(row.lapsesAt, now)}
          {timeLeftText(row.lapsesAt, now) !== 'lapsed' && ' left'}
        </p>
      }
      actions={<CaptureActionButtons row={row} />}
      noun="hold"
      loaded={detail}
      loading={loading}
      error={error}
      onClose={capturesActions.closeDetail}
    >
      <Authorization row={row} detail={detail} now={now} />
      {detail && <CustomerHistorySection history={detail.history} />}
    </DetailFrame>
  );
}
