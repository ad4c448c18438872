import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { pageSecondTicker, type SecondTicker } from '../../lib/countdown/second-ticker';

/** Tests and previews provide their own clock; the page uses its one second ticker. */
export const ClockContext = createContext<SecondTicker | null>(null);

export function usePageClock(): SecondTicker {
  return useContext(ClockContext) ?? pageSecondTicker();
}
