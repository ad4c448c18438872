import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { t } from '../../../lib/i18n';
import type { HelpdeskSites } from '../../../lib/storage';
import type { DataCenterHosts as DataCenterAccess, SettingsStore } from '../options-services';

/** "jira.example.com" or "https://jira.example.com/browse/X" → "https://jira.example.com"; null when not https. */
export function dataCenterOrigin(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    return url.protocol === 'https:' && url.hostname !== '' ? url.origin : null;
  } catch {
    return null;
  }
}

interface DataCenterHostsProps {
  sites: SettingsStore<HelpdeskSites>;
  access: DataCenterAccess;
}

/**
 * Self-hosted Jira sites. Adding one asks the browser for access to that host (the extension
 * has none by default) and stores it at once: the permission is granted now, not on Save.
 */
export function DataCenterHosts({ sites, access }: DataCenterHostsProps) {
  const hosts = useSignal<string[]>([]);
  const input = useSignal('');
  const status = useSignal('');
  useEffect(() => {
    sites.load().then((value) => (hosts.value = value.dataCenter)).catch((error: unknown) => (status.value = String(error)));
  }, []);

  const store = async (next: string[]) => {
    const current = await sites.load();
    await sites.save({ ...current, dataCenter: next });
    hosts.value = next;
  };

  const add = async () => {
    const origin = dataCenterOrigin(input.value);
    if (!origin) {
      status.value = t('optionsDataCenterInvalid');
      return;
    }
    if (hosts.value.includes(origin)) {
      status.value = t('optionsDataCenterKnown', origin);
      return;
    }
    try {
      // First await of the click: the permission prompt needs the user's gesture.
      const granted = await access.add(origin);
      if (granted === 'denied') {
        status.value = t('optionsDataCenterDenied', origin);
        return;
      }
      await store([...hosts.value, origin]);
      input.value = '';
      status.value = t('optionsDataCenterAdded', origin);
    } catch (error) {
      status.value = t('optionsSaveFailed', error instanceof Error ? error.message : String(error));
    }
  };

  const remove = async (origin: string) => {
    try {
      await access.remove(origin);
      await store(hosts.value.filter((host) => host !== origin));
      status.value = t('optionsDataCenterRemoved', origin);
    } catch (error) {
      status.value = t('optionsSaveFailed', error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <fieldset class="ew-group">
      <legend>{t('optionsDataCenter')}</legend>
      <p class="ew-help">{t('optionsDataCenterHelp')}</p>
      <ul class="ew-hosts">
        {hosts.value.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>{' '}
            <button type="button" class="ew-button" onClick={() => void remove(origin)} aria-label={t('optionsRemoveNamed', origin)}>
              {t('optionsRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form
        class="ew-adder"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <label for="ew-data-center-host">{t('optionsDataCenterHost')}</label>
        <input id="ew-data-center-host" type="text" inputMode="url" placeholder="https://jira.example.com" value={input.value} onInput={(event) => (input.value = event.currentTarget.value)} />
        <button type="submit" class="ew-button">
          {t('optionsDataCenterAdd')}
        </button>
      </form>
      <p class="ew-status" role="status" aria-live="polite">
        {status.value}
      </p>
    </fieldset>
  );
}
