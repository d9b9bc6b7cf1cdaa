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

describe('shortcuts and focus (issue 9)', () => {
  const at = (p: Partial<{ inField: boolean; onControl: boolean; inDialog: boolean }>) => ({
    inField: false,
    onControl: false,
    inDialog: false,
    ...p,
  });

  it('leaves Enter and single keys to a focused button or link; Esc still acts', () => {
    const hits: string[] = [];
    const off = registerShortcuts(() => ({
      enter: () => hits.push('open detail'),
      a: () => hits.push('approve'),
      escape: () => hits.push('close'),
    }));
    expect(handleKeyPress(press('Enter'), at({ onControl: true }))).toBe(false);
    expect(handleKeyPress(press('a'), at({ onControl: true }))).toBe(false);
    handleKeyPress(press('Escape'), at({ onControl: true }));
    handleKeyPress(press('a'), at({}));
    expect(hits).toEqual(['close', 'approve']);
    off();
  });

  it("a screen's keys never fire while a modal is open; the dialog's own keys do", () => {
    const hits: string[] = [];
    const offScreen = registerShortcuts(() => ({ a: () => hits.push('approve'), 'g c': () => hits.push('go') }));
    const offDialog = registerShortcuts(() => ({ '2': () => hits.push('reason 2') }), 'dialog');
    handleKeyPress(press('a'), at({ inDialog: true }));
    handleKeyPress(press('g'), at({ inDialog: true }));
    handleKeyPress(press('c'), at({ inDialog: true }));
    handleKeyPress(press('2'), at({ inDialog: true }));
    expect(hits).toEqual(['reason 2']);
    offDialog();
    offScreen();
  });
});
