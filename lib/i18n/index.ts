export { t, uiLanguage } from './t';
export type { MessageKey, Substitutions } from './t';
export { messageFromCatalog } from './catalog-message';
export type { Catalog, CatalogEntry } from './catalog-message';
