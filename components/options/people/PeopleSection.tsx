import { t } from '../../../lib/i18n';
import {
  ANY_OFFICE,
  DirectoryImportError,
  describeProblem,
  directoryFromCsv,
  directoryFromJson,
  directorySchema,
  directoryToCsv,
  directoryToJson,
  type Directory,
} from '../../../lib/people';
import type { Policy } from '../../../lib/policy/schema';
import { organizationKey } from '../../../lib/engine/compiled-policy';
import { useSignal } from '@preact/signals';
import type { FileDownloads, SettingsStore } from '../options-services';
import { FileImportButton } from '../FileImportButton';
import { Disclosure } from '../policy/Disclosure';
import type { DraftEditing } from '../policy/draft-editing';
import { fieldId, issuesAt } from '../policy/field-issues';
import { FieldErrors, invalidProps } from '../policy/FieldErrors';
import { ProblemList } from '../policy/ProblemList';
import { SaveBar } from '../settings/SaveBar';
import { useSettingsDraft } from '../settings/settings-draft';
import { PeopleListEditor, PersonFields } from './PeopleListEditor';
import { RotationEditor } from './RotationEditor';

interface PeopleSectionProps {
  store: SettingsStore<Directory>;
  files: FileDownloads;
  /** Roles and offices come from the policy in force. */
  policy: Policy;
  now: Date;
  /**
   * Marks an organisation a hot account (or not) in the policy in force and saves it; absent
   * while the policy cannot be changed here (managed by IT).
   */
  setHotAccount?: (organization: string, hot: boolean) => Promise<void>;
}

