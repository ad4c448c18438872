import { describe, expect, it } from 'vitest';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import zhTW from '../../public/_locales/zh_TW/messages.json';

/** Every string exists in English, Simplified and Traditional Chinese, with the same substitutions. */
const placeholders = (text: string) => [...text.matchAll(/\$[1-9]/g)].map((match) => match[0]).sort();

describe.each([
  ['zh_CN', zhCN as Record<string, { message: string }>],
  ['zh_TW', zhTW as Record<string, { message: string }>],
])('%s', (_locale, catalog) => {
  const english = en as Record<string, { message: string }>;
  it('has every English key and no other', () => {
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(english).sort());
  });
  it('fills the same $n substitutions as English', () => {
    const differing = Object.keys(english).filter((key) => catalog[key] && placeholders(catalog[key].message).join() !== placeholders(english[key]!.message).join());
    expect(differing).toEqual([]);
  });
});
