import { describe, expect, test } from 'vitest';
import { addEdge, cycles } from '../src/layout/cycles.ts';
import { importEdges, importSpecifiers, workspaceOf, type ImportEdge } from '../src/layout/import-graph.ts';
import { readWorkspaces, sourceFiles, type Workspace } from '../src/layout/source-files.ts';

/**
 * The layout is the architecture (README: "Workspaces and who may import whom"): these checks keep
 * it true as code is added.
 */
const workspaces = readWorkspaces();
const edges = importEdges(sourceFiles(), workspaces);
const byName = new Map(workspaces.map((workspace) => [workspace.name, workspace]));
const describeEdge = (edge: ImportEdge) => `${edge.from} imports '${edge.specifier}'`;
const isPortalPackage = (specifier: string) => /^@portal\/[^/]+/.test(specifier);
const packageOf = (specifier: string) => /^@portal\/[^/]+/.exec(specifier)![0];
const declares = (workspace: Workspace, name: string) => name in workspace.dependencies || name in workspace.devDependencies;

describe('the checks themselves', () => {
  test('read every form of import', () => {
    const text = [
      "import a from './a.ts';",
      "import { b } from '@portal/common';",
      "export { c } from '../c.ts';",
      "import './side-effect.ts';",
      "const d = await import('./d.ts');",
      "import type {\n  E,\n} from './e.ts';",
    ].join('\n');
    expect(importSpecifiers(text)).toEqual(['./a.ts', '@portal/common', '../c.ts', './side-effect.ts', './d.ts', './e.ts']);
  });

  test('find a circle, and only circles', () => {
    const graph = new Map<string, Set<string>>();
    for (const [from, to] of [['a', 'b'], ['b', 'c'], ['c', 'a'], ['c', 'd'], ['e', 'e']] as const) addEdge(graph, from, to);
    expect(cycles(graph)).toEqual(expect.arrayContaining([['a', 'b', 'c'], ['e']]));
    expect(cycles(graph)).toHaveLength(2);
  });

  test('see the workspaces and many imports', () => {
    expect(workspaces.map((workspace) => workspace.folder)).toEqual(expect.arrayContaining(['common', 'dev-db', 'hasura', 'actions', 'web', 'seed']));
    expect(edges.length).toBeGreaterThan(500);
  });
});

describe('workspace boundaries', () => {
  test('no relative import leaves its workspace', () => {
    const leaving = edges.filter((edge) => {
      const workspace = workspaceOf(edge.from, workspaces);
      return workspace && edge.specifier.startsWith('.') && !edge.to!.startsWith(`${workspace.folder}/`);
    });
    expect(leaving.map(describeEdge)).toEqual([]);
  });

  test('a workspace is imported only through what its package.json exports, and by those that declare it', () => {
    const problems = edges.filter((edge) => isPortalPackage(edge.specifier)).flatMap((edge) => {
      const imported = byName.get(packageOf(edge.specifier));
      if (!imported || edge.to === null) return [`${describeEdge(edge)}: not an export of a workspace`];
      const importer = workspaceOf(edge.from, workspaces);
      if (importer && importer !== imported && !declares(importer, imported.name)) return [`${describeEdge(edge)}: ${importer.folder}/package.json does not declare ${imported.name}`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  test('the action server and the web run beside real Hasura: neither depends on the engine', () => {
    for (const folder of ['actions', 'web']) {
      const workspace = workspaces.find((candidate) => candidate.folder === folder)!;
      expect(declares(workspace, '@portal/hasura'), `${folder}/package.json`).toBe(false);
      expect(edges.filter((edge) => edge.from.startsWith(`${folder}/`) && edge.to?.startsWith('hasura/')).map(describeEdge)).toEqual([]);
    }
  });

  test('the integrator example is copied out of the project: its source imports no workspace', () => {
    const fromExample = edges.filter((edge) => edge.from.startsWith('examples/integrator/src/'));
    expect(fromExample.length).toBeGreaterThan(3);
    const reaching = fromExample.filter((edge) => isPortalPackage(edge.specifier) || (edge.to !== null && !edge.to.startsWith('examples/integrator/')));
    expect(reaching.map(describeEdge)).toEqual([]);
  });

  test('the engine serves a given database: its source never starts one, seeds or uses test support', () => {
    const reaching = edges.filter((edge) => edge.from.startsWith('hasura/src/') && /^(dev-db|seed|test-support)\//.test(edge.to ?? ''));
    expect(reaching.map(describeEdge)).toEqual([]);
  });

  test('no two workspaces depend on each other, directly or around a circle', () => {
    const graph = new Map<string, Set<string>>();
    for (const workspace of workspaces) {
      for (const name of Object.keys(workspace.dependencies)) if (byName.has(name)) addEdge(graph, workspace.name, name);
    }
    expect(cycles(graph)).toEqual([]);
  });
});

describe('import circles', () => {
  test('no file reaches itself through its imports', () => {
    const graph = new Map<string, Set<string>>();
    for (const edge of edges) if (edge.to !== null) addEdge(graph, edge.from, edge.to);
    expect(cycles(graph)).toEqual([]);
  });

  test("inside each workspace's src/, the folders import one way", () => {
    const folderOf = (path: string) => {
      const [top, src, folder, file] = path.split('/');
      return src === 'src' && file !== undefined ? `${top}/src/${folder}/` : null;
    };
    const graph = new Map<string, Set<string>>();
    for (const edge of edges) {
      const from = folderOf(edge.from);
      const to = edge.to && folderOf(edge.to);
      if (from && to && from !== to && from.split('/')[0] === to.split('/')[0]) addEdge(graph, from, to);
    }
    expect(cycles(graph)).toEqual([]);
  });
});
