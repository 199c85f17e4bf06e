/** Script entries (contract §2): every error kind, and the normalized order. */
import { NETWORK_ACTION_NAMES } from '../actions/registry';
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, SCRIPT_ACTIONS } from './index';
import { baseScenario, issuesOf, onlyIssue, scenarioOf } from './testkit';

function withScript(...entries: unknown[]) {
  const s = baseScenario();
  s.script = entries;
  return s;
}

describe('script validation', () => {
  it('accepts every action with its arguments', () => {
    const s = withScript(
      { at: 0, action: 'crashNode', node: 'NODE1' },
      { at: 1, action: 'startNode', node: 'NODE1' },
      { at: 2, action: 'pauseNode', node: 'NODE2', drain: true },
      { at: 3, action: 'resumeNode', node: 'NODE2', failback: 'Policy' },
      { at: 4, action: 'moveGroup', group: 'SQL' },
      { at: 5, action: 'moveGroup', group: 'SQL', node: 'NODE2' },
      { at: 6, action: 'onlineGroup', group: 'App' },
      { at: 7, action: 'offlineGroup', group: 'App' },
      { at: 8, action: 'onlineResource', resource: 'SQL IP' },
      { at: 9, action: 'offlineResource', resource: 'SQL IP' },
      { at: 10, action: 'failResource', resource: 'SQL IP' },
      { at: 11, action: 'setHealth', resource: 'SQL Server', looksAlive: 'fail' },
      { at: 12, action: 'setHealth', resource: 'SQL Server', isAlive: 'hang', looksAlive: 'ok' },
      { at: 13, action: 'setOnline', resource: 'SQL Server', result: 'stall' },
      { at: 14, action: 'setOffline', resource: 'SQL Server', result: 'hang' },
      { at: 15, action: 'signalFailure', resource: 'SQL Disk' },
      { at: 16, action: 'heal', resource: 'SQL Disk' },
      { at: 17, action: 'failWitness' },
      { at: 18, action: 'restoreWitness' },
    );
    const scenario = scenarioOf(s);
    expect(scenario.script.map((e) => e.action)).toEqual(s.script.map((e: { action: string }) => e.action));
    expect(scenario.script[2]).toEqual({ at: 2, action: 'pauseNode', node: 'NODE2', drain: true });
    // SF §2's 17 actions here; networks.md §2's 7 in networkSchema.test.ts.
    const sf = ACTION_NAMES.filter((n) => !(NETWORK_ACTION_NAMES as readonly string[]).includes(n));
    expect(new Set(scenario.script.map((e) => e.action))).toEqual(new Set(sf));
    expect(sf.length).toBe(17);
    expect(Object.keys(SCRIPT_ACTIONS).length).toBe(17 + NETWORK_ACTION_NAMES.length);
  });

  it('sorts stably by at, keeping file order within an instant', () => {
    const s = withScript(
      { at: 500, action: 'heal', resource: 'SQL IP' },
      { at: 100, action: 'failWitness' },
      { at: 500, action: 'crashNode', node: 'NODE2' },
      { at: 100, action: 'restoreWitness' },
      { at: 0, action: 'crashNode', node: 'NODE3' },
    );
    expect(scenarioOf(s).script.map((e) => `${e.at} ${e.action}`)).toEqual([
      '0 crashNode',
      '100 failWitness',
      '100 restoreWitness',
      '500 heal',
      '500 crashNode',
    ]);
  });

  it('"at" must be a non-negative integer and is required', () => {
    expect(
      issuesOf(
        withScript(
          { action: 'failWitness' },
          { at: -5, action: 'failWitness' },
          { at: '60s', action: 'crashNode', node: 'NODE1' },
        ),
      ),
    ).toEqual([
      { path: 'script[0].at', message: 'script action "failWitness" has no "at" (the time in ms to apply it)' },
      {
        path: 'script[1].at',
        message: 'script action "failWitness": "at" must be a non-negative integer number of ms, got -5',
      },
      {
        path: 'script[2].at',
        message: 'script action "crashNode": "at" must be a non-negative integer number of ms, got "60s"',
      },
    ]);
  });

  it('unknown action, with did-you-mean', () => {
    expect(onlyIssue(withScript({ at: 0, action: 'moveGroups', group: 'SQL' }))).toEqual({
      path: 'script[0].action',
      message: 'script entry at script[0] has unknown action "moveGroups"; did you mean "moveGroup"?',
    });
  });

  it('missing action', () => {
    const issue = onlyIssue(withScript({ at: 0, node: 'NODE1' }));
    expect(issue.path).toBe('script[0].action');
    expect(issue.message).toContain('script entry at script[0] has no "action"; it must be one of "crashNode",');
  });

  it('missing argument', () => {
    expect(
      issuesOf(withScript({ at: 0, action: 'crashNode' }, { at: 1, action: 'setOnline', resource: 'SQL IP' })),
    ).toEqual([
      { path: 'script[0].node', message: 'script action "crashNode" at 0 needs a "node" naming the node' },
      {
        path: 'script[1].result',
        message: 'script action "setOnline" at 1 needs a "result" ("ok", "fail", "stall" or "hang")',
      },
    ]);
  });

  it('setHealth needs looksAlive or isAlive', () => {
    expect(onlyIssue(withScript({ at: 0, action: 'setHealth', resource: 'SQL IP' }))).toEqual({
      path: 'script[0]',
      message: 'script action "setHealth" at 0 needs "looksAlive" or "isAlive" (or both), each "ok", "fail" or "hang"',
    });
  });

  it('extra argument, with did-you-mean', () => {
    expect(
      issuesOf(
        withScript(
          { at: 0, action: 'failWitness', node: 'NODE1' },
          { at: 0, action: 'pauseNode', node: 'NODE1', drian: true },
        ),
      ),
    ).toEqual([
      {
        path: 'script[0].node',
        message: 'script action "failWitness" at 0 has unknown argument "node" (failWitness takes no arguments)',
      },
      {
        path: 'script[1].drian',
        message:
          'script action "pauseNode" at 0 has unknown argument "drian" (pauseNode takes "node" and "drain"); did you mean "drain"?',
      },
    ]);
  });

  it('wrong-typed arguments', () => {
    expect(
      issuesOf(
        withScript(
          { at: 0, action: 'pauseNode', node: 'NODE1', drain: 'yes' },
          { at: 0, action: 'resumeNode', node: 'NODE1', failback: 'immediate' },
          { at: 0, action: 'setHealth', resource: 'SQL IP', isAlive: false },
          { at: 0, action: 'crashNode', node: 1 },
        ),
      ),
    ).toEqual([
      { path: 'script[0].drain', message: 'script action "pauseNode" at 0: "drain" must be true or false, got "yes"' },
      {
        path: 'script[1].failback',
        message:
          'script action "resumeNode" at 0: "failback" must be one of "NoFailback", "Immediate" or "Policy", got "immediate"; did you mean "Immediate"?',
      },
      {
        path: 'script[2].isAlive',
        message: 'script action "setHealth" at 0: "isAlive" must be one of "ok", "fail" or "hang", got false',
      },
      { path: 'script[3].node', message: 'script action "crashNode" at 0: "node" must be the name of a node, got 1' },
    ]);
  });

  it('arguments naming no node, group or resource, with did-you-mean', () => {
    expect(
      issuesOf(
        withScript(
          { at: 0, action: 'crashNode', node: 'NODE9' },
          { at: 0, action: 'moveGroup', group: 'SQl', node: 'NODE7' },
          { at: 0, action: 'failResource', resource: 'SQL Srever' },
        ),
      ),
    ).toEqual([
      {
        path: 'script[0].node',
        message: 'script action "crashNode" at 0 names unknown node "NODE9"; did you mean "NODE1"?',
      },
      {
        path: 'script[1].group',
        message: 'script action "moveGroup" at 0 names unknown group "SQl"; did you mean "SQL"?',
      },
      {
        path: 'script[1].node',
        message: 'script action "moveGroup" at 0 names unknown node "NODE7"; did you mean "NODE1"?',
      },
      {
        path: 'script[2].resource',
        message: 'script action "failResource" at 0 names unknown resource "SQL Srever"; did you mean "SQL Server"?',
      },
    ]);
  });

  it('arguments naming an element of the wrong kind', () => {
    expect(
      issuesOf(
        withScript({ at: 0, action: 'moveGroup', group: 'SQL Disk' }, { at: 0, action: 'heal', resource: 'SQL' }),
      ),
    ).toEqual([
      {
        path: 'script[0].group',
        message: 'script action "moveGroup" at 0 names "SQL Disk", but "SQL Disk" is a resource, not a group',
      },
      {
        path: 'script[1].resource',
        message: 'script action "heal" at 0 names "SQL", but "SQL" is a group, not a resource',
      },
    ]);
  });

  it('script and its entries must have the right shape', () => {
    const s = baseScenario();
    s.script = { at: 0 };
    expect(onlyIssue(s)).toEqual({ path: 'script', message: '"script" must be an array of actions, got an object' });
    const issue = onlyIssue(withScript('crashNode NODE1'));
    expect(issue.path).toBe('script[0]');
    expect(issue.message).toContain('each script entry must be an object');
    expect(onlyIssue(withScript({ at: 0, action: 5 }))).toEqual({
      path: 'script[0].action',
      message: 'script entry at script[0]: "action" must be an action name, got 5',
    });
  });
});
