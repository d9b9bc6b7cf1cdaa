import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useShortcuts } from '../keyboard/use-shortcuts';
import { useModalFocus } from './use-modal-focus';
import { navigationActions } from '../stores/navigation';
import { mayOpen } from '../access/screen-roles';
import { useAccess } from '../stores/access';
import { useSession } from '../stores/session';
import { filterCommands, paletteCommands, paletteHelp } from './palette-commands';
import { nearestCommands } from './palette-nearest';

export function CommandPalette() {
  const profiles = useSession((s) => s.profiles);
  const activeProfileId = useSession((s) => s.activeProfileId);
  const access = useAccess((s) => s.access);
  const [query, setQuery] = useState('');
  const [cursor, setCursor] = useState(0);
  const commands = useMemo(
    () => paletteCommands(profiles, activeProfileId, access),
    [profiles, activeProfileId, access],
  );
  const exact = useMemo(() => filterCommands(commands, query), [commands, query]);
  // Nothing matches: the nearest commands stand in, to choose with the same keys.
  const matches = useMemo(
    () => (exact.length > 0 ? exact : nearestCommands(commands, query)),
    [commands, exact, query],
  );
  const noMatch = exact.length === 0;
  const suggesting = noMatch && matches.length > 0;
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
        {/* Said as the text changes: a screen reader hears why the list is empty or what stands in for it. */}
        <div role="status" className="palette-none">
          {noMatch && (
            <>
              <p>No command matches “{query}”.</p>
              <p className="muted">{paletteHelp(commands)}</p>
            </>
          )}
        </div>
        {suggesting && (
          <div className="palette-suggest muted" id="palette-suggest">
            Did you mean
          </div>
        )}
        <ul
          className="palette-list"
          id="palette-list"
          role="listbox"
          {...(suggesting ? { 'aria-labelledby': 'palette-suggest' } : { 'aria-label': 'Commands' })}
        >
          {matches.map((c, i) => (
            <li
              key={c.id}
              id={`cmd-${c.id}`}
              role="option"
              aria-selected={i === selected}
              className={i === selected ? 'selected' : undefined}
              // A moved pointer chooses; one resting where the list opens (the browser says "entered") does not.
              onMouseMove={() => i !== selected && setCursor(i)}
              onClick={c.run}
            >
              <span>{c.label}</span>
              {c.hint && <span className="muted">{c.hint}</span>}
            </li>
          ))}
        </ul>
        <div className="palette-foot muted">↑↓ choose · Enter run · Esc close</div>
      </div>
    </div>
  );
}
