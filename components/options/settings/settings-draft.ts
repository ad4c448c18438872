import { useComputed, useSignal, type ReadonlySignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import type { z } from 'zod';
import { t } from '../../../lib/i18n';
import type { PolicyIssue } from '../../../lib/policy';
import { formatIssuePath } from '../../../lib/policy/issue-path';
import { removeIn, sameDraft, setIn, type DraftPath } from '../policy/policy-draft';
import type { SettingsStore } from '../options-services';

/**
 * A settings form on a draft, like the policy: edits stay local, the schema's problems show next
 * to their fields, and Save writes the whole value only when it is valid.
 */
export interface SettingsDraft<T> {
  saved: ReadonlySignal<T | null>;
  draft: ReadonlySignal<T | null>;
  issues: ReadonlySignal<PolicyIssue[]>;
  dirty: ReadonlySignal<boolean>;
  status: ReadonlySignal<string>;
  loadError: ReadonlySignal<string | null>;
  set: (path: DraftPath, value: unknown) => void;
  remove: (path: DraftPath) => void;
  replace: (value: T, status?: string) => void;
  discard: () => void;
  save: () => Promise<boolean>;
  say: (status: string) => void;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function schemaIssues(schema: z.ZodType, value: unknown): PolicyIssue[] {
  const parsed = schema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: formatIssuePath(issue.path), message: issue.message }));
}

export function useSettingsDraft<T>(store: SettingsStore<T>, schema: z.ZodType<T>): SettingsDraft<T> {
  const saved = useSignal<T | null>(null);
  const draft = useSignal<T | null>(null);
  const status = useSignal('');
  const loadError = useSignal<string | null>(null);
  const issues = useComputed(() => (draft.value === null ? [] : schemaIssues(schema, draft.value)));
  const dirty = useComputed(() => draft.value !== null && !sameDraft(draft.value, saved.value));

  const load = async () => {
    const value = await store.load();
    saved.value = value;
    draft.value = structuredClone(value);
  };
  useEffect(() => {
    load().catch((error: unknown) => (loadError.value = describe(error)));
  }, []);

  return {
    saved,
    draft,
    issues,
    dirty,
    status,
    loadError,
    set: (path, value) => {
      if (draft.value !== null) draft.value = setIn(draft.value, path, value);
    },
    remove: (path) => {
      if (draft.value !== null) draft.value = removeIn(draft.value, path);
    },
    replace: (value, message) => {
      draft.value = structuredClone(value);
      if (message) status.value = message;
    },
    discard: () => {
      draft.value = structuredClone(saved.value);
    },
    say: (message) => {
      status.value = message;
    },
    async save() {
      const value = draft.value;
      if (value === null) return false;
      const parsed = schema.safeParse(value);
      if (!parsed.success) {
        status.value = t('optionsNotSavedProblems', issues.value.length);
        return false;
      }
      try {
        await store.save(parsed.data);
        await load();
        status.value = t('optionsSaved');
        return true;
      } catch (error) {
        status.value = t('optionsSaveFailed', describe(error));
        return false;
      }
    },
  };
}
