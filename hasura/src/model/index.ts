export * from './model-types.ts';
export { buildModel } from './build-model.ts';
export { loadEnumValues } from './load-enum-values.ts';
export { UnsupportedFeatureError, checkTopLevelSupport } from './unsupported.ts';
export {
  checkCronTriggerSupport,
  checkEventingSupport,
  checkEventTriggerSupport,
  cronTriggerOrigin,
  eventTriggerOrigin,
  eventTriggersOf,
} from './eventing-support.ts';
export { resolveActions, type ActionsConfig, type ResolvedAction } from './resolve-actions.ts';
