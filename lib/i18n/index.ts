export { resolveUiLanguage, t, uiLanguage } from './t';
export type { MessageKey, Substitutions } from './t';
export { messageFromCatalog } from './catalog-message';
export type { Catalog, CatalogEntry } from './catalog-message';
export { browserTimeZone, formatInstant, formatInstantNear, wallClockOf } from './format-instant';
export type { InstantStyle } from './format-instant';
