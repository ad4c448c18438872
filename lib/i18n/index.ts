export { t, uiLanguage } from './t';
export type { MessageKey, Substitutions } from './t';
export { messageFromCatalog } from './catalog-message';
export type { Catalog, CatalogEntry } from './catalog-message';
export { formatInstant, browserTimeZone } from './format-instant';
export type { InstantStyle } from './format-instant';
