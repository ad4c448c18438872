import { describe, expect, it } from 'vitest';
import {
  defaultZendeskMapping,
  officeFromTags,
  parseZendeskMapping,
  severityFromTags,
} from '../../../lib/helpdesks/zendesk/mapping';

describe('Zendesk field mapping', () => {
  it('has the SPEC §4 defaults', () => {
    expect(defaultZendeskMapping).toEqual({
      severity: { source: 'priority', values: { urgent: 1, high: 2, normal: 3, low: 4 } },
      status: { new: 'active', open: 'active', pending: 'waiting', hold: 'active', solved: 'solved', closed: 'solved' },
      workaroundTag: 'workaround_provided',
      officeTagPrefix: 'office_',
    });
  });

  it('fills the defaults of the tags source (sev_1 … sev_4)', () => {
    expect(parseZendeskMapping({ severity: { source: 'tags' } }).severity).toEqual({
      source: 'tags',
      tags: { sev_1: 1, sev_2: 2, sev_3: 3, sev_4: 4 },
    });
  });

  it('keeps status defaults for statuses not overridden (hold counted as waiting here)', () => {
    expect(parseZendeskMapping({ status: { hold: 'waiting' } }).status).toEqual({
      new: 'active',
      open: 'active',
      pending: 'waiting',
      hold: 'waiting',
      solved: 'solved',
      closed: 'solved',
    });
  });

  it.each([
    ['a custom field source without a field id', { severity: { source: 'customField', values: { a: 1 } } }, /severity\.fieldId/],
    ['a severity outside 1..4', { severity: { source: 'priority', values: { urgent: 0 } } }, /severity\.values\.urgent: expected a severity/],
    ['an unknown source', { severity: { source: 'moon' } }, /severity\.source/],
    ['an empty workaround tag', { workaroundTag: '' }, /workaroundTag/],
    ['an unknown key', { officeTag: 'x' }, /officeTag/],
    ['an unknown status', { status: { deleted: 'solved' } }, /status/],
  ])('rejects %s, naming the path', (_name, json, message) => {
    expect(() => parseZendeskMapping(json)).toThrow(message);
  });
});

describe('tags', () => {
  it.each([
    [['sev_3', 'x'], 3],
    [['sev_3', 'sev_1'], 1],
    [['x'], null],
  ] as const)('severity of %j is %s (the most severe tag wins)', (tags, severity) => {
    expect(severityFromTags(tags, { sev_1: 1, sev_2: 2, sev_3: 3, sev_4: 4 })).toBe(severity);
  });

  it.each([
    [['database', 'office_shanghai'], 'shanghai'],
    [['office_'], null],
    [['officer_x'], null],
    [[], null],
  ] as const)('office of %j is %s', (tags, office) => {
    expect(officeFromTags(tags, 'office_')).toBe(office);
  });
});
