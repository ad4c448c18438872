import type { CDPSession, Page } from 'puppeteer-core';

/**
 * The extension's UI lives in CLOSED shadow roots: page scripts cannot reach in (issue 12), and
 * neither can `page.evaluate`. The browser's own automation protocols can: Chromium's DevTools
 * protocol lists closed shadow roots with `DOM.getDocument({ pierce: true })`, and WebDriver BiDi
 * (Firefox) serialises them with `includeShadowTree: 'all'`. `inShadowRoots` hands the roots of
 * every `<tag>` host, in document order, to a function run in the page, as a page script would
 * see them if it could. Only the test tools have this reach.
 *
 * `fn` is serialised into the page (no closures) and must return JSON-serialisable data.
 */
export async function inShadowRoots<R, A = null>(page: Page, tag: `ew-${string}`, fn: (roots: ShadowRoot[], arg: A) => R, arg?: A): Promise<R> {
  return inShadowRootsSource<R>(page, tag, fn.toString(), arg ?? null);
}

async function inShadowRootsSource<R>(page: Page, tag: string, fnSource: string, arg: unknown): Promise<R> {
  const body = `function (...roots) { return JSON.stringify((${fnSource})(roots, ${JSON.stringify(arg)}) ?? null); }`;
  const json = (page.browser() as unknown as { protocol: 'cdp' | 'webDriverBiDi' }).protocol === 'webDriverBiDi' ? await viaBidi(page, tag, body) : await viaCdp(page, tag, body);
  return JSON.parse(json) as R;
}

interface CdpNode {
  nodeId: number;
  backendNodeId: number;
  localName?: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

function hostsIn(node: CdpNode, tag: string, found: CdpNode[] = []): CdpNode[] {
  if (node.localName === tag) found.push(node);
  for (const child of node.children ?? []) hostsIn(child, tag, found);
  for (const root of node.shadowRoots ?? []) hostsIn(root, tag, found);
  return found;
}

async function viaCdp(page: Page, tag: string, body: string): Promise<string> {
  const cdp: CDPSession = await page.createCDPSession();
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const rootIds: string[] = [];
    for (const host of hostsIn(root, tag)) {
      const shadow = host.shadowRoots?.[0];
      if (!shadow) continue;
      const { object } = await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
      if (object.objectId) rootIds.push(object.objectId);
    }
    const reply =
      rootIds.length > 0
        ? await cdp.send('Runtime.callFunctionOn', {
            objectId: rootIds[0],
            functionDeclaration: body,
            arguments: rootIds.map((objectId) => ({ objectId })),
            returnByValue: true,
            awaitPromise: true,
          })
        : await cdp.send('Runtime.evaluate', { expression: `(${body})()`, returnByValue: true, awaitPromise: true });
    if (reply.exceptionDetails) throw new Error(`in the page: ${reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text}`);
    return String(reply.result.value);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The BiDi realm puppeteer keeps for a frame (not in its typings: `mainRealm().realm`). */
interface BidiRealm {
  callFunction(
    functionDeclaration: string,
    awaitPromise: boolean,
    options: Record<string, unknown>,
  ): Promise<{ type: 'success'; result: { type: string; value?: unknown } } | { type: 'exception'; exceptionDetails: { text: string } }>;
}

interface BidiNode {
  value?: { shadowRoot?: { sharedId?: string } | null };
}

async function viaBidi(page: Page, tag: string, body: string): Promise<string> {
  const realm = (page.mainFrame() as unknown as { mainRealm(): { realm: BidiRealm } }).mainRealm().realm;
  const hosts = await realm.callFunction(`() => [...document.querySelectorAll(${JSON.stringify(tag)})]`, true, {
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: 0 },
    resultOwnership: 'none',
  });
  if (hosts.type !== 'success') throw new Error(`in the page: ${hosts.exceptionDetails.text}`);
  const roots = ((hosts.result.value ?? []) as BidiNode[]).flatMap((host) => {
    const sharedId = host.value?.shadowRoot?.sharedId;
    return sharedId ? [{ sharedId }] : [];
  });
  const reply = await realm.callFunction(body, true, { arguments: roots, resultOwnership: 'none' });
  if (reply.type !== 'success') throw new Error(`in the page: ${reply.exceptionDetails.text}`);
  return String(reply.result.value);
}

/**
 * A real (trusted) mouse click on the first element matching `selector` inside the `index`-th
 * root of `tag` hosts (scrolled into view first), in the tab in front. False when not found.
 */
export async function clickInShadow(page: Page, tag: `ew-${string}`, find: (roots: ShadowRoot[], arg: string) => Element | null | undefined, arg = ''): Promise<boolean> {
  await page.bringToFront(); // a background tab renders no frame to click on
  const locate = `(roots, arg) => {
    const target = (${find.toString()})(roots, arg);
    if (!target) return null;
    target.scrollIntoView({ block: 'center', inline: 'center' });
    const rect = target.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }`;
  const point = await inShadowRootsSource<{ x: number; y: number } | null>(page, tag, locate, arg);
  if (!point) return false;
  await page.mouse.click(point.x, point.y);
  return true;
}
