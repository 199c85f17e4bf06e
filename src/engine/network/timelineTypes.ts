/** The shape of a transcribed worked timeline (networks.md §7). */
/** `final` in short form: nodes → state; groups → [state, owner, failoverCount]; resources → [state, node, restartCount]; networks → [state, interfaces]. */
export interface ShortFinal {
  quorum: boolean;
  nodes: Record<string, string>;
  groups: Record<string, [string, string | null, number]>;
  resources: Record<string, [string, string | null, number]>;
  networks?: Record<string, [string, Record<string, string>]>;
}

export interface Timeline {
  file: string;
  events: string[];
  final: ShortFinal;
}
