import { describeZodIssues, defineParsedItem } from './parsed-item';
import {
  type Directory,
  directoryOfficeId,
  directoryRoleId,
  directorySchema,
  emptyDirectory,
  personSchema,
  rotationSchema,
  salesRepSchema,
} from '../people/directory-schema';

function badId(schema: typeof directoryRoleId, id: string): string | null {
  const parsed = schema.safeParse(id);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'not a valid id');
}

/**
 * The people directory. Kept in `storage.local`: a real directory (every office, every role, a
 * year of rotations) easily outgrows sync's 8 KB per item; it travels by JSON/CSV export instead.
 */

/** Keeps every person, Sales Rep and rotation that parses; reports each one dropped. */
export function repairDirectory(raw: unknown, report: (reason: string) => void): Directory {
  const directory = emptyDirectory();
  if (typeof raw !== 'object' || raw === null) {
    report('not a directory; replaced by an empty one');
    return directory;
  }
  const source = raw as Record<string, unknown>;
  if (typeof source.roles === 'object' && source.roles !== null) {
    for (const [role, offices] of Object.entries(source.roles)) {
      const roleProblem = badId(directoryRoleId, role);
      if (roleProblem) {
        report(`roles.${role} dropped: ${roleProblem}`);
        continue;
      }
      if (typeof offices !== 'object' || offices === null) {
        report(`roles.${role} dropped: not an office map`);
        continue;
      }
      for (const [office, people] of Object.entries(offices)) {
        const officeProblem = badId(directoryOfficeId, office);
        if (officeProblem) {
          report(`roles.${role}.${office} dropped: ${officeProblem}`);
          continue;
        }
        const kept = (Array.isArray(people) ? people : []).flatMap((person, index) => {
          const parsed = personSchema.safeParse(person);
          if (parsed.success) return [parsed.data];
          report(`roles.${role}.${office}[${index}] dropped: ${describeZodIssues(parsed.error)}`);
          return [];
        });
        (directory.roles[role] ??= {})[office] = kept;
      }
    }
  }
  if (Array.isArray(source.salesReps)) {
    source.salesReps.forEach((rep, index) => {
      const parsed = salesRepSchema.safeParse(rep);
      if (parsed.success) directory.salesReps.push(parsed.data);
      else report(`salesReps[${index}] dropped: ${describeZodIssues(parsed.error)}`);
    });
  }
  if (typeof source.directorRotations === 'object' && source.directorRotations !== null) {
    for (const [office, rotation] of Object.entries(source.directorRotations)) {
      const officeProblem = badId(directoryOfficeId, office);
      if (officeProblem) {
        report(`directorRotations.${office} dropped: ${officeProblem}`);
        continue;
      }
      const parsed = rotationSchema.safeParse(rotation);
      if (parsed.success) directory.directorRotations[office] = parsed.data;
      else report(`directorRotations.${office} dropped: ${describeZodIssues(parsed.error)}`);
    }
  }
  return directory;
}

export const directoryItem = defineParsedItem<Directory>({
  key: 'local:peopleDirectory',
  version: 1,
  schema: directorySchema,
  fallback: emptyDirectory,
  repair: repairDirectory,
});
