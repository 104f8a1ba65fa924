import {
  GraphQLError,
  Kind,
  execute,
  getVariableValues,
  parse,
  validate,
  specifiedRules,
  NoUnusedVariablesRule,
  SingleFieldSubscriptionsRule,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import type pg from 'pg';
import { CompileContext, boundSession, collectFields, compileRootQuery, type Session, type SessionSource } from '../compile/index.ts';
import { EngineError, fromDatabaseError } from '../errors/index.ts';
import type { RoleSchema } from '../schema/index.ts';
import { compileSQL } from '../sql/index.ts';
import { runActionField } from '../action-fields/index.ts';
import { checkOperationLimits } from '../limits/index.ts';
import type { EngineState } from './engine-state.ts';
import type { GraphQLRequest } from './graphql-request.ts';
import { runMutationRequest } from './run-mutation-request.ts';
import { toEngineError } from './validation-errors.ts';

export interface RequestSession {
  role: string;
  /** Session variables, lower-case names, including `x-hasura-role`. */
  variables: Session;
  /** Admin secret plus `x-hasura-use-backend-only-permissions: true`: backend_only permissions apply. */
  backendOnly?: boolean;
}

function parseDocument(query: string): DocumentNode {
  try {
    return parse(query);
  } catch (error) {
    const message = error instanceof GraphQLError ? error.message.replace(/^Syntax Error: /, '') : 'not a valid graphql query';
    throw new EngineError('validation-failed', `not a valid graphql query: ${message}`, '$.query');
  }
}

function selectOperation(document: DocumentNode, operationName: string | null | undefined): OperationDefinitionNode {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operationName) {
    const found = operations.find((operation) => operation.name?.value === operationName);
    if (!found) throw new EngineError('validation-failed', `no such operation found in the document: "${operationName}"`);
    return found;
  }
  if (operations.length !== 1) throw new EngineError('validation-failed', 'exactly one operation has to be present in the document when operationName is not specified');
  return operations[0]!;
}

function coerceVariables(roleSchema: RoleSchema, operation: OperationDefinitionNode, inputs: Record<string, unknown>): Record<string, unknown> {
  const result = getVariableValues(roleSchema.schema, operation.variableDefinitions ?? [], inputs);
  if (result.errors) throw new EngineError('validation-failed', result.errors[0]!.message, '$.variableValues');
  return result.coerced;
}

/**
 * graphql-js's rules, less two: an unused variable is not an error in Hasura, and the one-field
 * rule for subscriptions is checked by the subscription layer with Hasura's own message.
 */
const VALIDATION_RULES = specifiedRules.filter((rule) => rule !== NoUnusedVariablesRule && rule !== SingleFieldSubscriptionsRule);

const isIntrospection = (name: string) => name === '__schema' || name === '__type';

/** Introspection root fields, answered by graphql-js from the role's schema. */
async function introspect(roleSchema: RoleSchema, document: DocumentNode, operation: OperationDefinitionNode, fields: FieldNode[], variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const only: OperationDefinitionNode = { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: fields } };
  const definitions = document.definitions.map((d) => (d === operation ? only : d));
  const result = await execute({ schema: roleSchema.schema, document: { ...document, definitions }, variableValues: variables });
  if (result.errors) throw new EngineError('unexpected', result.errors[0]!.message);
  return result.data ?? {};
}

/** An operation parsed, validated, and ready to compile for one session. */
export interface Prepared {
  context: CompileContext;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  fields: Map<string, FieldNode[]>;
}

/** Clients send the same few query texts over and over; each is parsed and validated once per role schema. */
const MAX_CACHED_DOCUMENTS = 1000;

/**
 * The request's document, parsed and validated against the role's schema; `checkLimits` runs
 * between the two, and again for a cached document (the operation it measures is the request's).
 */
