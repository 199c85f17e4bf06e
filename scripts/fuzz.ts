/**
 * `npm run fuzz -- [--runs N] [--seed S] [--rule TEXT] [--out FILE] [--plain | --networks]`: run N
 * random scenarios with random fault scripts through the engine and the contract checker
 * (src/engine/fuzz), print the cases per second, and for the first failing case print the
 * violations and the scenario SHRUNK by fast-check as JSON (save it and run
 * `npm run simulate -- FILE` to see its trace).
 * Two kinds of case, both by default (N of each, same seed): plain scenarios (scenario-format.md,
 * checked by checker/) and network-mode scenarios (networks.md: partitions, network and interface
 * failures, graceful stops, sites, witness failures; checked by networkChecks.ts and its route
 * model). `--plain` or `--networks` runs one kind only. For network cases the summary counts how
 * many cases reached each path (a regroup, a tie-break, a rejoin, an IP left offline, …).
 * `--rule` only counts violations whose rule contains TEXT (to shrink one class at a time).
 * Exit code: 0 when no case broke the contract, 1 otherwise.
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { scenarioSeedArb, buildScenario } from '../src/engine/fuzz/generators';
import { runCase, type CaseResult } from '../src/engine/fuzz/run';
import { networkSeedArb, buildNetworkScenario } from '../src/engine/fuzz/networkGen';
import { runNetworkCase } from '../src/engine/fuzz/networkRun';
import { formatViolation, type Violation } from '../src/engine/fuzz/checker';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const runs = Number(arg('runs') ?? 2000);
const seed = Number(arg('seed') ?? Date.now() % 1_000_000);
const ruleFilter = arg('rule');
const out = arg('out');
const onlyNetworks = process.argv.includes('--networks');
const onlyPlain = process.argv.includes('--plain');
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || (onlyNetworks && onlyPlain)) {
  console.error('usage: npm run fuzz -- [--runs N] [--seed S] [--rule TEXT] [--out FILE] [--plain | --networks]');
  process.exit(2);
}

interface Mode {
  name: string;
  arb: fc.Arbitrary<unknown>;
  build: (s: unknown) => unknown;
  run: (json: unknown) => CaseResult;
}
const modes: Mode[] = [];
if (!onlyNetworks)
  modes.push({ name: 'plain', arb: scenarioSeedArb, build: buildScenario as (s: unknown) => unknown, run: runCase });
if (!onlyPlain)
  modes.push({
    name: 'network',
    arb: networkSeedArb,
    build: buildNetworkScenario as (s: unknown) => unknown,
    run: runNetworkCase,
  });

const relevant = (vs: Violation[]) => (ruleFilter ? vs.filter((v) => v.rule.includes(ruleFilter)) : vs);

let failed = false;
for (const mode of modes) {
  // Phase 1: run every case once, for the throughput, a census of the broken rules and the coverage.
  const classes = new Map<string, number>();
  const coverage = new Map<string, number>();
  let events = 0;
  let firstFailure = -1;
  const started = performance.now();
  const seeds = fc.sample(mode.arb, { numRuns: runs, seed });
  seeds.forEach((s, i) => {
    const r = mode.run(mode.build(s));
    events += r.events;
    for (const c of r.coverage) coverage.set(c, (coverage.get(c) ?? 0) + 1);
    const vs = relevant(r.violations);
    for (const rule of new Set(vs.map((v) => v.rule))) classes.set(rule, (classes.get(rule) ?? 0) + 1);
    if (vs.length && firstFailure < 0) firstFailure = i;
    if ((i + 1) % 500 === 0) process.stderr.write(`  ${mode.name}: ${i + 1}/${runs} cases\n`);
  });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `fuzz ${mode.name}: ${runs} cases from seed ${seed} in ${seconds.toFixed(1)} s: ` +
      `${(runs / seconds).toFixed(0)} cases/s, ${(events / seconds).toFixed(0)} events/s ` +
      `(each case: validate, run, rerun, stepwise run, check)`,
  );
  if (coverage.size) {
    console.log(`  cases reaching each path (of ${runs}):`);
    for (const [c, n] of [...coverage].sort((a, b) => a[0].localeCompare(b[0]))) console.log(`    ${n}\t${c}`);
  }
  if (firstFailure < 0) {
    console.log(`  no violation of the contract`);
    continue;
  }
  failed = true;
  console.log('  cases breaking each rule:');
  for (const [rule, n] of [...classes].sort((a, b) => b[1] - a[1])) console.log(`    ${n}\t${rule}`);
  // Phase 2: let fast-check find the same first failure again and shrink it.
  const result = fc.check(
    fc.property(mode.arb, (s) => relevant(mode.run(mode.build(s)).violations).length === 0),
    { numRuns: firstFailure + 1, seed },
  );
  if (!result.failed) {
    console.log(`  case ${firstFailure} failed but did not fail again: the engine is not deterministic`);
    continue;
  }
  const shrunk = mode.build(result.counterexample![0]);
  const vs = relevant(mode.run(shrunk).violations);
  console.log(`\nshrunk ${mode.name} counterexample (seed ${seed}, path ${result.counterexamplePath}) breaks:`);
  for (const v of vs.slice(0, 20)) console.log('  ' + formatViolation(v));
  const text = JSON.stringify(shrunk, null, 1);
  if (out) {
    const file = modes.length > 1 ? out.replace(/(\.json)?$/, `.${mode.name}$1`) : out;
    writeFileSync(file, text + '\n');
    console.log(`\nscenario written to ${file} (npm run simulate -- ${file})`);
  } else console.log('\n' + text);
}
process.exit(failed ? 1 : 0);
