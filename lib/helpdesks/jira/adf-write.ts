import type { AdfNode } from './adf-text';

/**
 * Writing Atlassian Document Format (the v3 API's rich-text bodies), apart from adf-text.ts
 * whose zod schema the content script must not bundle: comments are written from the page.
 */

export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: AdfNode[];
}

/** A plain-text body as a v3 ADF document: one paragraph per line. */
export function textToAdf(text: string): AdfDocument {
  const paragraphs = text.split(/\r?\n/).map(
    (line): AdfNode => ({ type: 'paragraph', content: line === '' ? [] : [{ type: 'text', text: line }] }),
  );
  return { type: 'doc', version: 1, content: paragraphs };
}
