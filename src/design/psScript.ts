/**
 * The script under construction: its mandatory parameters, its body lines, and how it refers to
 * resources (by literal name, through a parameter, or by ID when a name holds a bracket, §3.1).
 */
import type { Scenario } from '../engine';
import { hasWildcard, psLiteral, VariableNamer } from './psQuote';

/** How the script refers to a resource: by its literal name, or (a disk) through a script parameter. */
export type ResourceRef = { kind: 'name'; name: string } | { kind: 'param'; variable: string };

export interface ScriptParam {
  variable: string;
  comment: string;
  /** The declaration before `$name`: `[string]` unless a parameter needs a number. */
  type: string;
}

/** One piece of a PowerShell string expression: literal text or a variable holding text. */
type Piece = { text: string } | { variable: string };

export function isExplicit(explicit: readonly string[], key: string): boolean {
  return explicit.some((e) => e === key || e.endsWith(`.${key}`));
}

/** `'[' + $Disk + '] and [B]'` from pieces; a single literal stays a plain literal. */
function psConcat(pieces: Piece[]): string {
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if ('text' in p && last && 'text' in last) merged[merged.length - 1] = { text: last.text + p.text };
    else merged.push(p);
  }
  const only = merged.length === 1 ? merged[0] : undefined;
  if (only && 'text' in only) return psLiteral(only.text);
  return `(${merged.map((p) => ('text' in p ? psLiteral(p.text) : `$${p.variable}`)).join(' + ')})`;
}

export function ownersList(names: readonly string[]): string {
  return names.map(psLiteral).join(',');
}

export class ScriptBuilder {
  readonly params: ScriptParam[] = [];
  readonly body: string[] = [];
  /** What the user must know before running the script (shown in the export dialog, and in the script). */
  readonly notes: string[] = [];
  private readonly namer = new VariableNamer();
  private readonly refs = new Map<string, ResourceRef>();
  private readonly idVariables = new Map<string, string>();

  constructor(private readonly scenario: Scenario) {}

  param(base: string, suffix: string, comment: string, fallback?: string, type = '[string]'): string {
    const variable = this.namer.name(base, suffix, fallback);
    this.params.push({ variable, comment, type });
    return variable;
  }

  line(text = ''): void {
    this.body.push(text);
  }

  ref(resourceName: string): ResourceRef {
    return this.refs.get(resourceName) ?? { kind: 'name', name: resourceName };
  }

  setRef(resourceName: string, ref: ResourceRef): void {
    this.refs.set(resourceName, ref);
  }

  /** The resource as a cmdlet argument. */
  arg(ref: ResourceRef): string {
    return ref.kind === 'param' ? `$${ref.variable}` : psLiteral(ref.name);
  }

  /** `Cmdlet -Resource 'x' rest`, or `Find-Res 'x' | Cmdlet rest` when the name holds wildcard characters. */
  resourceCmd(ref: ResourceRef, cmdlet: string, paramName: string, rest: string): string {
    if (ref.kind === 'name' && hasWildcard(ref.name)) return `Find-Res ${this.arg(ref)} | ${cmdlet} ${rest}`;
    return `${cmdlet} -${paramName} ${this.arg(ref)} ${rest}`.trimEnd();
  }

  groupCmd(group: string, cmdlet: string, paramName: string, rest: string): string {
    if (hasWildcard(group)) return `Find-Group ${psLiteral(group)} | ${cmdlet} ${rest}`.trimEnd();
    return `${cmdlet} -${paramName} ${psLiteral(group)} ${rest}`.trimEnd();
  }

  /** A term of a dependency expression, `[name]`; names with brackets go by resource ID (§3.1). */
  dependencyTerm(name: string): Piece[] {
    const ref = this.ref(name);
    if (ref.kind === 'param') return [{ text: '[' }, { variable: ref.variable }, { text: ']' }];
    if (/[[\]]/.test(name)) {
      let variable = this.idVariables.get(name);
      if (!variable) {
        variable = `fl_id${this.idVariables.size + 1}`;
        this.idVariables.set(name, variable);
        this.line(`$${variable} = (Find-Res ${psLiteral(name)}).Id   # the name holds a bracket: refer to it by ID`);
      }
      return [{ text: '[' }, { variable }, { text: ']' }];
    }
    return [{ text: `[${name}]` }];
  }

  dependencyExpression(expr: string[][]): string {
    const pieces: Piece[] = [];
    const orSet = (set: string[], parens: boolean) => {
      if (parens) pieces.push({ text: '(' });
      set.forEach((name, i) => {
        if (i > 0) pieces.push({ text: ' or ' });
        pieces.push(...this.dependencyTerm(name));
      });
      if (parens) pieces.push({ text: ')' });
    };
    if (expr.length === 1) orSet(expr[0]!, false);
    else
      expr.forEach((set, i) => {
        if (i > 0) pieces.push({ text: ' and ' });
        orSet(set, set.length > 1);
      });
    return psConcat(pieces);
  }

  get nodes() {
    return this.scenario.nodes;
  }
}
