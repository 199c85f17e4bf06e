/** Resolving references by name (contract §1: every reference is by name, compared exactly). */
import { didYouMean } from './didYouMean';
import type { ElementKind, NameRegistry } from './names';
import { q } from './paths';

const ARTICLE: Record<ElementKind, string> = { node: 'a node', group: 'a group', resource: 'a resource' };

/**
 * Why `name` does not name an element of `kind`, or null when it does. `subject` is what refers,
 * e.g. `group "SQL" names` → `group "SQL" names unknown node "NOD1" as ownerNode; did you mean "NODE1"?`.
 * `role` (optional) is appended as `as ownerNode` / `in preferredOwners`.
 */
export function referenceProblem(reg: NameRegistry, kind: ElementKind, name: string, subject: string, role = ''): string | null {
  const found = reg.lookup(name);
  if (found && found.kind === kind) return null;
  const roleText = role ? ` ${role}` : '';
  if (found) {
    return `${subject} ${q(name)}${roleText}, but ${q(name)} is ${ARTICLE[found.kind]}, not ${ARTICLE[kind]}`;
  }
  return `${subject} unknown ${kind} ${q(name)}${roleText}${didYouMean(name, reg.namesOf(kind))}`;
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
  const found = reg.lookup(name);
  if (found && found.kind === 'resource') {
    if (found.groupIndex === groupIndex) return null;
    const theirs = found.groupName === null ? `the group at groups[${found.groupIndex}]` : `group ${q(found.groupName)}`;
    const ours = groupName === null ? '' : ` (${q(groupName)})`;
    return `${subject} depends on ${q(name)} of ${theirs}; a resource may depend only on resources of its own group${ours}`;
  }
  if (found) return `${subject} depends on ${q(name)}, but ${q(name)} is ${ARTICLE[found.kind]}, not a resource`;
  const candidates = reg
    .resourcesOfGroup(groupIndex)
    .map((r) => r.name)
    .filter((n) => n !== owner);
  return `${subject} depends on unknown resource ${q(name)}${didYouMean(name, candidates)}`;
}
