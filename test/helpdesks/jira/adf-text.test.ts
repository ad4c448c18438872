import { describe, expect, it } from 'vitest';
import { adfToText, textToAdf, type AdfNode } from '../../../lib/helpdesks/jira/adf-text';

const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const text = (t: string): AdfNode => ({ type: 'text', text: t });

describe('ADF to text', () => {
  it.each<[string, AdfNode, string]>([
    ['text nodes of a paragraph run together', { type: 'doc', content: [paragraph(text('a '), text('b'))] }, 'a b'],
    ['paragraphs are lines', { type: 'doc', content: [paragraph(text('one')), paragraph(text('two'))] }, 'one\ntwo'],
    ['a hard break is a line break', { type: 'doc', content: [paragraph(text('one'), { type: 'hardBreak' }, text('two'))] }, 'one\ntwo'],
    [
      'mentions and emoji keep their text',
      { type: 'doc', content: [paragraph({ type: 'mention', attrs: { text: '@Ana' } }, text(' '), { type: 'emoji', attrs: { shortName: ':pray:' } })] },
      '@Ana :pray:',
    ],
    [
      'list items are lines',
      {
        type: 'doc',
        content: [
          { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('x'))] }, { type: 'listItem', content: [paragraph(text('y'))] }] },
        ],
      },
      'x\ny',
    ],
    ['inline cards show their URL', { type: 'doc', content: [paragraph({ type: 'inlineCard', attrs: { url: 'https://x.example' } })] }, 'https://x.example'],
    ['unknown nodes keep their text', { type: 'doc', content: [{ type: 'panel', content: [paragraph(text('inside'))] }] }, 'inside'],
    ['an empty document is empty', { type: 'doc', content: [] }, ''],
  ])('%s', (_rule, doc, expected) => {
    expect(adfToText(doc)).toBe(expected);
  });

  it('reads back what textToAdf wrote', () => {
    const note = '[Escalation Watch] Notified Sales Rep at 2026-07-14 10:05 UTC — level 2 (role: sales-rep)\nsecond line';
    expect(adfToText(textToAdf(note))).toBe(note);
    expect(textToAdf(note)).toMatchObject({ type: 'doc', version: 1 });
  });
});
