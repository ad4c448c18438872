import type { DraftEditing } from '../policy/draft-editing';
import type { SettingsDraft } from './settings-draft';

/** A loaded settings draft in the shape the shared field components edit (by path, with its issues). */
export function editingOf<T>(form: SettingsDraft<T>, draft: T, readOnly = false): DraftEditing<T> {
  return { draft, issues: form.issues.value, set: form.set, remove: form.remove, readOnly };
}