/** Monday on or before `now` (UTC date), as the default anchor of a new rotation. */
function mondayOf(now: Date): string {
  const day = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/** The people directory: role holders per office, each organisation's Sales Rep, the weekly director rotation. */
export function PeopleSection({ store, files, policy, now, setHotAccount }: PeopleSectionProps) {
  const form = useSettingsDraft(store, directorySchema);
  const importProblems = useSignal<string[]>([]);
  const hotAccountError = useSignal<string | null>(null);
  const hotAccounts = new Set((policy.hotAccounts ?? []).map(organizationKey));
  const directory = form.draft.value;
  if (form.loadError.value) return <p class="ew-field-errors" role="alert">{t('optionsLoadFailed', form.loadError.value)}</p>;
  if (!directory) return <p role="status">{t('optionsLoading')}</p>;

  const editing: DraftEditing<Directory> = { draft: directory, issues: form.issues.value, set: form.set, remove: form.remove, readOnly: false };
  const offices = Object.entries(policy.offices);
  const officeName = (id: string) => (id === ANY_OFFICE ? t('optionsAnyOffice') : (policy.offices[id]?.name ?? id));
  const roleIds = [
    ...Object.entries(policy.roles).filter(([, role]) => role.kind === 'notify').map(([id]) => id),
    ...Object.keys(directory.roles).filter((id) => policy.roles[id]?.kind !== 'notify'),
  ];

  const importFile = async (file: File) => {
    const text = await file.text();
    try {
      const imported = /\.csv$/i.test(file.name) || file.type === 'text/csv' ? directoryFromCsv(text) : directoryFromJson(text);
      importProblems.value = [];
      form.replace(imported, t('optionsDirectoryImported', file.name));
    } catch (error) {
      // A file with any problem changes nothing: the draft and storage stay as they were.
      importProblems.value = error instanceof DirectoryImportError ? error.problems.map(describeProblem) : [error instanceof Error ? error.message : String(error)];
      form.say(t('optionsDirectoryImportFailed', file.name));
    }
  };

  return (
    <section class="ew-section" aria-labelledby="ew-people-title">
      <h2 id="ew-people-title">{t('optionsPeople')}</h2>
      <p class="ew-help">{t('optionsPeopleHelp')}</p>
      <SaveBar form={form}>
        <FileImportButton label={t('optionsImportDirectory')} accept=".json,.csv,application/json,text/csv" onFile={(file) => void importFile(file)} />
        <button type="button" class="ew-button" onClick={() => files.download('escalation-people.json', directoryToJson(form.saved.value ?? directory), 'application/json')}>
          {t('optionsExportJson')}
        </button>
        <button type="button" class="ew-button" onClick={() => files.download('escalation-people.csv', directoryToCsv(form.saved.value ?? directory), 'text/csv')}>
          {t('optionsExportCsv')}
        </button>
      </SaveBar>
      {importProblems.value.length > 0 ? (
        <div class="ew-problems">
          <h3>{t('optionsImportProblems')}</h3>
          <ul>
            {importProblems.value.map((problem, index) => (
              <li key={index}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <ProblemList title={t('optionsDraftProblems', form.issues.value.length)} issues={form.issues.value} linkToFields />

      <h3>{t('optionsRoleHolders')}</h3>
      {roleIds.map((role) => (
        <Disclosure key={role} summary={policy.roles[role]?.name ?? role} forceOpen={issuesAt(form.issues.value, ['roles', role], true).length > 0}>
          {[ANY_OFFICE, ...offices.map(([id]) => id)].map((office) => (
            <div key={office} class="ew-office-people">
              <h4>{officeName(office)}</h4>
              <PeopleListEditor path={['roles', role, office]} editing={editing} label={t('optionsRoleInOffice', [policy.roles[role]?.name ?? role, officeName(office)])} />
            </div>
          ))}
        </Disclosure>
      ))}

      <h3>{t('optionsSalesReps')}</h3>
      <p class="ew-help">{t('optionsHotAccountsHelp')}</p>
      {hotAccountError.value ? (
        <p class="ew-field-errors" role="alert">
          {t('optionsHotAccountNotSaved', hotAccountError.value)}
        </p>
      ) : null}
      <ol class="ew-people-rows" aria-label={t('optionsSalesReps')}>
        {directory.salesReps.map((rep, index) => {
          const orgPath = ['salesReps', index, 'organization'];
          const orgIssues = issuesAt(form.issues.value, orgPath);
          return (
            <li key={index}>
              <span class="ew-field ew-inline">
                <label for={fieldId(orgPath)}>{t('optionsOrganization')}</label>
                <input id={fieldId(orgPath)} type="text" value={rep.organization} onInput={(event) => form.set(orgPath, event.currentTarget.value)} {...invalidProps(orgPath, orgIssues)} />
                <FieldErrors path={orgPath} issues={orgIssues} />
              </span>
              <label class="ew-check">
                <input
                  type="checkbox"
                  checked={rep.organization.trim() !== '' && hotAccounts.has(organizationKey(rep.organization))}
                  disabled={!setHotAccount || rep.organization.trim() === ''}
                  onChange={(event) => {
                    hotAccountError.value = null;
                    setHotAccount?.(rep.organization, event.currentTarget.checked).catch((error: unknown) => {
                      hotAccountError.value = error instanceof Error ? error.message : String(error);
                    });
                  }}
                />
                {t('optionsHotAccount')}
              </label>
              <PersonFields path={['salesReps', index, 'person']} editing={editing} caption={t('optionsSalesRepOf', rep.organization || '…')} />
              <button type="button" class="ew-button" onClick={() => form.remove(['salesReps', index])} aria-label={t('optionsRemoveNamed', t('optionsSalesRepOf', rep.organization || '…'))}>
                {t('optionsRemove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" class="ew-button" onClick={() => form.set(['salesReps', directory.salesReps.length], { organization: '', person: { name: '' } })}>
        {t('optionsAddSalesRep')}
      </button>

      <h3>{t('optionsDirectorRotation')}</h3>
      {[...offices.map(([id]) => id), ANY_OFFICE].map((office) => (
        <Disclosure key={office} summary={officeName(office)} initiallyOpen={office in directory.directorRotations} forceOpen={issuesAt(form.issues.value, ['directorRotations', office], true).length > 0}>
          {directory.directorRotations[office] ? (
            <RotationEditor officeId={office} officeName={officeName(office)} editing={editing} now={now} />
          ) : (
            <button
              type="button"
              class="ew-button"
              onClick={() =>
                form.set(['directorRotations', office], {
                  anchorDate: mondayOf(now),
                  handoverTime: '09:00',
                  timeZone: policy.offices[office]?.timeZone ?? policy.offices[policy.defaultOffice]?.timeZone ?? 'UTC',
                  people: [{ name: '' }],
                })
              }
            >
              {t('optionsAddRotation', officeName(office))}
            </button>
          )}
        </Disclosure>
      ))}
    </section>
  );
}
