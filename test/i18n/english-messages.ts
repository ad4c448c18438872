import { fakeBrowser } from 'wxt/testing';
import { messageFromCatalog, type Catalog } from '../../lib/i18n';
import en from '../../public/_locales/en/messages.json';

/**
 * The fake browser does not implement i18n; this makes `t()` answer from the English catalog
 * (with the browser's substitution rules) so component tests read and assert real text.
 * Call it in `beforeEach`, after `fakeBrowser.reset()`.
 */
export function useEnglishMessages(language = 'en'): void {
  const catalog: Catalog = en;
  fakeBrowser.i18n.getMessage = (key: string, subs?: string | string[]) => messageFromCatalog(catalog, key, subs);
  fakeBrowser.i18n.getUILanguage = () => language;
}
