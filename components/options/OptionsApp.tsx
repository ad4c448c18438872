import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/i18n';
import { organizationKey } from '../../lib/engine/compiled-policy';
import { parsePolicy } from '../../lib/policy';
import type { Policy } from '../../lib/policy/schema';
import { timelineStyles } from '../timeline';
import { GeneralSection } from './general/GeneralSection';
import { HealthSection } from './health/HealthSection';
import { HelpdesksSection } from './helpdesks/HelpdesksSection';
import { NotificationsSection } from './notifications/NotificationsSection';
import type { OptionsServices } from './options-services';
import { PeopleSection } from './people/PeopleSection';
import { PolicySection } from './policy/PolicySection';
import { RecordSection } from './record/RecordSection';

export const optionsTabs = ['policy', 'helpdesks', 'people', 'notifications', 'general', 'record', 'health'] as const;
export type OptionsTab = (typeof optionsTabs)[number];

const tabLabel: Record<OptionsTab, MessageKey> = {
  policy: 'optionsPolicy',
  helpdesks: 'optionsHelpdesks',
  people: 'optionsPeople',
  notifications: 'optionsNotifications',
  general: 'optionsGeneral',
  record: 'optionsRecord',
  health: 'optionsHealth',
};

interface OptionsAppProps {
  services: OptionsServices;
  initialTab: OptionsTab;
  onTabChange?: (tab: OptionsTab) => void;
  engineerTimeZone: string;
  now: Date;
}

/** The options page: one tab per part of the configuration, each saving on its own. */
export function OptionsApp({ services, initialTab, onTabChange, engineerTimeZone, now }: OptionsAppProps) {
  const tab = useSignal<OptionsTab>(initialTab);
  // People and notifications need the policy in force (its roles, offices, warning times).
  const policy = useSignal<Policy | null>(null);
  useEffect(() => {
    if (tab.value === 'people' || tab.value === 'notifications') {
      services.policy.load().then((effective) => (policy.value = effective.policy)).catch(() => undefined);
    }
  }, [tab.value]);

  /** The People tab's hot-account boxes change the policy in force (refused while it is managed). */
  const setHotAccount = async (organization: string, hot: boolean) => {
    const effective = await services.policy.load();
    const key = organizationKey(organization);
    const others = (effective.policy.hotAccounts ?? []).filter((name) => organizationKey(name) !== key);
    const next = parsePolicy({ ...effective.policy, hotAccounts: hot ? [...others, organization.trim()] : others });
    await services.policy.save(next);
    policy.value = next;
  };

  const select = (next: OptionsTab, focus = false) => {
    tab.value = next;
    onTabChange?.(next);
    if (focus) document.getElementById(`ew-tab-${next}`)?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const index = optionsTabs.indexOf(tab.value);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    select(optionsTabs[(index + step + optionsTabs.length) % optionsTabs.length] ?? 'policy', true);
  };

  return (
    <div class="ew-options">
      <style>{timelineStyles}</style>
      <header class="ew-options-header">
        <h1>{t('optionsTitle')}</h1>
        <a class="ew-button ew-forecast-link" href="forecast.html">
          {t('optionsForecastLink')}
        </a>
      </header>
      <nav role="tablist" aria-label={t('optionsTitle')} class="ew-tabs" onKeyDown={onKeyDown}>
        {optionsTabs.map((id) => (
          <button
            key={id}
            id={`ew-tab-${id}`}
            type="button"
            role="tab"
            class="ew-tab"
            aria-selected={tab.value === id}
            aria-controls={`ew-panel-${id}`}
            tabIndex={tab.value === id ? 0 : -1}
            onClick={() => select(id)}
          >
            {t(tabLabel[id])}
          </button>
        ))}
      </nav>
      <div role="tabpanel" id={`ew-panel-${tab.value}`} aria-labelledby={`ew-tab-${tab.value}`} class="ew-panel">
        {tab.value === 'policy' ? <PolicySection store={services.policy} files={services.files} engineerTimeZone={engineerTimeZone} now={now} /> : null}
        {tab.value === 'helpdesks' ? <HelpdesksSection services={services} /> : null}
        {tab.value === 'people' && policy.value ? (
          <PeopleSection store={services.directory} files={services.files} policy={policy.value} now={now} setHotAccount={setHotAccount} />
        ) : null}
        {tab.value === 'notifications' && policy.value ? <NotificationsSection store={services.notifications} policy={policy.value} /> : null}
        {tab.value === 'general' ? <GeneralSection store={services.general} /> : null}
        {tab.value === 'record' ? <RecordSection store={services.record} files={services.files} now={now} engineerTimeZone={engineerTimeZone} /> : null}
        {tab.value === 'health' ? <HealthSection store={services.health} engineerTimeZone={engineerTimeZone} /> : null}
      </div>
    </div>
  );
}
