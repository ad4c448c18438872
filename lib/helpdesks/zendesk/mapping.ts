import { z } from 'zod';
import type { Severity } from '../../engine/types';
import { describeSchemaError } from '../http';

/**
 * Which Zendesk fields mean what (SPEC §4). Edited in the options page, stored as JSON, so it is
 * parsed here with defaults for everything left out.
 */

export { ZENDESK_STATUSES, officeFromTags, severityFromTags, statusFromZendesk, type ZendeskStatus } from './mapping-rules';

const severity = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
  error: 'expected a severity 1, 2, 3 or 4',
});
const status = z.enum(['active', 'waiting', 'solved']);
const valueMap = z.record(z.string().min(1), severity);

const DEFAULT_PRIORITY_VALUES: Record<string, Severity> = { urgent: 1, high: 2, normal: 3, low: 4 };
const DEFAULT_SEVERITY_TAGS: Record<string, Severity> = { sev_1: 1, sev_2: 2, sev_3: 3, sev_4: 4 };

const severitySource = z.discriminatedUnion('source', [
  /** The built-in priority field. */
  z.strictObject({ source: z.literal('priority'), values: valueMap.default(DEFAULT_PRIORITY_VALUES) }),
  /** A custom ticket field (usually a drop-down): its value (the option's tag) → severity. */
  z.strictObject({
    source: z.literal('customField'),
    fieldId: z.number().int().positive(),
    values: valueMap.refine((map) => Object.keys(map).length > 0, 'map at least one value to a severity'),
  }),
  /** Tags such as sev_1; with several present the most severe wins. */
  z.strictObject({ source: z.literal('tags'), tags: valueMap.default(DEFAULT_SEVERITY_TAGS) }),
]);

export const zendeskMappingSchema = z.strictObject({
  severity: severitySource.default({ source: 'priority', values: DEFAULT_PRIORITY_VALUES }),
  status: z
    .strictObject({
      new: status.default('active'),
      open: status.default('active'),
      pending: status.default('waiting'),
      hold: status.default('active'),
      solved: status.default('solved'),
      closed: status.default('solved'),
    })
    .default({ new: 'active', open: 'active', pending: 'waiting', hold: 'active', solved: 'solved', closed: 'solved' }),
  workaroundTag: z.string().min(1).default('workaround_provided'),
  officeTagPrefix: z.string().min(1).default('office_'),
});

export type ZendeskMapping = z.infer<typeof zendeskMappingSchema>;
export type ZendeskMappingInput = z.input<typeof zendeskMappingSchema>;
export type ZendeskSeveritySource = ZendeskMapping['severity'];

export class ZendeskMappingError extends Error {
  override name = 'ZendeskMappingError';
}

/** Throws ZendeskMappingError naming every wrong path, e.g. "severity.fieldId: …". */
export function parseZendeskMapping(json: unknown): ZendeskMapping {
  const result = zendeskMappingSchema.safeParse(json);
  if (!result.success) throw new ZendeskMappingError(`Zendesk field mapping: ${describeSchemaError(result.error)}`);
  return result.data;
}

export const defaultZendeskMapping: ZendeskMapping = parseZendeskMapping({});
