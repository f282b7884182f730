// electron-builder.yml, read and checked against electron-builder's own JSON schema (app-builder-lib/scheme.json,
// the schema electron-builder validates with) before anything is built or uploaded.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BUILDER_CONFIG = path.join(ROOT, 'electron-builder.yml');

export function loadBuilderConfig(file = BUILDER_CONFIG): Record<string, unknown> {
  return load(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
}

let validator: ValidateFunction | null = null;

function builderValidator(): ValidateFunction {
  const schemaPath = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json');
  // strict off: the schema uses keywords of its own generator that ajv would otherwise reject.
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(
    JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object,
  );
  return validator;
}

/** The schema's problems with this config, one line each; empty when electron-builder would accept it. */
export function builderConfigProblems(config: unknown): string[] {
  const validate = builderValidator();
  if (validate(config)) return [];
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || '(root)'} ${error.message ?? ''}${error.params && 'additionalProperty' in error.params ? `: ${String(error.params.additionalProperty)}` : ''}`,
  );
}
