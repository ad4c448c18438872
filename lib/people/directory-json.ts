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
  const parsed = directorySchema.safeParse(json);
  if (!parsed.success) {
    throw new DirectoryImportError(
      parsed.error.issues.map((issue) => ({ column: issue.path.map(String).join('.') || '(file)', message: issue.message })),
    );
  }
  return parsed.data;
}

export function directoryToJson(directory: Directory): string {
  return `${JSON.stringify(directory, null, 2)}\n`;
}
