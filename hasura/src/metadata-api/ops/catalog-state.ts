import { z } from 'zod';
import { ensureCatalog } from '@portal/common/postgres';
import { quoteIdentifier } from '@portal/common/postgres';
import { parseArgs } from '../doc/args.ts';
import { SUCCESS, type Operation } from '../operation.ts';

/**
 * The CLI's and console's state, kept where Hasura keeps it: `hdb_catalog.hdb_version`. The
 * migrator writes the same `cli_state`, so `hasura migrate status` agrees with `npm run migrate`.
 */
export const getCatalogState: Operation = async (_args, { change }) => {
  const client = await change.engine.pool.connect();
  try {
    await ensureCatalog(client);
    const result = await client.query<{ id: string; cli_state: unknown; console_state: unknown }>(
      'select hasura_uuid::text as id, cli_state, console_state from hdb_catalog.hdb_version',
    );
    return result.rows[0];
  } finally {
    client.release();
  }
};

const setArgs = z.object({ type: z.enum(['cli', 'console']), state: z.record(z.string(), z.unknown()) });

export const setCatalogState: Operation = async (args, { change, path }) => {
  const { type, state } = parseArgs(setArgs, args, `${path}.args`);
  const client = await change.engine.pool.connect();
  try {
    await ensureCatalog(client);
    const column = type === 'cli' ? 'cli_state' : 'console_state';
    await client.query(`update hdb_catalog.hdb_version set ${quoteIdentifier(column)} = $1`, [JSON.stringify(state)]);
    return SUCCESS;
  } finally {
    client.release();
  }
};
