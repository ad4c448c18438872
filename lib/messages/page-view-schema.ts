import { z } from 'zod';
import {
  readAcknowledgeAnswer,
  readIngestAnswer,
  readIngestManyAnswer,
  readOptionsOpenAnswer,
  readPageConfigAnswer,
  readPageRowProblem,
  readPageRowView,
  readPageTicketView,
  readTicketSeenAnswer,
  readViewAnswer,
} from './page-view';
import type { Read } from './read';

/**
 * The router checks every answer to a page with the very readers the page uses (page-view.ts):
 * one definition of each shape, wrapped here for zod.
 */
export function schemaOf<T>(read: Read<T>, name: string) {
  return z.unknown().transform((value, ctx): T => {
    try {
      return read(value, name);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: error instanceof Error ? error.message : String(error) });
      return z.NEVER;
    }
  });
}

export const pageTicketViewSchema = schemaOf(readPageTicketView, 'view');
export const pageRowViewSchema = schemaOf(readPageRowView, 'row');
export const pageRowProblemSchema = schemaOf(readPageRowProblem, 'problem');
export const pageAnswerSchemas = {
  'ticket:seen': schemaOf(readTicketSeenAnswer, 'ticket:seen'),
  'ticket:ingest': schemaOf(readIngestAnswer, 'ticket:ingest'),
  'tickets:ingest-many': schemaOf(readIngestManyAnswer, 'tickets:ingest-many'),
  'ticket:view': schemaOf(readViewAnswer, 'ticket:view'),
  'page:config': schemaOf(readPageConfigAnswer, 'page:config'),
  'options:open': schemaOf(readOptionsOpenAnswer, 'options:open'),
  'ticket:acknowledge': schemaOf(readAcknowledgeAnswer, 'ticket:acknowledge'),
};
