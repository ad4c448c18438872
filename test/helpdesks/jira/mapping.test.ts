import { describe, expect, it } from 'vitest';
import {
  jiraMappingDefaults,
  officeFromLabels,
  parseJiraMapping,
  severityFromValue,
  statusFromJira,
  type JiraSeveritySource,
} from '../../../lib/helpdesks/jira/mapping';

const bySeverityField: JiraSeveritySource = {
  source: 'field',
  field: 'Severity',
  values: { Critical: 1, Major: 2, Minor: 3, Cosmetic: 4 },
  numbered: true,
};

describe('severity from the priority name (SPEC §4 default)', () => {
  it.each([
    ['Highest', 1],
    ['High', 2],
    ['Medium', 3],
    ['Low', 4],
    ['Lowest', 4],
    ['highest', 1],
    ['Blocker', 1],
    ['Trivial', 4],
    ['P2', 2],
    ['Unprioritised', null],
    ['', null],
  ] as const)('%s → %s', (name, severity) => {
    expect(severityFromValue(name, jiraMappingDefaults.severity)).toBe(severity);
  });
});

describe('severity from a custom field value', () => {
  it.each([
    ['Sev-1', 1],
    ['Sev 1', 1],
    ['SEV2', 2],
    ['S1', 1],
    ['s3', 3],
    ['Severity 3', 3],
    ['1 - Critical', 1],
    ['2 – Major', 2],
    ['4', 4],
    ['Critical', 1],
    ['  minor ', 3],
    ['S10', null],
    ['Sev 5', null],
    ['Level 1', null],
  ] as const)('%s → %s', (value, severity) => {
    expect(severityFromValue(value, bySeverityField)).toBe(severity);
  });

  it('reads only the named values when numbered values are turned off', () => {
    const strict = { ...bySeverityField, numbered: false };
    expect(severityFromValue('Sev-1', strict)).toBeNull();
    expect(severityFromValue('Major', strict)).toBe(2);
  });
});

describe('status (SPEC §4)', () => {
  it.each([
    ['statusCategory done is solved whatever the name', 'Shipped', 'done', 'solved'],
    ['"Waiting for customer" is waiting', 'Waiting for customer', 'indeterminate', 'waiting'],
    ['waiting names match in any case', 'WAITING FOR CUSTOMER', 'indeterminate', 'waiting'],
    ['"Pending" is waiting', 'Pending', 'indeterminate', 'waiting'],
    ['"Waiting for support" is us working: active', 'Waiting for support', 'new', 'active'],
    ['other statuses are active', 'In Progress', 'indeterminate', 'active'],
    ['history names without a category: Resolved is solved', 'Resolved', undefined, 'solved'],
    ['history names without a category: Cancelled is solved', 'Cancelled', undefined, 'solved'],
    ['history names without a category: Open is active', 'Open', undefined, 'active'],
    ['a category that is not done outranks a done-looking name', 'Closed', 'indeterminate', 'active'],
  ] as const)('%s', (_rule, name, category, status) => {
    expect(statusFromJira(name, category, jiraMappingDefaults)).toBe(status);
  });
});

describe('office from labels', () => {
  it.each([
    [['office-shanghai'], 'shanghai'],
    [['urgent', 'Office-Taichung'], 'taichung'],
    [['office-'], null],
    [['workaround-provided'], null],
    [[], null],
  ])('%j → %s', (labels, office) => {
    expect(officeFromLabels(labels, jiraMappingDefaults)).toBe(office);
  });
});

describe('parseJiraMapping', () => {
  it('accepts the defaults', () => {
    expect(parseJiraMapping(jiraMappingDefaults)).toEqual(jiraMappingDefaults);
  });

  it('accepts a custom severity field', () => {
    const mapping = { ...jiraMappingDefaults, severity: bySeverityField, apiVersion: 2 };
    expect(parseJiraMapping(mapping)).toEqual(mapping);
  });

  it('names every bad path', () => {
    const broken = {
      ...jiraMappingDefaults,
      severity: { source: 'field', field: '', values: { 'Sev-1': 7 }, numbered: true },
      apiVersion: 4,
    };
    expect(() => parseJiraMapping(broken)).toThrow(/severity\.field: .*severity\.values\.Sev-1: .*apiVersion: /s);
  });
});
