/**
 * The substitution rules of `browser.i18n.getMessage`, over a messages.json catalog.
 * Used where the browser's own lookup is unavailable (unit tests with the fake browser), so
 * tests render the same English text users see instead of bare keys.
 */

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalog = Record<string, CatalogEntry>;

function replacePositional(text: string, subs: readonly string[]): string {
  // `$1`..`$9` pick a substitution, `$$` is a literal dollar; both Chrome and Firefox do this.
  return text.replace(/\$(\$|[1-9])/g, (_match, token: string) => (token === '$' ? '$' : (subs[Number(token) - 1] ?? '')));
}

export function messageFromCatalog(catalog: Catalog, key: string, substitutions?: string | readonly string[]): string {
  const entry = catalog[key];
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : typeof substitutions === 'string' ? [substitutions] : substitutions;
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), replacePositional(p.content, subs)]),
  );
  const named = entry.message.replace(/\$([a-zA-Z0-9_@]+)\$/g, (match, name: string) => placeholders[name.toLowerCase()] ?? match);
  return replacePositional(named, subs);
}
