import { z } from 'zod';

/**
 * Atlassian Document Format (the v3 API's rich-text bodies) flattened to plain text, enough to
 * read our own acknowledgement notes back. Unknown node types keep their text content.
 */

export interface AdfNode {
  type: string;
  text?: string | undefined;
  attrs?: Record<string, unknown> | undefined;
  content?: AdfNode[] | undefined;
}

export const adfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z.object({
    type: z.string(),
    text: z.string().optional(),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: z.array(adfNodeSchema).optional(),
  }),
);

const INLINE_TYPES = new Set(['text', 'hardBreak', 'mention', 'emoji', 'inlineCard', 'status', 'date', 'placeholder']);

function attrText(node: AdfNode, ...names: string[]): string {
  for (const name of names) {
    const value = node.attrs?.[name];
    if (typeof value === 'string') return value;
  }
  return '';
}

function inlineText(node: AdfNode): string {
  switch (node.type) {
    case 'text':
      return node.text ?? '';
    case 'hardBreak':
      return '\n';
    case 'mention':
      return attrText(node, 'text');
    case 'emoji':
      return attrText(node, 'text', 'shortName');
    case 'inlineCard':
      return attrText(node, 'url');
    case 'status':
      return attrText(node, 'text');
    default:
      return '';
  }
}

function blockText(node: AdfNode): string {
  const children = node.content ?? [];
  let out = '';
  for (const child of children) {
    if (INLINE_TYPES.has(child.type)) out += inlineText(child);
    else {
      // Each block starts on its own line, as it is shown.
      if (out !== '' && !out.endsWith('\n')) out += '\n';
      out += blockText(child);
      if (!out.endsWith('\n')) out += '\n';
    }
  }
  if (node.type === 'blockCard' || node.type === 'embedCard') out += attrText(node, 'url');
  return out;
}

export function adfToText(doc: AdfNode): string {
  const text = INLINE_TYPES.has(doc.type) ? inlineText(doc) : blockText(doc);
  return text.replace(/\n{3,}/g, '\n\n').trim();
}

export { textToAdf, type AdfDocument } from './adf-write';
