import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { pageSharedClock, type SharedClock } from '../../lib/countdown';

/** Tests pass their own clock; the popup uses the page's one shared clock (ticks only while visible). */
export const PopupClockContext = createContext<SharedClock | null>(null);

export function usePopupClock(): SharedClock {
  return useContext(PopupClockContext) ?? pageSharedClock();
}
