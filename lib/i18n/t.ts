/**
 * The one way UI code gets user-visible text. Keys are checked against the English catalog at
 * compile time (a type-only import: the JSON is not bundled).
 */

export type MessageKey = keyof typeof import('../../public/_locales/en/messages.json');

/** Substitutions fill `$1`..`$9` (or named placeholders whose content is `$n`), in order. */
export type Substitutions = string | number | ReadonlyArray<string | number>;

function asStrings(subs: Substitutions | undefined): string[] | undefined {
  if (subs === undefined) return undefined;
  return (Array.isArray(subs) ? subs : [subs]).map(String);
}

/**
 * The localized text for `key`. A key missing from the catalog returns the key itself, so a
 * forgotten message shows up in review instead of as a blank label.
 */
export function t(key: MessageKey, substitutions?: Substitutions): string {
  const text = browser.i18n.getMessage(key, asStrings(substitutions));
  return text === '' ? key : text;
}

/**
 * The language dates and numbers are written in: the browser's UI language, except where the
 * browser shows this extension in a translation of another language, and then that translation's
 * (headless Chromium picks the zh_TW catalog from `--lang` yet `getUILanguage()` says 'en-US').
 * `catalogTag` is the tag the translation in use declares ('' when unknown).
 */
export function resolveUiLanguage(browserLanguage: string, catalogTag: string): string {
  const primary = (tag: string) => tag.split(/[-_]/)[0]?.toLowerCase() ?? '';
  if (catalogTag === '' || catalogTag === 'en' || primary(catalogTag) === primary(browserLanguage)) return browserLanguage;
  return catalogTag;
}

/** The UI language (BCP 47, e.g. 'zh-CN') for Intl date and number formatting: see resolveUiLanguage. */
export function uiLanguage(): string {
  return resolveUiLanguage(browser.i18n.getUILanguage(), browser.i18n.getMessage('uiLocaleTag'));
}
