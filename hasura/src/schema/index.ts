export { buildRoleSchema, RoleSchemaCache, type RoleSchema } from './build-schema.ts';
export type { RootFieldTarget } from './query-root.ts';
export { ADMIN_ROLE, selectPermissionFor } from './role-view.ts';
