import type { DocumentNode } from 'graphql';
import { EngineError } from '../errors/index.ts';
import { limitFor, type OperationLimits } from './api-limits.ts';
import { measureOperation, operationToRun } from './measure-operation.ts';

// Hasura enforces API limits in its closed-source Cloud/Enterprise code, so their error texts are
// not public: these are the engine's own, with Hasura's code for a request refused before it runs.
function refuse(message: string): never {
  throw new EngineError('validation-failed', message);
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * Refuses an operation over the role's `depth_limit` or `node_limit`, or over the engine's own
 * ceiling. Every GraphQL operation passes here, over HTTP and websockets alike, after parsing and
 * before validation against the role's schema (as Hasura checks its limits before it plans).
 */
export function checkOperationLimits(limits: OperationLimits, role: string, document: DocumentNode, operationName: string | null | undefined): void {
  const operation = operationToRun(document, operationName);
  if (!operation) return;
  const measure = measureOperation(document, operation);
  const { maxQueryDepth, maxQueryNodes } = limits.ceiling;
  if (maxQueryDepth > 0 && measure.levels > maxQueryDepth) refuse(`the query is nested ${measure.levels} levels deep, more than the limit of ${maxQueryDepth}`);
  if (maxQueryNodes > 0 && measure.fields > maxQueryNodes) refuse(`the query selects ${measure.fields} fields, more than the limit of ${maxQueryNodes}`);
  const depth = limitFor(limits.api.depth, role);
  if (depth !== undefined && measure.depth > depth) refuse(`depth limit exceeded: the operation is ${count(measure.depth, 'level')} deep, the limit is ${depth}`);
  const nodes = limitFor(limits.api.nodes, role);
  if (nodes !== undefined && measure.nodes > nodes) refuse(`node limit exceeded: the operation has ${count(measure.nodes, 'node')}, the limit is ${nodes}`);
}

/** Refuses an HTTP batch holding more operations than the role's `batch_limit`, before any of them runs. */
export function checkBatchLimit(limits: OperationLimits, role: string, operations: number): void {
  const batch = limitFor(limits.api.batch, role);
  if (batch !== undefined && operations > batch) refuse(`batch limit exceeded: the request holds ${count(operations, 'operation')}, the limit is ${batch}`);
}
