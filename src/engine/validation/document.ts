/** The whole-document walk: top level, cluster and nodes; groups and script are in their own files. */
import type { ClusterProperties, ClusterSpec, NodeInitialState, NodeSpec, QuorumConfig, Scenario, ValidationResult } from '../model/scenario';
import { SCENARIO_FORMAT } from '../model/scenario';
import {
  DEFAULT_CLUSTER_PROPERTIES,
  DEFAULT_DYNAMIC_QUORUM,
  DEFAULT_JOIN_MS,
  DEFAULT_NODE_STATE,
  DEFAULT_NODE_WEIGHT,
  DEFAULT_RUN_TAIL_MS,
  DEFAULT_SCENARIO_NAME,
  DEFAULT_SEED,
  DEFAULT_START_TIME,
  DEFAULT_WITNESS,
  describeValue,
  NODE_STATES,
} from '../model/resourceTypes';
import { findDependencyCycles } from './cycles';
import { didYouMean } from './didYouMean';
import { checkName, readGroups, type WalkContext } from './groups';
import { CLUSTER_KEYS, NODE_KEYS, reportUnknownKey, TOP_LEVEL_KEYS } from './keys';
import { collectNames } from './names';
import { child, Issues, isPlainObject, item, label, q } from './paths';
import { readSettings } from './properties';
import { readScript } from './script';

const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const SEED_MAX = 4294967295;

function isNonNegativeInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

export function walkScenario(json: unknown): ValidationResult {
  const issues = new Issues();
  if (!isPlainObject(json)) {
    issues.add('', `a scenario must be a JSON object with "format": ${q(SCENARIO_FORMAT)}, got ${describeValue(json)}`);
    return { ok: false, errors: issues.list };
  }
  const names = collectNames(json);
  const ctx: WalkContext = {
    issues,
    names,
    cycles: new Map(findDependencyCycles(names).map((c) => [c.at.path, c])),
    resourceIndex: 0,
  };

  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    name: DEFAULT_SCENARIO_NAME,
    description: '',
    seed: DEFAULT_SEED,
    until: 0,
    cluster: defaultCluster(),
    nodes: [],
    groups: [],
    script: [],
  };
  let until: number | null = null;

  if (!Object.hasOwn(json, 'format')) {
    issues.add('format', `the scenario has no "format"; it must be ${q(SCENARIO_FORMAT)}`);
  }
  for (const key of Object.keys(json)) {
    const value = json[key];
    switch (key) {
      case 'format':
        if (value !== SCENARIO_FORMAT) {
          issues.add('format', `unsupported "format" ${describeValue(value)}; it must be ${q(SCENARIO_FORMAT)}`);
        }
        break;
      case 'name':
        if (typeof value !== 'string') issues.add('name', `the scenario: "name" must be a string, got ${describeValue(value)}`);
        else if (value.trim() !== '') scenario.name = value;
        break;
      case 'description':
        if (typeof value !== 'string') issues.add('description', `the scenario: "description" must be a string, got ${describeValue(value)}`);
        else scenario.description = value;
        break;
      case 'seed':
        if (!isNonNegativeInteger(value) || value > SEED_MAX) {
          issues.add('seed', `the scenario: "seed" must be an integer from 0 to ${SEED_MAX}, got ${describeValue(value)}`);
        } else scenario.seed = value;
        break;
      case 'until':
        if (!isNonNegativeInteger(value)) {
          issues.add('until', `the scenario: "until" must be a non-negative integer number of ms, got ${describeValue(value)}`);
        } else until = value;
        break;
      case 'cluster':
        scenario.cluster = readCluster(issues, value);
        break;
      case 'nodes':
        scenario.nodes = readNodes(ctx, value);
        break;
      case 'groups':
        scenario.groups = readGroups(ctx, value);
        break;
      case 'script':
        scenario.script = readScript(issues, value, names);
        break;
      case 'ui':
        if (!isPlainObject(value)) issues.add('ui', `the scenario: "ui" must be an object, got ${describeValue(value)}`);
        else scenario.ui = value;
        break;
      default:
        reportUnknownKey(issues, '', 'the scenario', key, TOP_LEVEL_KEYS);
    }
  }

  if (issues.count > 0) return { ok: false, errors: issues.list };
  const lastAt = scenario.script.length ? scenario.script[scenario.script.length - 1].at : 0;
  scenario.until = until ?? lastAt + DEFAULT_RUN_TAIL_MS;
  return { ok: true, scenario };
}

