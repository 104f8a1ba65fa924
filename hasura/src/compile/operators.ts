import { EngineError } from '../errors/index.ts';
import type { ColumnInfo } from '../model/index.ts';
import { sql, type SQL } from '../sql/index.ts';
import type { CompileContext } from './compile-context.ts';
import { isSessionVariable, sessionList, sessionText, sessionTextList, sessionValue } from './session-values.ts';
import { typedElements, typedList, typedValue } from './typed-values.ts';

const BINARY: Record<string, SQL> = {
  _eq: sql`=`, $eq: sql`=`,
  _neq: sql`<>`, _ne: sql`<>`, $ne: sql`<>`, $neq: sql`<>`,
  _gt: sql`>`, $gt: sql`>`,
  _lt: sql`<`, $lt: sql`<`,
  _gte: sql`>=`, $gte: sql`>=`,
  _lte: sql`<=`, $lte: sql`<=`,
  _like: sql`like`, $like: sql`like`,
  _nlike: sql`not like`, $nlike: sql`not like`,
  _ilike: sql`ilike`, $ilike: sql`ilike`,
  _nilike: sql`not ilike`, $nilike: sql`not ilike`,
  _similar: sql`similar to`, $similar: sql`similar to`,
  _nsimilar: sql`not similar to`, $nsimilar: sql`not similar to`,
  _regex: sql`~`, _nregex: sql`!~`, _iregex: sql`~*`, _niregex: sql`!~*`,
};

const COLUMN_COMPARISON: Record<string, SQL> = {
  _ceq: sql`=`, $ceq: sql`=`, _cne: sql`<>`, $cne: sql`<>`, _cneq: sql`<>`,
  _cgt: sql`>`, $cgt: sql`>`, _clt: sql`<`, $clt: sql`<`, _cgte: sql`>=`, $cgte: sql`>=`, _clte: sql`<=`, $clte: sql`<=`,
};

export interface OperandSide {
  context: CompileContext;
  column: ColumnInfo;
  /** The column as SQL (`"_t0"."status"`). */
  lhs: SQL;
  /** In permissions, strings starting with `x-hasura-` are session variables. */
  fromPermission: boolean;
  /** Resolves a column name of the same row (for `_ceq` and friends). */
  sameRowColumn: (name: string) => SQL;
}

function scalar(side: OperandSide, value: unknown): SQL {
  return side.fromPermission && isSessionVariable(value) ? sessionValue(side.context, value, side.column) : typedValue(value, side.column);
}

function list(side: OperandSide, value: unknown): SQL {
  if (side.fromPermission && isSessionVariable(value)) return sessionList(side.context, value, side.column);
  return typedList([value].flat(), side.column);
}

/** Key operands of the jsonb key operators: a session variable holds a Postgres array literal for lists. */
function keys(side: OperandSide, value: unknown, list: boolean): SQL {
  const fromSession = side.fromPermission && isSessionVariable(value);
  if (fromSession) return list ? sessionTextList(side.context, value) : sql`(${sessionText(side.context, value)})::text`;
  const bound = sql.value(list ? [value].flat() : value);
  return list ? sql`(${bound})::text[]` : sql`(${bound})::text`;
}

function jsonOrArrayOperator(side: OperandSide, op: string, value: unknown): SQL | null {
  const isArray = side.column.elementType !== null;
  const operand = () => (isArray && !(side.fromPermission && isSessionVariable(value)) ? typedElements([value].flat(), side.column) : scalar(side, value));
  switch (op) {
    case '_contains': case '$contains': return sql`(${side.lhs} @> ${operand()})`;
    case '_contained_in': case '$contained_in': return sql`(${side.lhs} <@ ${operand()})`;
    case '_has_key': case '$has_key': return sql`(${side.lhs} ? ${keys(side, value, false)})`;
    case '_has_keys_any': case '$has_keys_any': return sql`(${side.lhs} ?| ${keys(side, value, true)})`;
    case '_has_keys_all': case '$has_keys_all': return sql`(${side.lhs} ?& ${keys(side, value, true)})`;
    default: return null;
  }
}

/** One comparison operator applied to a column. A null operand means "no condition", as in Hasura. */
export function compileOperator(side: OperandSide, op: string, value: unknown): SQL {
  if (op === '_is_null' || op === '$is_null') {
    if (value === null || value === undefined) return sql.true;
    return value ? sql`(${side.lhs} is null)` : sql`(${side.lhs} is not null)`;
  }
  if (value === null || value === undefined) return sql.true;
  const binary = BINARY[op];
  if (binary) return sql`(${side.lhs} ${binary} ${scalar(side, value)})`;
  if (op === '_in' || op === '$in') return sql`(${side.lhs} = any(${list(side, value)}))`;
  if (op === '_nin' || op === '$nin') return sql`(not (${side.lhs} = any(${list(side, value)})))`;
  const columnOp = COLUMN_COMPARISON[op];
  if (columnOp) {
    if (typeof value !== 'string') throw new EngineError('not-supported', `${op} comparing with a root table column is not supported`);
    return sql`(${side.lhs} ${columnOp} ${side.sameRowColumn(value)})`;
  }
  const special = jsonOrArrayOperator(side, op, value);
  if (special) return special;
  throw new EngineError('validation-failed', `unexpected operator "${op}" for column "${side.column.name}"`);
}
