import { protoKeyPaths, reservedNameMessage } from '../policy/reserved-names';
import { type Directory, directorySchema } from './directory-schema';
import { DirectoryImportError } from './import-error';

/** The directory as JSON (the same shape as stored), with errors naming the JSON path. */

export function directoryFromJson(text: string): Directory {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new DirectoryImportError([{ message: `not valid JSON: ${error instanceof Error ? error.message : String(error)}` }]);
  }
  // zod drops a `__proto__` key without a word: name it as a problem instead.
  const protoProblems = protoKeyPaths(json).map((path) => ({
    column: path.map(String).join('.'),
    message: reservedNameMessage('__proto__', 'a name in the directory'),
  }));
  const parsed = directorySchema.safeParse(json);
  if (!parsed.success || protoProblems.length > 0) {
    throw new DirectoryImportError([
      ...protoProblems,
      ...(parsed.success ? [] : parsed.error.issues).map((issue) => ({
        column: issue.path.map(String).join('.') || '(file)',
        message: issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message,
      })),
    ]);
  }
  return parsed.data;
}

export function directoryToJson(directory: Directory): string {
  return `${JSON.stringify(directory, null, 2)}\n`;
}
