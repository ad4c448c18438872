import { useSignal } from '@preact/signals';
import { useEffect } from 'preact/hooks';
import { formatInstant, t, uiLanguage } from '../../../lib/i18n';
import type { Health } from '../../../lib/storage/health';
import type { HealthStore } from '../options-services';

/**
 * What the background did last (issue 12): the last wake and the next alarm, the notifications
 * quiet hours hold back, the ticket reads it refused and why, and the last error per helpdesk
 * origin. A silent failure shows here. Read-only; all text is plain (never HTML).
 */
export function HealthSection({ store, engineerTimeZone }: { store: HealthStore | undefined; engineerTimeZone: string }) {
  const health = useSignal<Health | null>(null);
  const error = useSignal<string | null>(null);
  const load = () => {
    if (!store) {
      error.value = t('optionsHealthUnavailable');
      return;
    }
    store
      .load()
      .then((value) => {
        health.value = value;
        error.value = null;
      })
      .catch((caught: unknown) => (error.value = caught instanceof Error ? caught.message : String(caught)));
  };
  useEffect(load, [store]);
  if (error.value) return <p class="ew-field-errors" role="alert">{t('optionsLoadFailed', error.value)}</p>;
  const value = health.value;
  if (!value) return <p role="status">{t('optionsLoading')}</p>;
  const locale = uiLanguage();
  const when = (iso: string | null) => (iso ? formatInstant(new Date(iso), engineerTimeZone, locale) : t('optionsHealthNever'));
  const lastWakeText = (at: string, wake: NonNullable<Health['lastWake']>) => {
    const took = wake.tookMs.toLocaleString(locale, { maximumFractionDigits: 0 });
    if (wake.watched === 0) return t('optionsHealthLastWakeNone', [when(at), took]);
    if (wake.evaluated >= wake.watched) return t('optionsHealthLastWakeAll', [when(at), took, wake.watched.toLocaleString(locale)]);
    return t('optionsHealthLastWakeCost', [when(at), took, wake.evaluated.toLocaleString(locale), wake.watched.toLocaleString(locale)]);
  };
  const errors = Object.entries(value.originErrors).sort(([, a], [, b]) => Date.parse(b.at) - Date.parse(a.at));
  return (
    <section class="ew-section" aria-labelledby="ew-health-title">
      <h2 id="ew-health-title">{t('optionsHealth')}</h2>
      <p class="ew-help">{t('optionsHealthIntro')}</p>
      <dl class="ew-health-times">
        <dt>{t('optionsHealthLastWake')}</dt>
        <dd data-health="last-wake">
          {value.lastWake && value.lastWakeAt ? lastWakeText(value.lastWakeAt, value.lastWake) : when(value.lastWakeAt)}
        </dd>
        <dt>{t('optionsHealthNextAlarm')}</dt>
        <dd data-health="next-alarm">{when(value.nextAlarmAt)}</dd>
      </dl>
      <HealthList
        title={t('optionsHealthHeld')}
        name="held"
        items={value.held.map((held) => ({ key: held.id, text: t('optionsHealthHeldItem', [held.ticket, when(held.until)]) }))}
      />
      <HealthList
        title={t('optionsHealthRefused')}
        name="refused"
        items={[...value.refused].reverse().map((refused, index) => ({
          key: `${refused.at}-${index}`,
          text: t('optionsHealthRefusedItem', [when(refused.at), refused.ticket, refused.origin ?? '', refused.reason]),
        }))}
      />
      <HealthList
        title={t('optionsHealthErrors')}
        name="errors"
        items={errors.map(([origin, last]) => ({ key: origin, text: t('optionsHealthErrorItem', [origin, when(last.at), last.message]) }))}
      />
      <button type="button" class="ew-button" onClick={load}>
        {t('optionsHealthReload')}
      </button>
    </section>
  );
}

function HealthList({ title, name, items }: { title: string; name: string; items: Array<{ key: string; text: string }> }) {
  return (
    <fieldset class="ew-group" data-health={name}>
      <legend>{title}</legend>
      {items.length === 0 ? (
        <p class="ew-help">{t('optionsHealthNone')}</p>
      ) : (
        <ul>
          {items.map((item) => (
            <li key={item.key}>{item.text}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
