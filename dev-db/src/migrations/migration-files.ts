import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One folder of a Hasura CLI project: `migrations/<source>/<version>_<name>/{up,down}.sql`. */
export interface MigrationFile {
  version: string;
  name: string;
  up: string;
  down: string | null;
}

const FOLDER = /^(\d{1,19})_([A-Za-z0-9_-]+)$/;

/** Reads a source's migrations in version order (numeric, as the Hasura CLI orders them). */
export function readMigrations(migrationsDir: string, source = 'default'): MigrationFile[] {
  const dir = join(migrationsDir, source);
  if (!existsSync(dir)) throw new Error(`no migrations folder for source "${source}": ${dir}`);
  const migrations = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => {
      const match = FOLDER.exec(entry.name);
      if (!match) throw new Error(`migration folder "${entry.name}" is not <version>_<name>`);
      const upPath = join(dir, entry.name, 'up.sql');
      const downPath = join(dir, entry.name, 'down.sql');
      if (!existsSync(upPath)) throw new Error(`migration ${entry.name} has no up.sql`);
      return {
        version: match[1]!,
        name: match[2]!,
        up: readFileSync(upPath, 'utf8'),
        down: existsSync(downPath) ? readFileSync(downPath, 'utf8') : null,
      };
    });
  migrations.sort((a, b) => (BigInt(a.version) < BigInt(b.version) ? -1 : 1));
  for (let i = 1; i < migrations.length; i++) {
    if (migrations[i]!.version === migrations[i - 1]!.version) {
      throw new Error(`two migrations share version ${migrations[i]!.version}`);
    }
  }
  return migrations;
}
