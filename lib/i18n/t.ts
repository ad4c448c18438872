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

/** The browser's UI language (BCP 47, e.g. 'zh-CN'), for Intl date and number formatting. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