function defaultCluster(): ClusterSpec {
  return {
    startTime: DEFAULT_START_TIME,
    startTimeMs: 0,
    properties: { ...DEFAULT_CLUSTER_PROPERTIES },
    quorum: { witness: DEFAULT_WITNESS, DynamicQuorum: DEFAULT_DYNAMIC_QUORUM },
    explicit: [],
  };
}

function readCluster(issues: Issues, raw: unknown): ClusterSpec {
  const spec = defaultCluster();
  if (!isPlainObject(raw)) {
    issues.add('cluster', `"cluster" must be an object, got ${describeValue(raw)}`);
    return spec;
  }
  const owner = 'the cluster';
  const explicit: string[] = [];
  for (const key of Object.keys(raw)) {
    const value = raw[key];
    const p = child('cluster', key);
    switch (key) {
      case 'startTime': {
        const m = typeof value === 'string' ? START_TIME.exec(value) : null;
        if (!m) {
          issues.add(p, `the cluster: "startTime" must be a time of day "HH:MM" from "00:00" to "23:59", got ${describeValue(value)}`);
        } else {
          spec.startTime = value as string;
          spec.startTimeMs = (Number(m[1]) * 60 + Number(m[2])) * 60000;
          spec.explicit.push('startTime');
        }
        break;
      }
      case 'properties': {
        const r = readSettings<ClusterProperties>(issues, 'cluster', value, p, owner, DEFAULT_CLUSTER_PROPERTIES);
        spec.properties = r.values;
        explicit.push(...r.explicit);
        break;
      }
      case 'quorum': {
        const r = readSettings<QuorumConfig>(issues, 'quorum', value, p, owner, spec.quorum);
        spec.quorum = r.values;
        explicit.push(...r.explicit);
        break;
      }
      default:
        reportUnknownKey(issues, 'cluster', owner, key, CLUSTER_KEYS, ['cluster', 'quorum']);
    }
  }
  spec.explicit.push(...explicit);
  return spec;
}

function readNodes(ctx: WalkContext, raw: unknown): NodeSpec[] {
  if (!Array.isArray(raw)) {
    ctx.issues.add('nodes', `"nodes" must be an array of nodes, got ${describeValue(raw)}`);
    return [];
  }
  const out: NodeSpec[] = [];
  raw.forEach((n, i) => {
    const path = item('nodes', i);
    if (!isPlainObject(n)) {
      ctx.issues.add(path, `each node must be an object like { "name": "NODE1" }, got ${describeValue(n)}`);
      return;
    }
    const owner = label('node', n.name, path);
    const spec: NodeSpec = {
      name: typeof n.name === 'string' ? n.name : '',
      id: i + 1,
      state: DEFAULT_NODE_STATE,
      properties: { NodeWeight: DEFAULT_NODE_WEIGHT },
      behavior: { joinMs: DEFAULT_JOIN_MS },
      explicit: [],
    };
    if (!Object.hasOwn(n, 'name')) checkName(ctx, 'node', n, path);
    const settingsExplicit: string[] = [];
    for (const key of Object.keys(n)) {
      const value = n[key];
      const p = child(path, key);
      switch (key) {
        case 'name':
          checkName(ctx, 'node', n, path);
          break;
        case 'state':
          spec.explicit.push('state');
          if (typeof value === 'string' && (NODE_STATES as readonly string[]).includes(value)) spec.state = value as NodeInitialState;
          else ctx.issues.add(p, `${owner}: "state" must be "Up" or "Down", got ${describeValue(value)}${didYouMean(value, NODE_STATES)}`);
          break;
        case 'properties': {
          const r = readSettings<NodeSpec['properties']>(ctx.issues, 'node', value, p, owner, spec.properties);
          spec.properties = r.values;
          settingsExplicit.push(...r.explicit);
          break;
        }
        case 'behavior': {
          const r = readSettings<NodeSpec['behavior']>(ctx.issues, 'nodeBehavior', value, p, owner, spec.behavior);
          spec.behavior = r.values;
          settingsExplicit.push(...r.explicit);
          break;
        }
        default:
          reportUnknownKey(ctx.issues, path, owner, key, NODE_KEYS, ['node', 'nodeBehavior']);
      }
    }
    spec.explicit.push(...settingsExplicit);
    out.push(spec);
  });
  return out;
}
