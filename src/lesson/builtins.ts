/**
 * The built-in lessons: the project's copies of the curriculum (lesson-format.md), L01 to L14 (L13
 * and L14 in network mode, networks.md).
 */
import L01 from '../lessons/L01-anatomy-of-a-role.json' with { type: 'json' };
import L02 from '../lessons/L02-two-health-checks.json' with { type: 'json' };
import L03 from '../lessons/L03-pending-timeout-and-terminate.json' with { type: 'json' };
import L04 from '../lessons/L04-restart-before-anything-else.json' with { type: 'json' };
import L05 from '../lessons/L05-the-failover-budget.json' with { type: 'json' };
import L06 from '../lessons/L06-when-a-server-dies.json' with { type: 'json' };
import L07 from '../lessons/L07-preferred-and-possible-owners.json' with { type: 'json' };
import L08 from '../lessons/L08-pause-drain-resume.json' with { type: 'json' };
import L09 from '../lessons/L09-failback-window.json' with { type: 'json' };
import L10 from '../lessons/L10-or-dependencies.json' with { type: 'json' };
import L11 from '../lessons/L11-one-hung-call-three-roles.json' with { type: 'json' };
import L12 from '../lessons/L12-quorum-and-dynamic-quorum.json' with { type: 'json' };
import L13 from '../lessons/L13-the-2-2-split.json' with { type: 'json' };
import L14 from '../lessons/L14-two-sites-one-role.json' with { type: 'json' };

export interface BuiltinLesson {
  id: string;
  file: string;
  title: string;
  objective: string;
  steps: number;
  questions: number;
  source: unknown;
}

const FILES: [string, { ui: { lesson: { id: string; title: string; objective?: string; steps: object[] } } }][] = [
  ['L01-anatomy-of-a-role.json', L01],
  ['L02-two-health-checks.json', L02],
  ['L03-pending-timeout-and-terminate.json', L03],
  ['L04-restart-before-anything-else.json', L04],
  ['L05-the-failover-budget.json', L05],
  ['L06-when-a-server-dies.json', L06],
  ['L07-preferred-and-possible-owners.json', L07],
  ['L08-pause-drain-resume.json', L08],
  ['L09-failback-window.json', L09],
  ['L10-or-dependencies.json', L10],
  ['L11-one-hung-call-three-roles.json', L11],
  ['L12-quorum-and-dynamic-quorum.json', L12],
  ['L13-the-2-2-split.json', L13],
  ['L14-two-sites-one-role.json', L14],
];

export const BUILTIN_LESSONS: BuiltinLesson[] = FILES.map(([file, source]) => {
  const l = source.ui.lesson;
  return {
    id: l.id,
    file,
    title: l.title,
    objective: l.objective ?? '',
    steps: l.steps.length,
    questions: l.steps.filter((s) => 'pauseAfter' in s).length,
    source,
  };
});

export const builtinLesson = (id: string) => BUILTIN_LESSONS.find((b) => b.id === id) ?? null;
