/**
 * Plain scenarios unchanged (networks.md §0): every shipped scenario — the examples, the lessons and
 * the engine's edge fixtures — gives byte for byte the command line output recorded in golden/
 * before network mode existed (the network scenarios and lessons: when they were added, checked against
 * networks.md's rules by their own tests). Recorded with `npm run --silent simulate -- FILE`.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { runCli } from '../../cli/runCli';

const src = fileURLToPath(new URL('../../', import.meta.url));
const golden = fileURLToPath(new URL('./golden/', import.meta.url));

const FOLDERS = { scenarios: 'scenarios', lessons: 'lessons', 'edge-fixtures': 'engine/tests/edge-fixtures' };

const shipped = Object.entries(FOLDERS).flatMap(([key, dir]) =>
  readdirSync(src + dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ key, path: `${src}${dir}/${f}`, name: `${key}__${f.slice(0, -5)}`, shown: `src/${dir}/${f}` })),
);

describe('plain scenarios unchanged: golden command line output', () => {
  it('covers every shipped scenario', () => {
    const recorded = readdirSync(golden).map((f) => f.replace(/\.(trace\.json|stderr\.txt)$/, ''));
    expect(shipped.map((s) => s.name).sort()).toEqual(recorded.sort());
    expect(shipped.length).toBeGreaterThanOrEqual(33);
  });

  for (const s of shipped) {
    it(`${s.shown} gives the recorded bytes`, () => {
      const out = runCli([s.shown], () => new Uint8Array(readFileSync(s.path)));
      const ok = readdirSync(golden).includes(`${s.name}.trace.json`);
      if (ok) {
        expect(out.code).toBe(0);
        expect(out.stdout).toBe(readFileSync(`${golden}${s.name}.trace.json`, 'utf8'));
      } else {
        expect(out.code).toBe(2);
        expect(out.stdout).toBe('');
        expect(out.stderr).toBe(readFileSync(`${golden}${s.name}.stderr.txt`, 'utf8'));
      }
    });
  }
});
