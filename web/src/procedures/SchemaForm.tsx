import { useTranslation } from 'react-i18next';

/** The subset of JSON Schema step forms use: string, integer/number, boolean, enum, array of objects. */
export interface FieldSchema {
  type?: string;
  title?: string;
  description?: string;
  enum?: readonly (string | number)[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  items?: FieldSchema;
  properties?: Record<string, FieldSchema>;
  required?: readonly string[];
}

export type FormValue = string | number | boolean | FormValue[] | { [key: string]: FormValue };

/** An empty value of the schema's shape. */
export function emptyValue(schema: FieldSchema): FormValue {
  if (schema.type === 'object') return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([k, s]) => [k, emptyValue(s)]));
  if (schema.type === 'array') return [];
  if (schema.type === 'boolean') return false;
  return '';
}

/** The form's value as the step expects it: numbers as numbers, blank optional fields left out. */
export function toFormData(schema: FieldSchema, value: FormValue): FormValue | undefined {
  if (schema.type === 'object' && typeof value === 'object' && !Array.isArray(value)) {
    const out: Record<string, FormValue> = {};
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      const converted = toFormData(child, value[key] ?? emptyValue(child));
      if (converted !== undefined) out[key] = converted;
    }
    return out;
  }
  if (schema.type === 'array' && Array.isArray(value)) return value.map((item) => toFormData(schema.items ?? {}, item) ?? '');
  if (schema.type === 'integer' || schema.type === 'number') return value === '' ? undefined : Number(value);
  if (schema.type === 'boolean') return value === true;
  return value === '' ? undefined : value;
}

function label(name: string, schema: FieldSchema): string {
  return schema.title ?? name;
}

/** Renders `schema` (an object schema) as form fields; nested arrays of objects get add/remove rows. */
export function SchemaForm({ schema, value, onChange, idPrefix }: { schema: FieldSchema; value: FormValue; onChange: (value: FormValue) => void; idPrefix: string }) {
  const { t } = useTranslation();
  if (schema.type !== 'object' || typeof value !== 'object' || Array.isArray(value)) return null;
  const required = new Set(schema.required ?? []);
  return (
    <div className="schema-form">
      {Object.entries(schema.properties ?? {}).map(([name, field]) => {
        const id = `${idPrefix}-${name}`;
        const current = value[name] ?? emptyValue(field);
        const set = (next: FormValue) => onChange({ ...value, [name]: next });
        if (field.type === 'array' && field.items?.type === 'object') {
          const rows = Array.isArray(current) ? current : [];
          return (
            <fieldset key={name} className="schema-array">
              <legend className="label">{label(name, field)}</legend>
              {rows.map((row, i) => (
                <div key={i} className="schema-array-row">
                  <SchemaForm schema={field.items ?? {}} value={row} onChange={(next) => set(rows.map((r, j) => (j === i ? next : r)))} idPrefix={`${id}-${i}`} />
                  <button type="button" className="button button-secondary button-small" onClick={() => set(rows.filter((_, j) => j !== i))}>
                    {t('cases.removeRow')}
                  </button>
                </div>
              ))}
              <button type="button" className="button button-secondary button-small" onClick={() => set([...rows, emptyValue(field.items ?? {})])}>
                {t('cases.addRow')}
              </button>
            </fieldset>
          );
        }
        return (
          <div key={name} className="schema-field">
            <label className="label" htmlFor={id}>
              {label(name, field)}
              {required.has(name) ? ' *' : ''}
            </label>
            {field.description !== undefined && <p className="hint">{field.description}</p>}
            {field.enum !== undefined ? (
              <select id={id} name={name} value={String(current)} required={required.has(name)} onChange={(event) => set(event.target.value)}>
                <option value="">—</option>
                {field.enum.map((option) => (
                  <option key={String(option)} value={String(option)}>
                    {String(option)}
                  </option>
                ))}
              </select>
            ) : field.type === 'boolean' ? (
              <input id={id} name={name} type="checkbox" className="checkbox-input" checked={current === true} onChange={(event) => set(event.target.checked)} />
            ) : field.type === 'integer' || field.type === 'number' ? (
              <input id={id} name={name} type="number" step={field.type === 'integer' ? 1 : 'any'} min={field.minimum} max={field.maximum} value={String(current)} required={required.has(name)} onChange={(event) => set(event.target.value)} />
            ) : (field.maxLength ?? 0) > 200 ? (
              <textarea id={id} name={name} rows={3} maxLength={field.maxLength} value={String(current)} required={required.has(name)} onChange={(event) => set(event.target.value)} />
            ) : (
              <input id={id} name={name} maxLength={field.maxLength} value={String(current)} required={required.has(name)} onChange={(event) => set(event.target.value)} />
            )}
          </div>
        );
      })}
    </div>
  );
}
