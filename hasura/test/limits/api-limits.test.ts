import { parse } from 'graphql';
import { describe, expect, test } from 'vitest';
import type { HasuraMetadata } from '@portal/hasura-metadata';
import { checkBatchLimit, checkOperationLimits, limitFor, NO_CEILING, readApiLimits } from '../../src/limits/index.ts';
import { checkTopLevelSupport } from '../../src/model/index.ts';
import { EngineError } from '../../src/errors/index.ts';

const LIMITS = {
  depth_limit: { global: 2, per_role: { staff: 4 } },
  node_limit: { global: 3, per_role: { staff: 10 } },
  batch_limit: { global: 2, per_role: {} },
};

const limits = (api_limits: Record<string, unknown>) => ({ api: readApiLimits({ api_limits }), ceiling: NO_CEILING });

function refusal(run: () => void): { code: string; message: string; path: string } | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    return { code: error.code, message: error.message, path: error.path };
  }
}

const check = (api: Record<string, unknown>, role: string, query: string) => refusal(() => checkOperationLimits(limits(api), role, parse(query), undefined));
const DEPTH_3 = '{ sales_orders { lines { product { name } } } }';
const NODES_4 = '{ a: sales_orders { id } b: sales_orders { id } c: sales_orders { id } d: sales_orders { id } }';

describe('api_limits', () => {
  test('global limits hold for a role without its own; per_role overrides them; admin is exempt', () => {
    expect(limitFor(readApiLimits({ api_limits: LIMITS }).depth, 'customer_user')).toBe(2);
    expect(limitFor(readApiLimits({ api_limits: LIMITS }).depth, 'staff')).toBe(4);
    expect(limitFor(readApiLimits({ api_limits: LIMITS }).depth, 'admin')).toBeUndefined();
    expect(check(LIMITS, 'customer_user', DEPTH_3)).toEqual({
      code: 'validation-failed',
      path: '$',
      message: 'depth limit exceeded: the operation is 3 levels deep, the limit is 2',
    });
    expect(check(LIMITS, 'customer_user', NODES_4)).toEqual({ code: 'validation-failed', path: '$', message: 'node limit exceeded: the operation has 4 nodes, the limit is 3' });
    expect(check(LIMITS, 'staff', DEPTH_3)).toBeUndefined();
    expect(check(LIMITS, 'staff', NODES_4)).toBeUndefined();
    expect(check(LIMITS, 'admin', DEPTH_3)).toBeUndefined();
    expect(check(LIMITS, 'customer_user', '{ sales_orders { lines { id } } }')).toBeUndefined();
  });

  test('batch_limit counts the operations of one request', () => {
    expect(refusal(() => checkBatchLimit(limits(LIMITS), 'customer_user', 3))?.message).toBe('batch limit exceeded: the request holds 3 operations, the limit is 2');
    expect(refusal(() => checkBatchLimit(limits(LIMITS), 'customer_user', 2))).toBeUndefined();
    expect(refusal(() => checkBatchLimit(limits(LIMITS), 'admin', 30))).toBeUndefined();
  });

  test('no api_limits, or disabled: true, applies none; a limit of 0 refuses every node', () => {
    expect(check({}, 'customer_user', DEPTH_3)).toBeUndefined();
    expect(check({ ...LIMITS, disabled: true }, 'customer_user', DEPTH_3)).toBeUndefined();
    expect(check({ node_limit: { global: 0 } }, 'anonymous', '{ __typename }')).toBeUndefined();
    expect(check({ node_limit: { global: 0 } }, 'anonymous', '{ a { b } }')?.message).toBe('node limit exceeded: the operation has 1 node, the limit is 0');
  });

  test("values Hasura's schema refuses are refused", () => {
    expect(() => readApiLimits({ api_limits: { depth_limit: { per_role: { staff: 3 } } } })).toThrow(/^api_limits: depth_limit\.global: /);
    expect(() => readApiLimits({ api_limits: { node_limit: { global: -1 } } })).toThrow(/node_limit\.global/);
  });
});

describe('limits the engine does not enforce fail loudly at load', () => {
  const metadata = (api_limits: Record<string, unknown>) => ({ version: 3, sources: [], api_limits }) as unknown as HasuraMetadata;

  test('rate_limit and time_limit (Hasura Cloud/EE only) are unsupported, unless the limits are disabled', () => {
    expect(() => checkTopLevelSupport(metadata({ rate_limit: { global: { max_reqs_per_min: 60 } } }))).toThrow(
      'unsupported: API rate limits (api_limits.rate_limit, Hasura Cloud/EE only: rate-limit in the proxy) (in api_limits.yaml); see hasura/COMPAT.md',
    );
    expect(() => checkTopLevelSupport(metadata({ time_limit: { global: 10 } }))).toThrow(/^unsupported: API time limits/);
    expect(() => checkTopLevelSupport(metadata({ disabled: true, time_limit: { global: 10 } }))).not.toThrow();
    expect(() => checkTopLevelSupport(metadata(LIMITS))).not.toThrow();
  });
});
