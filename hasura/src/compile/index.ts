export { CompileContext, type Session } from './compile-context.ts';
export { collectFields } from './collect-fields.ts';
export { compileRootQuery } from './root-query.ts';
export { compileBoolExp, permissionFilter } from './bool-exp.ts';
