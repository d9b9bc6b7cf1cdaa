import { useState } from 'react';
import type { SavedViewsOf } from './saved-views-store';

/** Named filter + sort combinations kept in the work store, so they survive a restart. */
export function SavedViews<V>({
  current: state,
  store,
  apply,
}: {
  /** The screen's filter and sort now: what "Save view…" keeps. */
  current: V;
  store: SavedViewsOf<V>;
  apply(state: V): void;
}) {
  const views = store.useViews((s) => s.views);
  const viewsError = store.useViews((s) => s.error);
  const nameError = store.useViews((s) => s.nameError);
  // The view last picked or saved. The picker shows it while the filter and sort are its, else a view they match:
  // a reload keeps the filter, not the pick.
  const [picked, setPicked] = useState('');
  const current = store.actions.shownId(views, picked, state);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const pick = (id: string) => {
    setPicked(id);
    setProblem(null);
    const view = views.find((v) => v.id === id);
    if (!view) return;
    const parsed = store.actions.parse(view);
    if (parsed.ok) apply(parsed.state);
    else setProblem(parsed.message);
  };

  const save = async () => {
    const saved = await store.actions.save(name, state);
    if (saved) {
      setPicked(saved.id);
      setNaming(false);
      setName('');
    }
  };

  return (
    <div className="saved-views" role="group" aria-label="Views of this queue">
      <select aria-label="Saved view" value={current} onChange={(e) => pick(e.target.value)}>
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
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'view-name-error' : undefined}
            onChange={(e) => setName(e.target.value)}
          />
          {nameError && (
            <span className="field-error" id="view-name-error" role="alert">
              {nameError}
            </span>
          )}
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
          onClick={() => void store.actions.remove(current).then(() => setPicked(''))}
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
