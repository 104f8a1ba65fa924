/** The seed's API: demo and generated load-test data for `npm start`, tests and benchmarks. */
export { seedDemo, isSeeded, type SeedDemoOptions, type SeedDemoResult } from './demo/demo-seed.ts';
export { seedScale, type SeedScaleOptions, type SeedScaleResult } from './scale/scale-seed.ts';
export { MAX_SCALE, scalePlan, type ScalePlan } from './scale/scale-plan.ts';
export { countRows, formatCountTable, SEEDED_TABLES } from './row-counts.ts';
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
