import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { formatInstant, formatInstantNear, messageFromCatalog, resolveUiLanguage, uiLanguage, wallClockOf, type Catalog } from '../../lib/i18n';
import en from '../../public/_locales/en/messages.json';
import zhCN from '../../public/_locales/zh_CN/messages.json';
import zhTW from '../../public/_locales/zh_TW/messages.json';

/** Issue 15 review: dates and times follow the UI language on every surface, through lib/i18n/format-instant.ts. */

const AT = new Date('2026-12-05T16:05:00Z'); // a Saturday

describe('formatInstant writes the UI language, 12 or 24 hours as that language does', () => {
  it.each([
    ['en-US', 'Sat, Dec 5, 16:05', '16:05', 'Sat 16:05'],
    ['en-GB', 'Sat 5 Dec, 16:05', '16:05', 'Sat 16:05'],
    ['zh-CN', '12月5日周六 16:05', '16:05', '周六16:05'],
    ['zh-TW', '12月5日週六 下午4:05', '下午4:05', '週六下午4:05'],
  ])('%s', (locale, dateTime, time, weekdayTime) => {
    expect(formatInstant(AT, 'UTC', locale)).toBe(dateTime);
    expect(formatInstant(AT, 'UTC', locale, 'time')).toBe(time);
    expect(formatInstant(AT, 'UTC', locale, 'weekdayTime')).toBe(weekdayTime);
  });

  it('zh-TW is never written in English nor on a 24-hour clock', () => {
    const text = formatInstant(AT, 'Asia/Taipei', 'zh-TW'); // 00:05 on Sunday in Taipei
    expect(text).toMatch(/12月6日/);
    expect(text).toMatch(/週日/);
    expect(text).toMatch(/上午12:05/);
    expect(text).not.toMatch(/[A-Za-z]/);
  });

  it('a notification time is the time alone on the same local day, else with its weekday', () => {
    expect(formatInstantNear(AT, new Date('2026-12-05T09:00:00Z'), 'UTC', 'en-US')).toBe('16:05');
    expect(formatInstantNear(AT, new Date('2026-12-04T23:00:00Z'), 'UTC', 'en-US')).toBe('Sat 16:05');
    expect(formatInstantNear(AT, new Date('2026-12-05T09:00:00Z'), 'UTC', 'zh-CN')).toBe('16:05');
    expect(formatInstantNear(AT, new Date('2026-12-05T09:00:00Z'), 'Asia/Shanghai', 'zh-CN')).toBe('周日00:05');
  });

  it('wallClockOf reads the hour and minute in a zone, whatever the UI language', () => {
    expect(wallClockOf(AT, 'Asia/Kolkata')).toEqual({ hour: 21, minute: 35 });
    expect(wallClockOf(new Date('2026-12-05T00:05:00Z'), 'UTC')).toEqual({ hour: 0, minute: 5 });
  });
});

describe('uiLanguage: the language the words are in', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['the browser language when the translation is the same language', 'en-GB', 'en', 'en-GB'],
    ['the browser language when no translation is in use (English words)', 'fr-FR', 'en', 'fr-FR'],
    ['the browser language for a regional variant of the translation', 'zh-HK', 'zh-TW', 'zh-HK'],
    ["the translation's when the browser shows one of another language", 'en-US', 'zh-TW', 'zh-TW'],
    ['the browser language when the translation does not say', 'de-DE', '', 'de-DE'],
  ])('%s', (_rule, browserLanguage, catalogTag, expected) => {
    expect(resolveUiLanguage(browserLanguage, catalogTag)).toBe(expected);
  });

  it.each([
    ['en', en, 'en-US'],
    ['zh_CN', zhCN, 'zh-CN'],
    ['zh_TW', zhTW, 'zh-TW'],
  ] as const)('with the %s messages shown and getUILanguage() saying en-US (headless Chromium), dates follow the messages', (_name, catalog, expected) => {
    fakeBrowser.i18n.getUILanguage = () => 'en-US';
    fakeBrowser.i18n.getMessage = (key: string, subs?: string | string[]) => messageFromCatalog(catalog as Catalog, key, subs);
    expect(uiLanguage()).toBe(expected);
  });
});
