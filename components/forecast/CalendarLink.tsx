import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';

interface CalendarLinkProps {
  /** Builds the file's text when clicked (the whole forecast can be large: built only when asked for). */
  text: () => string;
  fileName: string;
  label: string;
  disabled?: boolean;
}

/**
 * "Add to calendar": an `<a download>` from the extension's own page, its href a Blob URL made
 * at the click — no downloads permission. The URL is revoked once the page goes away or a newer
 * file replaces it.
 */
export function CalendarLink({ text, fileName, label, disabled = false }: CalendarLinkProps) {
  const url = useRef<string | null>(null);
  useEffect(
    () => () => {
      if (url.current) URL.revokeObjectURL(url.current);
    },
    [],
  );
  if (disabled) {
    return (
      <span class="ew-button ew-calendar-link" aria-disabled="true" title={t('forecastNoCalendarEvents')}>
        {label}
      </span>
    );
  }
  return (
    <a
      class="ew-button ew-calendar-link"
      href="#"
      download={fileName}
      title={t('forecastAddToCalendarHint')}
      onClick={(event) => {
        // Set before the browser follows the link: the download takes the href as it is after this handler.
        if (url.current) URL.revokeObjectURL(url.current);
        url.current = URL.createObjectURL(new Blob([text()], { type: 'text/calendar;charset=utf-8' }));
        event.currentTarget.href = url.current;
      }}
    >
      {label}
    </a>
  );
}
