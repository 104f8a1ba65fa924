import type { Scenario } from './scenario.ts';
import { DASHBOARD } from './scenario-dashboard.ts';
import { ORDER_DETAIL } from './scenario-order-detail.ts';
import { ORDER_LIST } from './scenario-order-list.ts';

/** The portal reads the benchmark measures, in the order they are run and reported. */
export const SCENARIOS: readonly Scenario[] = [ORDER_LIST, ORDER_DETAIL, DASHBOARD];
