import { useComputed, useSignal } from '@preact/signals';
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import { parsePolicy, PolicyError, type PolicyIssue } from '../../../lib/policy';
import type { Policy } from '../../../lib/policy/schema';
import type { EffectivePolicy } from '../../../lib/storage';
import type { FileDownloads, PolicyStore } from '../options-services';
import { FileImportButton } from '../FileImportButton';
import type { DraftEditing } from './draft-editing';
import { GeneralEditor } from './GeneralEditor';
import { LevelsEditor } from './LevelsEditor';
import { OfficesEditor } from './OfficesEditor';
import { draftIssues, editableCopy, removeIn, sameDraft, setIn } from './policy-draft';
import { ProblemList } from './ProblemList';
import { RolesEditor } from './RolesEditor';
import { SeveritiesEditor } from './SeveritiesEditor';
import { WhatIfSimulator } from './WhatIfSimulator';

interface PolicySectionProps {
  store: PolicyStore;
  files: FileDownloads;
  engineerTimeZone: string;
  now: Date;
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The escalation policy: edited as a draft, checked by parsePolicy on every change, saved only
 * whole. A managed policy is shown read-only.
 */
export function PolicySection({ store, files, engineerTimeZone, now }: PolicySectionProps) {
  const effective = useSignal<EffectivePolicy | null>(null);
  const draft = useSignal<Policy | null>(null);
  const importIssues = useSignal<PolicyIssue[]>([]);
  const status = useSignal('');
  const loadError = useSignal<string | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const issues = useComputed(() => (draft.value ? draftIssues(draft.value) : []));

  const load = async () => {
    const current = await store.load();
    effective.value = current;
    draft.value = editableCopy(current.policy);
  };
  useEffect(() => {
    load().catch((error: unknown) => (loadError.value = describe(error)));
  }, []);

  if (loadError.value) return <p class="ew-field-errors" role="alert">{t('optionsLoadFailed', loadError.value)}</p>;
  const current = effective.value;
  const edited = draft.value;
  if (!current || !edited) return <p role="status">{t('optionsLoading')}</p>;

  const readOnly = current.source === 'managed';
  const dirty = !sameDraft(edited, current.policy);
  const editing: DraftEditing = {
    draft: edited,
    issues: issues.value,
    readOnly,
    set: (path, value) => {
      if (draft.value) draft.value = setIn(draft.value, path, value);
    },
    remove: (path) => {
      if (draft.value) draft.value = removeIn(draft.value, path);
    },
  };
  const simulatorPolicy = issues.value.length === 0 ? edited : current.policy;

  const save = async () => {
    if (issues.value.length > 0) {
      status.value = t('optionsPolicyNotSaved', issues.value.length);
      problemsRef.current?.focus();
      return;
    }
    try {
      await store.save(parsePolicy(edited));
      await load();
      status.value = t('optionsPolicySaved');
    } catch (error) {
      status.value = t('optionsSaveFailed', describe(error));
    }
  };

  const importFile = async (file: File) => {
    const text = await file.text();
    try {
      const imported = parsePolicy(text);
      importIssues.value = [];
      draft.value = editableCopy(imported);
      status.value = t('optionsPolicyImported', file.name);
    } catch (error) {
      // Nothing of a broken file is applied: the draft and storage stay as they were.
      importIssues.value = error instanceof PolicyError ? error.issues : [{ path: '', message: describe(error) }];
      status.value = t('optionsPolicyImportFailed', file.name);
    }
  };

  const exportPolicy = () => {
    const policy = issues.value.length === 0 ? edited : current.policy;
    files.download('escalation-policy.json', `${JSON.stringify(policy, null, 2)}\n`, 'application/json');
  };

  const reset = async () => {
    if (!window.confirm(t('optionsResetConfirm'))) return;
    try {
      await store.reset();
      importIssues.value = [];
      await load();
      status.value = t('optionsPolicyReset');
    } catch (error) {
      status.value = t('optionsSaveFailed', describe(error));
    }
  };

  return (
    <section class="ew-section" aria-labelledby="ew-policy-title">
      <h2 id="ew-policy-title">{t('optionsPolicy')}</h2>
      {readOnly ? (
        <p class="ew-managed" role="note">
          {t('optionsManagedPolicy')}
        </p>
      ) : null}
      {current.problems.map((problem) => (
        <p key={problem} class="ew-warning" role="note">
          {problem}
        </p>
      ))}
      <p class="ew-muted">{t(current.source === 'default' ? 'optionsPolicySourceDefault' : current.source === 'user' ? 'optionsPolicySourceUser' : 'optionsPolicySourceManaged')}</p>
      <div class="ew-actions ew-sticky">
        {readOnly ? null : (
          <>
            <button type="button" class="ew-button ew-primary" onClick={() => void save()} disabled={!dirty}>
              {t('optionsSave')}
            </button>
            <button type="button" class="ew-button" onClick={() => (draft.value = editableCopy(current.policy))} disabled={!dirty}>
              {t('optionsDiscardChanges')}
            </button>
            <FileImportButton label={t('optionsImportJson')} accept="application/json,.json" onFile={(file) => void importFile(file)} />
          </>
        )}
        <button type="button" class="ew-button" onClick={exportPolicy}>
          {t('optionsExportJson')}
        </button>
        {readOnly ? null : (
          <button type="button" class="ew-button" onClick={() => void reset()}>
            {t('optionsResetToDefault')}
          </button>
        )}
        <span class="ew-status" role="status" aria-live="polite">
          {status.value}
        </span>
      </div>
      <ProblemList title={t('optionsImportProblems')} issues={importIssues.value} linkToFields={false} />
      <ProblemList title={t('optionsDraftProblems', issues.value.length)} issues={issues.value} listRef={problemsRef} linkToFields />
      <fieldset class="ew-policy-editor" disabled={readOnly}>
        <legend class="ew-visually-hidden">{t('optionsPolicy')}</legend>
        <GeneralEditor editing={editing} />
        <SeveritiesEditor editing={editing} />
        <LevelsEditor editing={editing} />
        <RolesEditor editing={editing} />
        <OfficesEditor editing={editing} />
      </fieldset>
      <WhatIfSimulator policy={simulatorPolicy} engineerTimeZone={engineerTimeZone} initialOpenedAt={now} />
    </section>
  );
}
