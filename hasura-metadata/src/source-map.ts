import { isPathPrefix, type JsonPath } from './json-path.ts';
import type { SourceLocation } from './problems.ts';
import { lineAt, type YamlFile } from './yaml-file.ts';

interface Mount {
  /** Where in the assembled metadata the file's content (or part of it) appears. */
  at: JsonPath;
  file: string;
  /** The matching path inside the file. */
  base: JsonPath;
  /** For files that are not YAML (actions.graphql): the line of the definition. */
  line?: number;
}

/**
 * Remembers which file, and which path in it, every part of the assembled metadata came from.
 * Files are mounted at paths; a node belongs to the deepest mount above it.
 */
export class SourceMap {
  private readonly mounts: Mount[] = [];
  private readonly yamlFiles = new Map<string, YamlFile>();

  addYamlFile(yamlFile: YamlFile): void {
    this.yamlFiles.set(yamlFile.file, yamlFile);
  }

  mount(at: JsonPath, file: string, base: JsonPath = [], line?: number): void {
    this.mounts.push(line === undefined ? { at, file, base } : { at, file, base, line });
  }

  /** Every file that contributed to the metadata, in the order they were read. */
  files(): string[] {
    return [...new Set(this.mounts.map((mount) => mount.file))];
  }

  locate(path: JsonPath): SourceLocation {
    let best: Mount | undefined;
    for (const mount of this.mounts) {
      if (isPathPrefix(mount.at, path) && (!best || mount.at.length >= best.at.length)) best = mount;
    }
    if (!best) return { file: '(assembled metadata)', path };
    const inFile = [...best.base, ...path.slice(best.at.length)];
    const yamlFile = this.yamlFiles.get(best.file);
    const line = yamlFile ? lineAt(yamlFile, inFile) : best.line;
    return line === undefined ? { file: best.file, path: inFile } : { file: best.file, path: inFile, line };
  }
}
