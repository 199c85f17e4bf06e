/**
 * How long reading a big scenario file takes (issue 7: 8 nodes × 2,000 groups × 50-resource chains =
 * 100,000 resources): `npx tsx scripts/bench-parse.ts [runs]`. Prints the file size and the best and
 * median wall and CPU time of parseScenarioText (text in) and parseScenarioBytes (UTF-8 bytes in).
 */
import * as engine from '../src/engine';

function hugeScenario(): Record<string, unknown> {
  const nodes = Array.from({ length: 8 }, (_, i) => ({ name: `NODE${i + 1}` }));
  const groups = Array.from({ length: 2000 }, (_, g) => {
    const names = Array.from({ length: 50 }, (_, i) => `G${g} R${i}`);
    return {
      name: `Group ${g}`,
      preferredOwners: [nodes[g % 8]!.name, nodes[(g + 1) % 8]!.name],
      properties: { FailoverThreshold: 3, Priority: 2000 },
      resources: names.map((name, i) => ({
        name,
        type: 'Generic Service',
        ...(i > 0 ? { dependsOn: [names[i - 1]] } : {}),
        properties: { RestartThreshold: 2, RestartDelay: 500 },
        behavior: { onlineMs: 1000, offlineMs: 500 },
      })),
    };
  });
  return {
    format: 'failover-scenario@1',
    name: 'Big: 100,000 resources',
    until: 3_600_000,
    nodes,
    groups,
    script: [{ at: 600_000, action: 'crashNode', node: 'NODE1' }],
  };
}

const runs = Number(process.argv[2] ?? 5);
const text = JSON.stringify(hugeScenario(), null, 1);
const bytes = new TextEncoder().encode(text);
console.log(`file: ${(bytes.length / 1e6).toFixed(1)} MB, 100000 resources`);

const entries: [string, () => { ok: boolean }][] = [
  ['parseScenarioText', () => engine.parseScenarioText(text)],
  ['parseScenarioBytes', () => engine.parseScenarioBytes(bytes)],
];
/** Best and median of `xs`, in ms. */
const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return `best ${sorted[0]!.toFixed(0)} ms, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0)} ms`;
};

// CPU time (user + system) as well as wall time: on a shared machine the wall time mostly measures the load.
for (const [label, run] of entries) {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    const r = run();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
    if (!r.ok) throw new Error(`${label}: the big scenario was refused`);
  }
  console.log(`${label}: wall ${stats(wall)}; cpu ${stats(cpu)} (${runs} runs)`);
}
