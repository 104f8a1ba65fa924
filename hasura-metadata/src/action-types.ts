/** Actions, custom types and the other top-level objects of Hasura v2 metadata (see metadata-types.ts). */

export interface ActionMetadata {
  name: string;
  definition: {
    kind?: 'synchronous' | 'asynchronous';
    type: 'query' | 'mutation';
    handler: string;
    arguments?: { name: string; type: string; description?: string }[];
    output_type: string;
    forward_client_headers?: boolean;
    headers?: ({ name: string; value: string } | { name: string; value_from_env: string })[];
    timeout?: number;
    request_transform?: unknown;
    response_transform?: unknown;
  };
  permissions?: { role: string; comment?: string }[];
  comment?: string;
}

export interface CustomTypeField {
  name: string;
  type: string;
  description?: string;
}

export interface CustomTypes {
  enums?: { name: string; description?: string; values: { value: string; description?: string; is_deprecated?: boolean }[] }[];
  input_objects?: { name: string; description?: string; fields: CustomTypeField[] }[];
  objects?: { name: string; description?: string; fields: CustomTypeField[]; relationships?: unknown[] }[];
  scalars?: { name: string; description?: string }[];
}

export interface CronTrigger {
  name: string;
  webhook: string;
  schedule: string;
  include_in_metadata: boolean;
  payload?: unknown;
  retry_conf?: Record<string, unknown>;
  headers?: unknown[];
  comment?: string;
}

export interface QueryCollection {
  name: string;
  definition: { queries: { name: string; query: string }[] };
  comment?: string;
}

export interface AllowlistEntry {
  collection: string;
  scope?: { global: true } | { global: false; roles: string[] };
}

export interface InheritedRole {
  role_name: string;
  role_set: string[];
}
