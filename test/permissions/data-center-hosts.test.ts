import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { dataCenterHosts, dataCenterScriptId, registerDataCenterScripts } from '../../lib/permissions/data-center-hosts';

/**
 * Issue 12, item 6: one registered Jira script per Data Center origin, with an id no other origin
 * shares, and removing a host touches only its own script. browser.scripting and permissions are
 * modelled here in memory (the fake browser does not implement them).
 */

interface Script {
  id: string;
  matches?: string[];
  js?: string[];
}

let scripts: Script[];
let granted: Set<string>;

beforeEach(() => {
  fakeBrowser.reset();
  scripts = [];
  granted = new Set();
  const scripting = fakeBrowser.scripting as unknown as Record<string, unknown>;
  scripting.getRegisteredContentScripts = async (filter?: { ids?: string[] }) =>
    scripts.filter((script) => !filter?.ids || filter.ids.includes(script.id)).map((script) => ({ ...script }));
  scripting.registerContentScripts = async (added: Script[]) => {
    for (const script of added) {
      if (scripts.some((s) => s.id === script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
      scripts.push(script);
    }
  };
  scripting.unregisterContentScripts = async ({ ids }: { ids: string[] }) => {
    scripts = scripts.filter((script) => !ids.includes(script.id));
  };
  const permissions = fakeBrowser.permissions as unknown as Record<string, unknown>;
  permissions.request = async ({ origins }: { origins: string[] }) => {
    for (const origin of origins) granted.add(origin);
    return true;
  };
  permissions.contains = async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin));
  permissions.remove = async ({ origins }: { origins: string[] }) => {
    for (const origin of origins) granted.delete(origin);
    return true;
  };
});

describe('Data Center script registrations', () => {
  it('jira.a-b.com and jira.a.b.com (and a port) get ids of their own', () => {
    const ids = ['https://jira.a-b.com', 'https://jira.a.b.com', 'https://jira.a_b.com', 'https://jira.a.b.com:8443'].map(dataCenterScriptId);
    expect(new Set(ids).size).toBe(4);
  });

  it('both hosts are registered, and removing one leaves the other registered', async () => {
    expect(await dataCenterHosts.add('https://jira.a-b.com')).toBe('granted');
    expect(await dataCenterHosts.add('https://jira.a.b.com')).toBe('granted');
    expect(scripts.map((s) => s.matches)).toEqual([['https://jira.a-b.com/*'], ['https://jira.a.b.com/*']]);
    await dataCenterHosts.remove('https://jira.a-b.com');
    expect(scripts.map((s) => s.matches)).toEqual([['https://jira.a.b.com/*']]);
  });

  it('a host with a port is registered for its port', async () => {
    await dataCenterHosts.add('https://jira.example.com:8443');
    expect(scripts.map((s) => s.matches)).toEqual([['https://jira.example.com:8443/*']]);
  });

  it("an older build's registration is replaced, not doubled", async () => {
    granted.add('https://jira.a-b.com/*');
    scripts.push({ id: 'ew-jira-dc-https___jira_a_b_com', matches: ['https://jira.a-b.com/*'], js: ['content-scripts/jira.js'] });
    await registerDataCenterScripts(['https://jira.a-b.com']);
    expect(scripts.map((s) => s.id)).toEqual([dataCenterScriptId('https://jira.a-b.com')]);
  });
});
