import { t } from '../../../lib/i18n';
import { helpdeskSitesSchema, type HelpdeskSites } from '../../../lib/storage';
import type { OptionsServices, SettingsStore } from '../options-services';
import { SaveBar } from '../settings/SaveBar';
import { useSettingsDraft } from '../settings/settings-draft';
import { editingOf } from '../settings/editing';
import { StringListEditor } from '../settings/StringListEditor';
import { DataCenterHosts } from './DataCenterHosts';
import { editableMappingsSchema, editableMappingsStore } from './field-mappings';
import { JiraMappingEditor } from './JiraMappingEditor';
import { ZendeskMappingEditor } from './ZendeskMappingEditor';
import { useMemo } from 'preact/hooks';

/** Saving the site lists keeps the Data Center hosts as stored (they are added and removed at once). */
function cloudSitesStore(store: SettingsStore<HelpdeskSites>): SettingsStore<HelpdeskSites> {
  return {
    load: () => store.load(),
    async save(value) {
      const current = await store.load();
      await store.save({ ...value, dataCenter: current.dataCenter });
    },
  };
}

/** Which helpdesk sites to watch and how their fields map onto the policy. */
export function HelpdesksSection({ services }: { services: Pick<OptionsServices, 'sites' | 'mappings' | 'dataCenter'> }) {
  const sitesStore = useMemo(() => cloudSitesStore(services.sites), [services.sites]);
  const mappingsStore = useMemo(() => editableMappingsStore(services.mappings), [services.mappings]);
  const sites = useSettingsDraft(sitesStore, helpdeskSitesSchema);
  const mappings = useSettingsDraft(mappingsStore, editableMappingsSchema);
  const sitesDraft = sites.draft.value;
  const mappingDraft = mappings.draft.value;

  return (
    <section class="ew-section" aria-labelledby="ew-helpdesks-title">
      <h2 id="ew-helpdesks-title">{t('optionsHelpdesks')}</h2>
      <h3>{t('optionsSites')}</h3>
      <p class="ew-help">{t('optionsSitesHelp')}</p>
      {sitesDraft ? (
        <>
          <StringListEditor label={t('optionsZendeskSubdomains')} itemLabel={t('optionsZendeskSubdomain')} path={['zendesk']} editing={editingOf(sites, sitesDraft)} placeholder="acme" />
          <StringListEditor label={t('optionsJiraSites')} itemLabel={t('optionsJiraSite')} path={['jira']} editing={editingOf(sites, sitesDraft)} placeholder="acme.atlassian.net" />
          <SaveBar form={sites} />
        </>
      ) : null}
      <DataCenterHosts sites={services.sites} access={services.dataCenter} />
      <h3>{t('optionsFieldMappings')}</h3>
      {mappingDraft ? (
        <>
          <ZendeskMappingEditor editing={editingOf(mappings, mappingDraft)} />
          <JiraMappingEditor editing={editingOf(mappings, mappingDraft)} />
          <SaveBar form={mappings} />
        </>
      ) : null}
    </section>
  );
}
