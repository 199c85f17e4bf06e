/**
 * Failure and repair rates for the availability estimate, editable in the scenario's
 * `ui.availability`. The defaults are ILLUSTRATIVE, not measured: round numbers of the order
 * operators quote (a server failing a couple of times a year and back within hours; a service
 * crashing a few times a year and restarted by the cluster). Replace them with your own figures.
 */
import { z } from 'zod';
import type { Scenario, ValidationIssue } from '../engine';

const perYear = z
  .number({ error: 'a number of failures per year' })
  .min(0, 'not negative')
  .max(10_000, 'at most 10000 a year');
const hours = z.number({ error: 'a number of hours' }).min(0, 'not negative').max(8760, 'at most a year (8760 h)');

const ResourceRate = z.strictObject({
  failuresPerYear: perYear,
  /** 0: a transient failure the cluster's restart fixes (failResource). Above 0: the resource stays broken (its Online calls fail) until repaired. */
  repairHours: hours.default(0),
});

export const RatesSchema = z.strictObject({
  node: z
    .strictObject({ failuresPerYear: perYear, repairHours: hours })
    .default({ failuresPerYear: 2, repairHours: 4 }),
  resourceTypes: z.record(z.string(), ResourceRate).default({}),
  resourceDefault: ResourceRate.default({ failuresPerYear: 2, repairHours: 0 }),
});

export type Rates = z.output<typeof RatesSchema>;

/** Illustrative per-type defaults (see above); any type not listed uses `resourceDefault`. */
export const DEFAULT_TYPE_RATES: Readonly<Record<string, { failuresPerYear: number; repairHours: number }>> = {
  'Physical Disk': { failuresPerYear: 0.2, repairHours: 0 },
  'IP Address': { failuresPerYear: 0.05, repairHours: 0 },
  'Network Name': { failuresPerYear: 0.1, repairHours: 0 },
};

export const RATES_NOTE =
  'Default rates are illustrative, not measured: replace them with your own in the scenario\'s "ui.availability".';

export function defaultRates(): Rates {
  return RatesSchema.parse({ resourceTypes: { ...DEFAULT_TYPE_RATES } });
}

/** The rates in `ui.availability` (each part defaulted), or the defaults. */
export function ratesOf(scenario: Scenario): { rates: Rates; issues: ValidationIssue[]; custom: boolean } {
  const ui = scenario.ui as { availability?: unknown } | undefined;
  const value = ui && typeof ui === 'object' ? ui.availability : undefined;
  if (value === undefined) return { rates: defaultRates(), issues: [], custom: false };
  const parsed = RatesSchema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      path: 'ui.availability' + i.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join(''),
      message: i.message,
    }));
    return { rates: defaultRates(), issues, custom: true };
  }
  const rates = parsed.data;
  return {
    rates: { ...rates, resourceTypes: { ...DEFAULT_TYPE_RATES, ...rates.resourceTypes } },
    issues: [],
    custom: true,
  };
}

export function rateOfType(rates: Rates, type: string): { failuresPerYear: number; repairHours: number } {
  return Object.hasOwn(rates.resourceTypes, type) ? rates.resourceTypes[type]! : rates.resourceDefault;
}
