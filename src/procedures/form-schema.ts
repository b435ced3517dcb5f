import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';

// One validator for every form schema. Strict mode refuses unknown keywords
// and ambiguous schemas, so a typo in a definition is caught by the static
// checks instead of silently accepting any form. `addUsedSchema: false` keeps a
// form schema's `$id` from leaking into other definitions.
const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true, addUsedSchema: false });
ajvFormats.default(ajv);

const compiled = new WeakMap<object, ValidateFunction>();

function compile(schema: Readonly<Record<string, unknown>>): ValidateFunction {
  const cached = compiled.get(schema);
  if (cached !== undefined) return cached;
  const validate = ajv.compile(schema);
  // Ajv caches by schema object with strong references; drop that so a
  // long-running node does not keep every definition it ever saw.
  ajv.removeSchema(schema);
  compiled.set(schema, validate);
  return validate;
}

/** Ajv errors as short, stable lines: `/points must be integer`. */
function formatSchemaErrors(errors: readonly ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => `${error.instancePath === '' ? '(form)' : error.instancePath} ${error.message ?? error.keyword}`);
}

/**
 * Why a form schema is not usable, or `undefined` when it is: it must be a
 * valid draft-07 JSON Schema that compiles in strict mode.
 */
export function formSchemaProblem(schema: Readonly<Record<string, unknown>>): string | undefined {
  if (ajv.validateSchema(schema) !== true) return formatSchemaErrors(ajv.errors).join('; ');
  try {
    compile(schema);
    return undefined;
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The reasons `data` fails `schema`; empty when it passes. Never throws. */
export function validateForm(schema: Readonly<Record<string, unknown>>, data: unknown): string[] {
  let validate: ValidateFunction;
  try {
    validate = compile(schema);
  } catch (error: unknown) {
    return [`form schema does not compile: ${error instanceof Error ? error.message : String(error)}`];
  }
  return validate(data) ? [] : formatSchemaErrors(validate.errors);
}
