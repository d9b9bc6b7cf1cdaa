import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { profileStoreLocation } from './profile-store-location';

describe('where a profile keeps its work store', () => {
  it('the embedded sandbox keeps the store a first start created; every other profile has a folder of its own', () => {
    expect(profileStoreLocation('/data', 'embedded-sandbox')).toEqual({ kind: 'pglite', dir: join('/data', 'store') });
    expect(profileStoreLocation('/data', '3f1c2a9e-7b1d-4c1e-9a55-0c6f2d1e8b7a')).toEqual({
      kind: 'pglite',
      dir: join('/data', 'stores', '3f1c2a9e-7b1d-4c1e-9a55-0c6f2d1e8b7a'),
    });
  });

  it('refuses an id from a hand-edited profiles.json that would name a folder outside the stores', () => {
    for (const id of ['../store', 'a/b', '', '.hidden']) {
      expect(() => profileStoreLocation('/data', id)).toThrow(/cannot name a store folder/);
    }
  });
});
