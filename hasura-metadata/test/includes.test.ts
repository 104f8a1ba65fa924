import { describe, expect, test } from 'vitest';
import { MetadataLoadError, readMetadataDirectory } from '../src/index.ts';
import { MINIMAL_METADATA, scratchDirectory, writeFiles } from '@portal/test-support';

function metadataWith(files: Record<string, string>): string {
  const dir = scratchDirectory();
  writeFiles(dir, { ...MINIMAL_METADATA, ...files });
  return dir;
}

function tablesOf(dir: string): unknown {
  const sources = readMetadataDirectory(dir).json.sources as { tables: unknown }[];
  return sources[0]!.tables;
}

function loadError(dir: string): MetadataLoadError {
  try {
    readMetadataDirectory(dir);
  } catch (error) {
    if (error instanceof MetadataLoadError) return error;
    throw error;
  }
  throw new Error('expected the metadata to be refused');
}

describe('!include', () => {
  test('databases.yaml paths are relative to metadata/databases, included files to their own folder', () => {
    const dir = metadataWith({
      'databases/default/tables/tables.yaml': '- "!include public_a.yaml"\n- "!include nested/public_b.yaml"\n',
      'databases/default/tables/public_a.yaml': 'table:\n  name: a\n  schema: public\n',
      'databases/default/tables/nested/public_b.yaml': 'table: !include ../names/b.yaml\n',
      'databases/default/tables/names/b.yaml': 'name: b\nschema: public\n',
    });
    expect(tablesOf(dir)).toEqual([{ table: { name: 'a', schema: 'public' } }, { table: { name: 'b', schema: 'public' } }]);
  });

  test('the YAML tag form and the quoted string form are both includes', () => {
    const dir = metadataWith({
      'databases/databases.yaml': MINIMAL_METADATA['databases/databases.yaml']!.replace(
        'tables: "!include default/tables/tables.yaml"',
        'tables: !include default/tables/tables.yaml',
      ),
      'databases/default/tables/tables.yaml': "- !include public_a.yaml\n- '\"!include public_b.yaml\"'\n",
      'databases/default/tables/public_a.yaml': 'table: {name: a, schema: public}\n',
      'databases/default/tables/public_b.yaml': 'table: {name: b, schema: public}\n',
    });
    expect(tablesOf(dir)).toEqual([{ table: { name: 'a', schema: 'public' } }, { table: { name: 'b', schema: 'public' } }]);
  });

  test('a file that is not .yaml is inlined as text', () => {
    const dir = metadataWith({
      'databases/default/tables/tables.yaml': '- table: {name: a, schema: public}\n  configuration:\n    comment: "!include comment.txt"\n',
      'databases/default/tables/comment.txt': 'Orders placed by customers\n',
    });
    expect(tablesOf(dir)).toEqual([{ table: { name: 'a', schema: 'public' }, configuration: { comment: 'Orders placed by customers\n' } }]);
  });

  test('every node remembers the file it came from', () => {
    const dir = metadataWith({
      'databases/default/tables/tables.yaml': '- "!include public_a.yaml"\n',
      'databases/default/tables/public_a.yaml': [
        'table:',
        '  name: a',
        '  schema: public',
        'select_permissions:',
        '  - role: staff',
        '    permission:',
        '      columns: [id]',
        '      filter: {}',
        '',
      ].join('\n'),
    });
    const { sourceMap } = readMetadataDirectory(dir);
    expect(sourceMap.locate(['sources', 0, 'tables', 0, 'select_permissions', 0, 'permission', 'filter'])).toEqual({
      file: 'databases/default/tables/public_a.yaml',
      path: ['select_permissions', 0, 'permission', 'filter'],
      line: 8,
    });
    expect(sourceMap.locate(['sources', 0, 'configuration'])).toMatchObject({
      file: 'databases/databases.yaml',
      path: [0, 'configuration'],
      line: 4,
    });
    expect(sourceMap.locate(['sources', 0, 'tables'])).toMatchObject({ file: 'databases/default/tables/tables.yaml', path: [] });
  });

  test('a missing include names the including file and path', () => {
    const dir = metadataWith({ 'databases/default/tables/tables.yaml': '- "!include public_gone.yaml"\n' });
    const error = loadError(dir);
    expect(error.location).toEqual({ file: 'databases/default/tables/tables.yaml', path: [0] });
    expect(error.message).toContain('file not found: databases/default/tables/public_gone.yaml');
  });

  test('an include cycle is refused instead of recursing forever', () => {
    const dir = metadataWith({
      'databases/default/tables/tables.yaml': '- "!include public_a.yaml"\n',
      'databases/default/tables/public_a.yaml': 'table: {name: a}\nconfiguration: "!include tables.yaml"\n',
    });
    expect(loadError(dir).message).toContain('!include cycle');
  });

  test('as in the CLI, strings outside tables and functions are left alone, but an !include tag there is refused', () => {
    const plain = metadataWith({ 'remote_schemas.yaml': '- name: "!include not-a-file.yaml"\n' });
    expect(readMetadataDirectory(plain).json.remote_schemas).toEqual([{ name: '!include not-a-file.yaml' }]);
    const tagged = metadataWith({ 'cron_triggers.yaml': '- name: !include cron.yaml\n' });
    expect(loadError(tagged).location).toMatchObject({ file: 'cron_triggers.yaml', path: [0, 'name'] });
  });
});

describe('assembly', () => {
  test('empty top-level files are left out, as export_metadata leaves them out', () => {
    const dir = metadataWith({
      'api_limits.yaml': '{}\n',
      'graphql_schema_introspection.yaml': 'disabled_for_roles: []\n',
      'inherited_roles.yaml': '[]\n',
      'cron_triggers.yaml': '- name: nightly\n  webhook: http://x\n  schedule: "0 0 * * *"\n  include_in_metadata: true\n',
    });
    const { json } = readMetadataDirectory(dir);
    expect(Object.keys(json)).toEqual(['version', 'sources', 'cron_triggers']);
  });
});
