import { fireEvent } from '@testing-library/preact';
import { browserOptionsServices } from '../../entrypoints/options/options-services';
import type { OptionsServices } from '../../components/options/options-services';
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

/** The real services over WXT's fake browser, with downloads captured instead of saved. */
export function testServices(): OptionsServices & { downloads: Array<{ filename: string; text: string }> } {
  const downloads: Array<{ filename: string; text: string }> = [];
  // Stands in for the background, which acknowledges the options page's "settings changed" nudges.
  fakeBrowser.runtime.onMessage.addListener(() => Promise.resolve({ ok: true, data: { nextWakeAt: null } }));
  const services = browserOptionsServices();
  return { ...services, files: { download: vi.fn((filename: string, text: string) => void downloads.push({ filename, text })) }, downloads };
}

/** Chooses a file in an <input type=file> the way a person would. */
export function chooseFile(input: HTMLElement, name: string, text: string): void {
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

/** Everything in storage.local and storage.sync, to prove something left it alone. */
export async function storageSnapshot(): Promise<string> {
  return JSON.stringify([await fakeBrowser.storage.local.get(), await fakeBrowser.storage.sync.get()]);
}
