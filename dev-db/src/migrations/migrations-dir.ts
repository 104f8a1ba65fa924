import { fileURLToPath } from 'node:url';

/** The repository's `migrations/` folder (Hasura CLI layout: `default/<version>_<name>/`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../../migrations', import.meta.url));
