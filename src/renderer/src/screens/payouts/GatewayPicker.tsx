import { usePayoutGateways } from '../../stores/payouts-actions';

/** Payout gateways for this request, from payouts:gateways; the one the request came with is marked and preselected. */
export function GatewayPicker({
  id,
  tid,
  value,
  onChange,
  label = 'Gateway',
}: {
  id: string;
  tid: number;
  value: string;
  onChange: (id: string) => void;
  label?: string;
}) {
  const gateways = usePayoutGateways((s) => s.gateways[tid]);
  const error = usePayoutGateways((s) => s.gatewaysError);
  if (!gateways) {
    return error ? (
      <p className="form-error" role="alert">
        The gateways could not be loaded: {error.message}
      </p>
    ) : (
      <p className="muted">Loading gateways…</p>
    );
  }
  if (gateways.length === 0)
    return <p className="form-error">Praxis offers no payout gateway for this request; it cannot be paid from here.</p>;
  return (
    <label className="gateway-picker" htmlFor={id}>
      <span>{label}</span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {gateways.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
            {g.isDefault ? ' (as requested)' : ''}
          </option>
        ))}
      </select>
    </label>
  );
}
