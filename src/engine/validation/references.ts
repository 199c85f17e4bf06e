/**
 * Resolving references by name (contract §1: every reference is by name, compared exactly, and
 * names the kind it refers to: `node`, `group`, `resource`, `dependsOn` = resources).
 */
import { parseDependencyExpr } from '../policies/dependencyExpr';
import { cycleMessage, findDependencyCycles } from './cycles';
import { didYouMean } from './didYouMean';
import { entrySubject, type LocatedIssue, type PathKey } from './issues';
import { duplicateNameMessage, type ElementKind, type NameRegistry } from './names';
import { isName, isPlainObject, label, type PlainObject, q } from './paths';
import { isActionName, SCRIPT_ACTIONS } from './script';

const ARTICLE: ReadonlyMap<ElementKind, string> = new Map([
  ['node', 'a node'],
  ['group', 'a group'],
  ['resource', 'a resource'],
]);

/** `a group`, `a group and a resource`: what else `name` names, for a reference of the wrong kind. */
const articles = (kinds: readonly ElementKind[]) => kinds.map((k) => ARTICLE.get(k)!).join(' and ');

/**
 * Why `name` does not name an element of `kind`, or null when it does. `subject` is what refers,
 * e.g. `group "SQL" names` → `group "SQL" names unknown node "NOD1" as ownerNode; did you mean "NODE1"?`.
 * `role` (optional) is appended as `as ownerNode` / `in preferredOwners`. Names are looked up in
 * their own kind only (contract §1); suggestions are names of that kind.
 */
export function referenceProblem(
  reg: NameRegistry,
  kind: ElementKind,
  name: string,
  subject: string,
  role = '',
): string | null {
  if (reg.lookup(kind, name)) return null;
  const roleText = role ? ` ${role}` : '';
  const hint = didYouMean(name, reg.namesOf(kind));
  const others = reg.otherKindsNamed(kind, name);
  if (others.length > 0) {
    return `${subject} ${q(name)}${roleText}, but ${q(name)} is ${articles(others)}, not ${ARTICLE.get(kind)!}${hint}`;
  }
  return `${subject} unknown ${kind} ${q(name)}${roleText}${hint}`;
}

/**
 * Why a resource (`subject`, e.g. `resource "SQL Server"`, named `owner` or null when unnamed, of
 * the group with index `groupIndex` and name `groupName`) may not depend on `name`, or null when it may.
 */
export function dependencyProblem(
  reg: NameRegistry,
  subject: string,
  owner: string | null,
  groupIndex: number,
  groupName: string | null,
  name: string,
): string | null {
  if (name === owner) return `${subject} depends on itself`;
  const found = reg.lookup('resource', name);
  if (found) {
    if (found.groupIndex === groupIndex) return null;
    const theirs =
      found.groupName === null ? `the group at groups[${found.groupIndex}]` : `group ${q(found.groupName)}`;
    const ours = groupName === null ? '' : ` (${q(groupName)})`;
    return `${subject} depends on ${q(name)} of ${theirs}; a resource may depend only on resources of its own group${ours}`;
  }
  const candidates = reg
    .resourcesOfGroup(groupIndex)
    .map((r) => r.name)
    .filter((n) => n !== owner);
  const hint = didYouMean(name, candidates);
  const others = reg.otherKindsNamed('resource', name);
  if (others.length > 0)
    return `${subject} depends on ${q(name)}, but ${q(name)} is ${articles(others)}, not a resource${hint}`;
  return `${subject} depends on unknown resource ${q(name)}${hint}`;
}

/**
 * The checks zod cannot express simply, over the same input (which may be invalid elsewhere, so
 * every step is guarded): duplicate names, every reference by name (ownerNode, preferredOwners,
 * possibleOwners, dependsOn, script arguments), repeats in node lists, and dependency cycles.
 * Values of the wrong type are left to the schema.
 */
