import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { useModalFocus } from './use-modal-focus';
import { navigationActions } from '../stores/navigation';
import { mayOpen } from '../access/screen-roles';
import { useAccess } from '../stores/access';
import { useSession } from '../stores/session';
import { filterCommands, paletteCommands } from './palette-commands';

export function CommandPalette() {
  const profiles = useSession((s) => s.profiles);
  const activeProfileId = useSession((s) => s.activeProfileId);
  const access = useAccess((s) => s.access);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const matches = useMemo(
    () => filterCommands(paletteCommands(profiles, activeProfileId, access), query),
    [profiles, activeProfileId, access, query],
  );
  const selected = Math.min(cursor, Math.max(matches.length - 1, 0));
  // Esc closes the palette wherever focus is inside it, not only in the input.
  useShortcuts({ escape: navigationActions.closePalette, 'mod+k': navigationActions.closePalette }, true, 'dialog');
  const ref = useRef<HTMLDivElement>(null);
  const trap = useModalFocus(ref);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setCursor((selected + 1) % Math.max(matches.length, 1));
    else if (e.key === 'ArrowUp') setCursor((selected - 1 + matches.length) % Math.max(matches.length, 1));
    else if (e.key === 'Enter') matches[selected]?.run();
    else return;
    e.preventDefault();
  };

  return (
    <div className="overlay" onMouseDown={navigationActions.closePalette}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        ref={ref}
        tabIndex={-1}
        onKeyDown={trap}
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          autoFocus
          className="palette-input"
          placeholder={
            mayOpen('settings', access)
              ? 'Type a command: go to…, switch profile…, test connection'
              : 'Type a command: go to…'
          }
          aria-label="Command"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={matches[selected] ? `cmd-${matches[selected].id}` : undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setCursor(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul className="palette-list" id="palette-list" role="listbox">
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`cmd-${c.id}`}
              role="option"
              aria-selected={i === selected}
              className={i === selected ? 'selected' : undefined}
              onMouseEnter={() => setCursor(i)}
              onClick={c.run}
            >
              <span>{c.label}</span>
              {c.hint && <span className="muted">{c.hint}</span>}
            </li>
          ))}
          {matches.length === 0 && <li className="muted palette-none">No command matches “{query}”.</li>}
        </ul>
        <div className="palette-foot muted">↑↓ choose · Enter run · Esc close</div>
      </div>
    </div>
  );
}
