// The runtime's modules refer to a global `browser` (WXT auto-import); the page gets the stub.
import { browser } from 'wxt/browser';
(globalThis as unknown as { browser: unknown }).browser = browser;
