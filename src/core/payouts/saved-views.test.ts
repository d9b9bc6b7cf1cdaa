import { describe, expect, it } from 'vitest';
import { storeBackends, storeUnderTest } from '../../../test/support/store-backends';
import { listViews, saveView } from './saved-views';

// The cap on saved views, as a window that sends all its saves at once would meet it.
for (const backend of storeBackends()) {
  describe.skipIf(backend.skipReason !== null)(`saved views on ${backend.name}`, () => {
    const storeOf = storeUnderTest(backend);

    it('150 saves sent at once keep 100 views; the other 50 are refused saying what to do', async () => {
      const saves = await Promise.allSettled(
        Array.from({ length: 150 }, (_, i) =>
          saveView(storeOf(), { name: `race ${i}`, state: { pad: 'x'.repeat(500) } }, 'Bob'),
        ),
      );
      expect((await listViews(storeOf())).length).toBe(100);
      const refused = saves.filter((s) => s.status === 'rejected');
      expect(refused).toHaveLength(50);
      expect(String((refused[0] as PromiseRejectedResult).reason)).toMatch(/already 100 saved views\. Remove one/);
    });
  });
}
