import { sendMessage, type SettingsArea } from '../../lib/messages';

/**
 * Tells the background a setting changed so it re-evaluates and re-arms at once. The change is
 * already stored, and the background re-reads storage when it next wakes, so a background that
 * cannot be reached is only logged.
 */
export async function nudgeBackground(area: SettingsArea): Promise<void> {
  try {
    await sendMessage({ type: 'settings:changed', area });
  } catch (error) {
    console.warn(`[Escalation Watch] settings:changed (${area}) not delivered:`, error);
  }
}
