import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The graph of relative imports between the TypeScript files under a directory, read with the
 * compiler's own import scanner (type-only imports and re-exports count: they tie two modules
 * together as much as value imports do).
 */
export type ImportGraph = Map<string, string[]>;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(dirname(from), specifier);
  return [`${base}.ts`, join(base, 'index.ts')].find((candidate) => existsSync(candidate));
}

/** Files are keyed by their path relative to `root`. */
export function importGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map((imported) => resolveImport(file, imported.fileName))
      .filter((target): target is string => target !== undefined && target.startsWith(root))
      .map((target) => relative(root, target));
    graph.set(relative(root, file), [...new Set(targets)]);
  }
  return graph;
}

/** The package and built-in modules (specifiers not starting with `.`) each TypeScript file under `root` imports, keyed as in importGraph. */
export function packageImports(root: string): Map<string, string[]> {
  const imports = new Map<string, string[]>();
  for (const file of sourceFiles(root)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    imports.set(relative(root, file), importedFiles.map((imported) => imported.fileName).filter((name) => !name.startsWith('.')));
  }
  return imports;
}

/**
 * The strongly connected components with more than one file, or a file importing itself
 * (Tarjan's algorithm, linear in files plus imports): each is an import cycle.
 */
export function importCycles(graph: ImportGraph): string[][] {
  const indexOf = new Map<string, number>();
  const lowOf = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  let next = 0;
  const visit = (file: string): void => {
    indexOf.set(file, next);
    lowOf.set(file, next);
    next++;
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!indexOf.has(target)) {
        visit(target);
        lowOf.set(file, Math.min(lowOf.get(file)!, lowOf.get(target)!));
      } else if (onStack.has(target)) {
        lowOf.set(file, Math.min(lowOf.get(file)!, indexOf.get(target)!));
      }
    }
    if (lowOf.get(file) !== indexOf.get(file)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    if (component.length > 1 || graph.get(file)?.includes(file)) cycles.push(component.sort());
  };
  for (const file of [...graph.keys()].sort()) if (!indexOf.has(file)) visit(file);
  return cycles;
}
