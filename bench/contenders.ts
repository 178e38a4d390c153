import { Document as SpectralDocument, Spectral } from '@stoplight/spectral-core';
import { schema as schemaFunction } from '@stoplight/spectral-functions';
import * as SpectralParsers from '@stoplight/spectral-parsers';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineCounter, parseDocument } from 'yaml';
import { getLanguageService } from 'yaml-language-server';
import planSchema from '../schemas/plan.schema.json';
import { MemoryFileSystem } from '../server/src/engine/fileSystem';
import { lintText, type LintResult } from '../server/src/engine/lint';

/**
 * What the benchmark compares, each checking one plan text:
 * - the floor: `yaml`'s parseDocument with a LineCounter, the least any YAML linter with
 *   positions must do;
 * - our full lint: parse, schema, imports, scheduling and every rule (`extends: all`);
 * - yaml-language-server's validation against our plan schema, through its API;
 * - Spectral with a ruleset whose one rule applies our plan schema to the document.
 */

const PLAN_PATH = '/bench/plan.rollout.yaml';

export function floorParse(text: string): unknown {
  return parseDocument(text, { lineCounter: new LineCounter() });
}

/** Every rule on, as `extends: all` sets them: the most work a lint does. */
const fs = new MemoryFileSystem({ '/bench/.crm-rollout.yaml': 'extends: all\n' });

/** A full lint, parse included. */
export function ourLint(text: string, path = PLAN_PATH): LintResult {
  return lintText(path, text, { fs, asOf: '2027-03-01' });
}

export function createYamlLanguageServer(): (text: string) => Promise<unknown[]> {
  const service = getLanguageService({
    schemaRequestService: (uri) => Promise.reject(new Error(`the benchmark serves no schema from ${uri}`)),
    workspaceContext: { resolveRelativePath: (relative) => relative },
  });
  service.configure({
    validate: true,
    hover: false,
    completion: false,
    format: false,
    schemas: [{ uri: 'file:///bench/plan.schema.json', fileMatch: ['*.rollout.yaml'], schema: planSchema as never }],
  });
  let version = 0;
  // One URI, a new version each time: the service caches parses by URI and version.
  return (text) => service.doValidation(TextDocument.create('file:///bench/plan.rollout.yaml', 'yaml', ++version, text), false);
}

export function createSpectral(): (text: string) => Promise<unknown[]> {
  const spectral = new Spectral();
  spectral.setRuleset({
    rules: {
      'plan-schema': {
        given: '$',
        severity: 'error',
        then: { function: schemaFunction, functionOptions: { schema: planSchema as Record<string, unknown>, dialect: 'draft2020-12', allErrors: true } },
      },
    },
  } as never);
  return (text) => spectral.run(new SpectralDocument(text, SpectralParsers.Yaml, PLAN_PATH));
}
