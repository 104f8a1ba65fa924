import type { BenchCustomer } from './bench-customers.ts';
import type { DirectSql } from './direct-sql.ts';
import type { CaptureRequest, CapturedSql } from './engine-process.ts';
import { prepareRequest, type GraphQLClient, type PreparedRequest } from './graphql-http.ts';
import type { Task } from './load-generator.ts';
import type { TargetKey } from './measure-scenario.ts';
import { expectSame } from './parity.ts';
import type { Scenario, SqlCall } from './scenario.ts';
import type { ServerProcess } from './server-process.ts';

/** The running things a scenario's targets use. */
export interface Services {
  engine: ServerProcess;
  engineClient: GraphQLClient;
  postgraphileClient: GraphQLClient;
  direct: DirectSql;
}

/** A customer with its access token for the engine. */
export interface TokenCustomer {
  customer: BenchCustomer;
  token: string;
}

export interface PreparedScenario {
  tasks: Record<TargetKey, Task>;
  /** Average size of the engine's `data` as JSON text, in bytes. */
  responseBytes: number;
}

interface Calls {
  engine: PreparedRequest[];
  engineSql: SqlCall[];
  captured: CapturedSql[];
  handSql: SqlCall[];
  postgraphile: PreparedRequest[];
}

async function buildCalls(scenario: Scenario, customers: TokenCustomer[], services: Services): Promise<Calls> {
  const calls: Calls = { engine: [], engineSql: [], captured: [], handSql: [], postgraphile: [] };
  for (const { customer, token } of customers) {
    const headers = { authorization: `Bearer ${token}` };
    calls.engine.push(prepareRequest(scenario.engine(customer), headers));
    const captured = await services.engine.call<CapturedSql>({ headers, request: scenario.engine(customer) } satisfies CaptureRequest);
    calls.captured.push(captured);
    calls.engineSql.push({ text: captured.text, values: captured.values });
    calls.handSql.push(scenario.handSql(customer));
    calls.postgraphile.push(prepareRequest(scenario.postgraphile(customer)));
  }
  return calls;
}

/** Sends each customer's request once to every target and fails unless all answer the same. */
async function checkParity(scenario: Scenario, calls: Calls, services: Services): Promise<number> {
  let bytes = 0;
  for (let i = 0; i < calls.engine.length; i++) {
    const engineData = await services.engineClient.send(calls.engine[i]!);
    bytes += JSON.stringify(engineData).length;
    expectSame("The engine's captured statement", (JSON.parse(calls.captured[i]!.body) as { data: unknown }).data, engineData);
    expectSame("The engine's SQL run through pg", JSON.parse(await services.direct.run(calls.engineSql[i]!)), engineData);
    expectSame('The hand-written SQL', JSON.parse(await services.direct.run(calls.handSql[i]!)), engineData);
    const postgraphileData = await services.postgraphileClient.send(calls.postgraphile[i]!);
    expectSame('PostGraphile (ids and counts)', scenario.postgraphileFingerprint(postgraphileData), scenario.engineFingerprint(engineData));
  }
  return bytes / calls.engine.length;
}

/**
 * Builds the four targets of a scenario for every customer (the engine's statements captured from
 * the engine itself) and checks that they all return the engine's data before anything is timed.
 */
export async function prepareScenario(scenario: Scenario, customers: TokenCustomer[], services: Services): Promise<PreparedScenario> {
  const calls = await buildCalls(scenario, customers, services);
  const responseBytes = await checkParity(scenario, calls, services);
  return {
    responseBytes,
    tasks: {
      engine: services.engineClient.task(calls.engine),
      engineSql: services.direct.task(calls.engineSql),
      handSql: services.direct.task(calls.handSql),
      postgraphile: services.postgraphileClient.task(calls.postgraphile),
    },
  };
}