export function checkReferences(root: PlainObject, reg: NameRegistry): LocatedIssue[] {
  const out: LocatedIssue[] = [];
  const cycles = new Map(findDependencyCycles(reg).map((c) => [c.at.path, c]));
  const report = (path: PathKey[], message: string | null) => {
    if (message) out.push({ path, message });
  };
  const name = (kind: ElementKind, raw: PlainObject, path: PathKey[], pathText: string) => {
    if (isName(raw.name) && reg.duplicateOf(pathText))
      report([...path, 'name'], duplicateNameMessage(reg, kind, raw.name, pathText));
  };
  const nodeList = (raw: PlainObject, key: string, path: PathKey[], owner: () => string) => {
    const list = Object.hasOwn(raw, key) ? raw[key] : undefined;
    if (!Array.isArray(list)) return;
    const seen = new Set<string>();
    list.forEach((n, i) => {
      if (typeof n !== 'string') return;
      if (reg.lookup('node', n) && !seen.has(n)) return void seen.add(n);
      const problem = referenceProblem(reg, 'node', n, `${owner()} lists`, `in ${key}`);
      report([...path, key, i], problem ?? `${owner()} lists node ${q(n)} twice in ${key}`);
    });
  };

  const nodes = Object.hasOwn(root, 'nodes') ? root.nodes : undefined;
  if (Array.isArray(nodes)) nodes.forEach((n, i) => isPlainObject(n) && name('node', n, ['nodes', i], `nodes[${i}]`));

  const groups = Object.hasOwn(root, 'groups') ? root.groups : undefined;
  if (Array.isArray(groups)) {
    groups.forEach((g, gi) => {
      if (!isPlainObject(g)) return;
      const gPath: PathKey[] = ['groups', gi];
      const gText = `groups[${gi}]`;
      const owner = () => label('group', g.name, gText);
      const groupName = isName(g.name) ? g.name : null;
      name('group', g, gPath, gText);
      // A Down node is a valid ownerNode: whether it counts is the engine's rule (§1, initial owner).
      if (typeof g.ownerNode === 'string' && !reg.lookup('node', g.ownerNode)) {
        report([...gPath, 'ownerNode'], referenceProblem(reg, 'node', g.ownerNode, `${owner()} names`, 'as ownerNode'));
      }
      nodeList(g, 'preferredOwners', gPath, owner);
      const resources = Object.hasOwn(g, 'resources') ? g.resources : undefined;
      if (!Array.isArray(resources)) return;
      resources.forEach((r, ri) => {
        if (!isPlainObject(r)) return;
        const rPath: PathKey[] = [...gPath, 'resources', ri];
        const rText = `${gText}.resources[${ri}]`;
        const rOwner = () => label('resource', r.name, rText);
        const rName = isName(r.name) ? r.name : null;
        name('resource', r, rPath, rText);
        if (Object.hasOwn(r, 'dependsOn')) {
          const dPath: PathKey[] = [...rPath, 'dependsOn'];
          const problem = (dep: string) => {
            const found = reg.lookup('resource', dep);
            if (found && found.groupIndex === gi && dep !== rName) return null;
            return dependencyProblem(reg, rOwner(), rName, gi, groupName, dep);
          };
          if (Array.isArray(r.dependsOn)) {
            r.dependsOn.forEach((d, i) => {
              const message = typeof d === 'string' && d !== '' ? problem(d) : null;
              if (message) out.push({ path: [...dPath, i], message });
            });
          } else if (typeof r.dependsOn === 'string') {
            const parsed = parseDependencyExpr(r.dependsOn);
            if (parsed.ok) for (const dep of new Set(parsed.expr.flat())) report(dPath, problem(dep));
          }
          const cycle = cycles.get(rText);
          if (cycle) report(dPath, cycleMessage(cycle));
        }
        nodeList(r, 'possibleOwners', rPath, rOwner);
      });
    });
  }

  const script = Object.hasOwn(root, 'script') ? root.script : undefined;
  if (Array.isArray(script)) {
    script.forEach((e, i) => {
      if (!isPlainObject(e) || !isActionName(e.action)) return;
      for (const [key, arg] of Object.entries(SCRIPT_ACTIONS[e.action])) {
        const value = Object.hasOwn(e, key) ? e[key] : undefined;
        if (
          (arg.kind === 'node' || arg.kind === 'group' || arg.kind === 'resource') &&
          typeof value === 'string' &&
          !reg.lookup(arg.kind, value)
        ) {
          report(
            ['script', i, key],
            referenceProblem(reg, arg.kind, value, `${entrySubject(e, `script[${i}]`)} names`),
          );
        }
      }
    });
  }
  return out;
}
