/** A node, group or resource named on screen (a leaf: it imports nothing of the store). */
export type EntityKind = 'node' | 'group' | 'resource';
export interface EntityRef {
  kind: EntityKind;
  name: string;
}
