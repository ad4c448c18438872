import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { messageFromCatalog, t, type Catalog } from '../../lib/i18n';
import { useEnglishMessages } from './english-messages';

const catalog: Catalog = {
  plain: { message: 'Escalation Watch' },
  positional: { message: 'Level $1 at $2' },
  named: { message: 'Due $WHEN$ ($ZONE$)', placeholders: { when: { content: '$1' }, zone: { content: '$2' } } },
  dollar: { message: 'Costs $$5' },
};

describe('messageFromCatalog follows the browser substitution rules', () => {
  it.each([
    ['a message without substitutions is returned as is', 'plain', undefined, 'Escalation Watch'],
    ['$1 and $2 are filled in order', 'positional', ['2', '16:00'], 'Level 2 at 16:00'],
    ['a single string fills $1', 'positional', '3', 'Level 3 at '],
    ['named placeholders take their $n content, case-insensitively', 'named', ['18:00', 'Asia/Shanghai'], 'Due 18:00 (Asia/Shanghai)'],
    ['$$ is a literal dollar sign', 'dollar', undefined, 'Costs $5'],
    ['an unknown key gives the empty string, as the browser does', 'missing', undefined, ''],
  ] as const)('%s', (_rule, key, subs, expected) => {
    expect(messageFromCatalog(catalog, key, subs)).toBe(expected);
  });
});

describe('t()', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    useEnglishMessages();
  });

  it('answers from the catalog', () => {
    expect(t('extName')).toBe('Escalation Watch');
  });

  it('passes numbers as strings to the browser', () => {
    const received: Array<string | string[] | undefined> = [];
    fakeBrowser.i18n.getMessage = (_key: string, subs?: string | string[]) => {
      received.push(subs);
      return 'x';
    };
    t('extName', [2, 'b']);
    t('extName', 7);
    expect(received).toEqual([['2', 'b'], ['7']]);
  });

  it('shows the key itself when a message is missing, never a blank label', () => {
    fakeBrowser.i18n.getMessage = () => '';
    expect(t('extName')).toBe('extName');
  });
});