function validatedDocument(roleSchema: RoleSchema, query: string, checkLimits: (document: DocumentNode) => void): DocumentNode {
  const cached = roleSchema.validatedDocuments.get(query);
  if (cached) {
    checkLimits(cached);
    return cached;
  }
  const document = parseDocument(query);
  checkLimits(document);
  const validationErrors = validate(roleSchema.schema, document, VALIDATION_RULES);
  if (validationErrors.length > 0) throw toEngineError(validationErrors[0]!);
  if (roleSchema.validatedDocuments.size >= MAX_CACHED_DOCUMENTS) roleSchema.validatedDocuments.clear();
  roleSchema.validatedDocuments.set(query, document);
  return document;
}

/**
 * Parses and validates the request against the role's schema and sets up its compilation.
 * `sessionSource` says where session values come from (bound parameters unless multiplexed).
 */
export function prepareOperation(state: EngineState, session: RequestSession, request: GraphQLRequest, sessionSource: SessionSource = boundSession(session.variables)): Prepared {
  const roleSchema = state.schemas.get(session.role, session.backendOnly ?? false);
  const document = validatedDocument(roleSchema, request.query, (parsed) => checkOperationLimits(state.limits, session.role, parsed, request.operationName));
  const operation = selectOperation(document, request.operationName);
  if (operation.operation === 'mutation' && !roleSchema.schema.getMutationType()) throw new EngineError('validation-failed', 'no mutations exist');
  const variables = coerceVariables(roleSchema, operation, request.variables ?? {});
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const context = new CompileContext(state.model, roleSchema, session.variables, variables, fragments, sessionSource);
  return { context, document, operation, fields: collectFields(context, [operation.selectionSet]) };
}

async function runDatabaseFields(pool: pg.Pool, context: CompileContext, fields: Map<string, FieldNode[]>): Promise<string> {
  const statement = compileSQL(compileRootQuery(context, fields));
  return pool.query<{ data: string }>(statement.text, statement.values).then(
    (result) => result.rows[0]!.data,
    (error: unknown) => {
      throw fromDatabaseError(error);
    },
  );
}

/** Query action fields, in order. */
async function runActionFields(prepared: Prepared, request: GraphQLRequest, clientHeaders: Record<string, string>): Promise<Record<string, unknown>> {
  const { context } = prepared;
  const root = context.roleSchema.schema.getQueryType()!;
  const answers: Record<string, unknown> = {};
  for (const [key, nodes] of prepared.fields) {
    const action = context.roleSchema.actions.get(nodes[0]!.name.value);
    if (action) answers[key] = await runActionField(context, root, action, nodes, { query: request.query, clientHeaders });
  }
  return answers;
}

/**
 * Runs one GraphQL request for a session and returns the response body as JSON text. Database
 * fields compile to one SQL statement whose JSON result is passed through without re-encoding;
 * action fields call their handlers; introspection is answered from the role's schema.
 */
export async function executeGraphQL(
  state: EngineState,
  pool: pg.Pool,
  session: RequestSession,
  request: GraphQLRequest,
  clientHeaders: Record<string, string> = {},
): Promise<string> {
  const prepared = prepareOperation(state, session, request);
  const { context, fields } = prepared;
  if (prepared.operation.operation === 'subscription') throw new EngineError('unexpected-payload', 'subscriptions are not supported over HTTP, use websockets instead');
  if (prepared.operation.operation === 'mutation') return runMutationRequest(pool, context, fields, request, clientHeaders);
  const special = (name: string) => isIntrospection(name) || context.roleSchema.actions.has(name);
  const databaseFields = new Map([...fields].filter(([, nodes]) => !special(nodes[0]!.name.value)));
  // A query of action fields only needs no database at all.
  const data = databaseFields.size > 0 ? await runDatabaseFields(pool, context, databaseFields) : '{}';
  if (databaseFields.size === fields.size) return `{"data":${data}}`;
  const introspectionNodes = [...fields.values()].flat().filter((node) => isIntrospection(node.name.value));
  const answered = {
    ...(JSON.parse(data) as Record<string, unknown>),
    ...(await runActionFields(prepared, request, clientHeaders)),
    ...(introspectionNodes.length > 0 ? await introspect(context.roleSchema, prepared.document, prepared.operation, introspectionNodes, context.variables) : {}),
  };
  return JSON.stringify({ data: Object.fromEntries([...fields.keys()].map((key) => [key, answered[key]])) });
}
