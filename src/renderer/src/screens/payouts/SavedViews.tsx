import { useState } from 'react';
import type { QueueFilter, QueueSort } from '../../stores/payouts-filter';
import { payoutsActions } from '../../stores/payouts';
import { payoutSettingsActions, usePayoutSettings, viewStateOf } from '../../stores/payouts-settings';

/** Named filter + sort combinations kept in the work store, so they survive a restart. */
export function SavedViews({ filter, sort }: { filter: QueueFilter; sort: QueueSort }) {
  const views = usePayoutSettings((s) => s.views);
  const viewsError = usePayoutSettings((s) => s.viewsError);
  const [current, setCurrent] = useState('');
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const apply = (id: string) => {
    setCurrent(id);
    setProblem(null);
    const view = views.find((v) => v.id === id);
    if (!view) return;
    const parsed = viewStateOf(view);
    if (parsed.ok) payoutsActions.applyView(parsed.state.filter, parsed.state.sort);
    else setProblem(parsed.message);
  };

  const save = async () => {
    const saved = await payoutSettingsActions.saveView(name, { filter, sort });
    if (saved) {
      setCurrent(saved.id);
      setNaming(false);
      setName('');
    }
  };

  return (
    <div className="saved-views">
      <select aria-label="Saved view" value={current} onChange={(e) => apply(e.target.value)}>
        <option value="">saved views…</option>
        {views.map((v) => (
          <option key={v.id} value={v.id}>
            {v.name}
          </option>
        ))}
      </select>
      {naming ? (
        <form
          className="inline"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <input
            type="text"
            aria-label="View name"
            placeholder="name of this view"
            value={name}
            autoFocus
            onChange={(e) => setName(e.target.value)}
          />
          <button type="submit" className="primary">
            Save
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)}>
          Save view…
        </button>
      )}
      {current && !naming && (
        <button
          type="button"
          className="danger-quiet"
          onClick={() => void payoutSettingsActions.removeView(current).then(() => setCurrent(''))}
        >
          Delete view
        </button>
      )}
      {(problem ?? viewsError) && (
        <span className="field-error" role="alert">
          {problem ?? viewsError?.message}
        </span>
      )}
    </div>
  );
}
