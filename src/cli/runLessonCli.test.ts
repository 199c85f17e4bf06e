import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILTIN_LESSONS } from '../lesson/builtins';
import expected from '../lessons/__fixtures__/lesson-checks.json';
import { runLessonCli } from './runLessonCli';

const read = (path: string) => readFileSync(path, 'utf8');
const dir = new URL('../lessons/', import.meta.url).pathname;

describe('npm run lesson (lesson-format §4)', () => {
  it.each(BUILTIN_LESSONS.map((b) => [b.id, b] as const))(
    'built-in %s: every step fires, at the positions of the committed fixture',
    (id, b) => {
      const r = runLessonCli([dir + b.file], read);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.format).toBe('failover-lesson-check@1');
      expect(doc.lesson).toBe(id);
      expect(doc.steps).toHaveLength(b.steps);
      expect(doc.steps.map((s: { step: number }) => s.step)).toEqual([...Array(b.steps).keys()]);
      expect(doc).toEqual((expected as Record<string, unknown>)[id]);
    },
  );

  it('there are fourteen built-ins, L01 to L14, each in the fixture', () => {
    expect(BUILTIN_LESSONS.map((b) => b.id)).toEqual(Object.keys(expected));
    expect(BUILTIN_LESSONS).toHaveLength(14);
  });

  it("prints the document with the contract's keys, in order", () => {
    const r = runLessonCli([dir + 'L05-the-failover-budget.json'], read);
    const q = JSON.parse(r.stdout).steps.find((s: { kind: string }) => s.kind === 'question');
    expect(Object.keys(q)).toEqual(['step', 'kind', 'at', 't', 'reveal', 'revealT']);
    expect(r.stdout.endsWith('\n')).toBe(true);
  });

  it('an invalid lesson: path: message lines on stderr, exit 2', () => {
    const src = JSON.parse(read(dir + 'L05-the-failover-budget.json'));
    src.ui.lesson.steps[5].revealOn = { type: 'policy', rule: 'QuorumLost' };
    src.ui.lesson.steps[1].sey = 'x';
    const r = runLessonCli(['x.json'], () => JSON.stringify(src));
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'ui.lesson.steps[1].sey: unknown key; did you mean "say"?\n' });
    delete src.ui.lesson.steps[1].sey;
    expect(runLessonCli(['x.json'], () => JSON.stringify(src))).toEqual({
      code: 2,
      stdout: '',
      stderr: 'ui.lesson.steps[5].revealOn: no event matches {"type":"policy","rule":"QuorumLost"} after t=240.000 s\n',
    });
  });

  it("a file that is not a valid scenario: the engine's messages, exit 2", () => {
    const r = runLessonCli(['x.json'], () => '{"format":"failover-scenario@1","nodes":[{"name":"N1"}],"grups":[]}');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^grups: .*did you mean "groups"\?\n$/);
    expect(runLessonCli(['x.json'], () => '{').code).toBe(2);
  });

  it('a plain scenario is not a lesson', () => {
    const r = runLessonCli(['x.json'], () => '{"format":"failover-scenario@1","nodes":[{"name":"N1"}]}');
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'ui.lesson: missing: this scenario has no lesson\n' });
  });

  it('usage errors', () => {
    expect(runLessonCli([], read).code).toBe(2);
    expect(runLessonCli(['a', 'b'], read).stderr).toMatch(/only one lesson file/);
    expect(runLessonCli(['--x'], read).stderr).toMatch(/unknown option "--x"/);
    expect(runLessonCli(['/nonexistent/file.json'], read)).toMatchObject({
      code: 2,
      stderr: '/nonexistent/file.json: cannot read the file (ENOENT)\n',
    });
  });
});
