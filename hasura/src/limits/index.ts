export { limitFor, NO_CEILING, readApiLimits, type ApiLimits, type EngineCeiling, type OperationLimits, type RoleLimit } from './api-limits.ts';
export { checkBatchLimit, checkOperationLimits } from './check-limits.ts';
export { measureOperation, operationToRun, type OperationMeasure } from './measure-operation.ts';
