// Reading an i18next language file for the specs that compare English and Hindi (counter and dashboard).

export type Texts = { [key: string]: string | Texts };

/** Every text by its dotted key: { a: { b: 'x' } } → "a.b" → "x". */
export function flatten(texts: Texts, prefix = ''): Map<string, string> {
  const flat = new Map<string, string>();
  for (const [key, value] of Object.entries(texts)) {
    if (typeof value === 'string') flat.set(prefix + key, value);
    else for (const [inner, text] of flatten(value, `${prefix}${key}.`)) flat.set(inner, text);
  }
  return flat;
}

/** The {{blanks}} a text fills, sorted, so two languages can be compared. */
export const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
