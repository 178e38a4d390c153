import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importGraph, packageImports } from './helpers/importGraph';

/**
 * The engine is pure: it reaches files, and the syntax of their paths, only through the
 * FileSystem port (engine/fileSystem.ts, engine/paths.ts), so it runs the same under the
 * CLI, the language server and in-memory tests, and never resolves against the process's
 * working directory. It imports no Node built-in and no editor or LSP library.
 */
const engine = fileURLToPath(new URL('../server/src/engine', import.meta.url));
const BUILTINS = new Set(builtinModules);
/**
 * The libraries the engine is built on: the YAML parser and, for the validators compiled at
 * build time, ajv's types, its run-time helpers and ajv-formats' formats.
 */
const ENGINE_LIBRARIES = new Set(['yaml', 'ajv/dist/2020', 'ajv/dist/runtime/equal', 'ajv/dist/runtime/ucs2length', 'ajv-formats/dist/formats']);

const isBuiltin = (specifier: string) => specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0]);

describe('the engine', () => {
  const imports = packageImports(engine);

  it('is read whole (the check is real)', () => {
    expect(imports.get('config.ts')).toContain('yaml');
    expect(isBuiltin('node:path')).toBe(true);
    expect(isBuiltin('fs')).toBe(true);
    expect(isBuiltin('child_process')).toBe(true);
    expect(isBuiltin('yaml')).toBe(false);
  });

  it('imports no Node built-in module: files and paths go through the FileSystem port', () => {
    const offenders = [...imports].flatMap(([file, specifiers]) => specifiers.filter(isBuiltin).map((s) => `${file}: ${s}`));
    expect(offenders).toEqual([]);
  });

  it('imports no library besides the YAML parser and the schema validator (no vscode, no LSP)', () => {
    const offenders = [...imports].flatMap(([file, specifiers]) => specifiers.filter((s) => !isBuiltin(s) && !ENGINE_LIBRARIES.has(s)).map((s) => `${file}: ${s}`));
    expect(offenders).toEqual([]);
  });

  it('reads nothing of the process: no working directory, environment or arguments', () => {
    const offenders = [...importGraph(engine).keys()].filter((file) => /\bprocess\.\w+/.test(readFileSync(join(engine, file), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('imports no TypeScript module outside its folder but the shared file roles', () => {
    const graph = importGraph(fileURLToPath(new URL('../server/src', import.meta.url)));
    const outward = [...graph]
      .filter(([file]) => file.startsWith('engine/'))
      .flatMap(([file, targets]) => targets.filter((t) => !t.startsWith('engine/')).map((t) => `${file} -> ${t}`));
    expect(outward.map((edge) => edge.split(' -> ')[1]).filter((t) => t !== 'fileRoles.ts')).toEqual([]);
  });
});
