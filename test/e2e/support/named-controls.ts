import { expect, type Page } from '@playwright/test';

/** Every button, checkbox, pick-list, field, link and radio on screen has an accessible name. */
export async function expectEveryControlNamed(page: Page): Promise<void> {
  for (const role of ['button', 'checkbox', 'combobox', 'textbox', 'link', 'radio'] as const) {
    const unnamed = await page.getByRole(role).evaluateAll((els) =>
      els
        .filter((el) => {
          const labelled =
            el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title');
          const byLabel = (el as HTMLInputElement).labels?.length;
          return !labelled && !byLabel && !(el.textContent ?? '').trim();
        })
        .map((el) => el.outerHTML.slice(0, 120)),
    );
    expect(unnamed, `${role}s without a name`).toEqual([]);
  }
}
