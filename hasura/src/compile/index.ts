export { CompileContext, type Session } from './compile-context.ts';
export { collectFields } from './collect-fields.ts';
export { compileRootQuery } from './root-query.ts';
export { compileBoolExp, permissionFilter } from './bool-exp.ts';
export { compileStream, type CompiledStream, type StreamCursor } from './stream.ts';
export { boundSession, cohortSession, cohortSessionRow, type SessionSource } from './session-source.ts';
export type { RootKind } from './root-query.ts';
export { bindMarkedVariables, markVariables } from './variable-parameters.ts';
