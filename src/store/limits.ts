/**
 * What the browser app will open. The engine itself runs 100,000 resources in a few seconds
 * (`npm run bench`). WSFC's own documented maximum, 8,000 virtual-machine roles of two resources
 * each (a VM and its VM Configuration), is 16,000 resources and must stay playable
 * (`npm run bench:ui` measures it); 20,000 leaves room for the cluster's own groups around it.
 * Above that a scenario is refused with a message that says where to run it instead.
 */
export const MAX_RESOURCES = 20_000;
/** A 10,000-resource scenario with every property written out is a few MB; 16 MB leaves room. */
export const MAX_FILE_CHARS = 16 * 1024 * 1024;

const ELSEWHERE = 'run it with `npm run simulate -- FILE` (the command-line simulator has no such limit)';

/** Why the app will not open this text (too large), or null. Checked before parsing it. */
export function fileTooLarge(file: string | Uint8Array): string | null {
  const size = typeof file === 'string' ? file.length : file.byteLength;
  if (size <= MAX_FILE_CHARS) return null;
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `the file is ${mb(size)}; the browser app opens scenario files up to ${mb(MAX_FILE_CHARS)}: ${ELSEWHERE}`;
}

/** Why the app will not simulate this scenario (too many resources), or null. Reads the raw JSON. */
export function scenarioTooLarge(source: unknown): string | null {
  if (typeof source !== 'object' || source === null) return null;
  const groups = (source as { groups?: unknown }).groups;
  if (!Array.isArray(groups)) return null;
  let count = 0;
  for (const g of groups) {
    const rs = typeof g === 'object' && g !== null ? (g as { resources?: unknown }).resources : undefined;
    if (Array.isArray(rs)) count += rs.length;
  }
  if (count <= MAX_RESOURCES) return null;
  return `the scenario has ${count.toLocaleString('en-US')} resources; the browser app simulates up to ${MAX_RESOURCES.toLocaleString('en-US')} (above that every frame would stall the tab): ${ELSEWHERE}`;
}
