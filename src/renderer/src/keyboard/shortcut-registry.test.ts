import { describe, expect, it } from 'vitest';
import { handleKeyPress, registerShortcuts } from './shortcut-registry';

const press = (key: string) => ({ key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false });

describe('shortcut registry', () => {
  it('lets the frame finish G then S even when the screen binds S on its own', () => {
    const hits: string[] = [];
    const offScreen = registerShortcuts(() => ({ s: () => hits.push('split') }));
    const offFrame = registerShortcuts(() => ({ 'g s': () => hits.push('settings') }));
    handleKeyPress(press('g'), false);
    handleKeyPress(press('s'), false);
    handleKeyPress(press('s'), false);
    expect(hits).toEqual(['settings', 'split']);
    offScreen();
    offFrame();
  });

  it('gives a clashing key to the latest registration, and back when it goes', () => {
    const hits: string[] = [];
    const offScreen = registerShortcuts(() => ({ escape: () => hits.push('close detail') }));
    const offDialog = registerShortcuts(() => ({ escape: () => hits.push('close dialog') }));
    handleKeyPress(press('Escape'), false);
    offDialog();
    handleKeyPress(press('Escape'), false);
    offScreen();
    handleKeyPress(press('Escape'), false);
    expect(hits).toEqual(['close dialog', 'close detail']);
  });
});
