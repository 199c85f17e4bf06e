import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { indexedDbLessons, memoryLessons } from './recordingStorage';

describe.each([
  ['IndexedDB', () => indexedDbLessons(`test-lessons-${Math.random()}`)],
  ['memory', () => memoryLessons()],
])('recorded lessons in %s', (_, make) => {
  it('are saved, listed newest first with their title and length, read back and removed', async () => {
    const db = make();
    const file = { format: 'failover-scenario@1', ui: { lesson: { id: 'a', title: 'Crash A', steps: [{}, {}, {}] } } };
    await db.put({ id: 'r1', file, updatedAt: 1 });
    await db.put({ id: 'r2', file: null, draft: { title: 'Draft only', steps: [{}] }, updatedAt: 2 });
    expect(await db.list()).toEqual([
      { id: 'r2', title: 'Draft only', steps: 1, updatedAt: 2 },
      { id: 'r1', title: 'Crash A', steps: 3, updatedAt: 1 },
    ]);
    expect((await db.get('r1'))?.file).toEqual(file);
    await db.remove('r1');
    expect((await db.list()).map((m) => m.id)).toEqual(['r2']);
  });
});
