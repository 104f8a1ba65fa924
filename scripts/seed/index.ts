/** The seed's API for other code (start script, tests, benchmarks). */
export { seedDemo, isSeeded, type SeedDemoOptions, type SeedDemoResult } from './demo/demo-seed.ts';
export { seedScale, type SeedScaleOptions, type SeedScaleResult } from './scale/scale-seed.ts';
export { scalePlan, type ScalePlan } from './scale/scale-plan.ts';
export { countRows, formatCountTable, SEEDED_TABLES } from './row-counts.ts';
export { parseSeedArgs, type SeedArgs } from './cli-args.ts';
export { hashApiKey, splitApiKey } from './api-keys.ts';
export {
  DEMO_ACCOUNTS,
  DEMO_COMPANIES,
  DEMO_INTEGRATORS,
  DEMO_PASSWORD,
  DEMO_TENANT,
  demoAccount,
  type DemoAccount,
  type DemoCompany,
  type DemoIntegrator,
} from './demo-accounts.ts';
