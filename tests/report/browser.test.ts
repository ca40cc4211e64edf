import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderReport } from '../../src/report/index.js';
import type { TipDocument } from '../../src/validate/schema.js';
import { tipDocument } from '../helpers/factories.js';
import { hostileDocument, PAYLOADS, richDocument, seriesDocuments } from './documents.js';

/**
 * Opens the report in a real browser (Debian's Chromium driven by playwright-core) and uses it as a reader would.
 * The screenshot is saved as output/report.png so that a person can look at it; it is git-ignored, and
 * tests/output.test.ts leaves it out when it compares output/ with a fresh run.
 */

const CHROMIUM = '/usr/bin/chromium';

/** The little of the DOM the in-page check uses; the tests compile without the DOM library. */
interface ElementLike {
  id: string;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { left: number; top: number; width: number; height: number };
  closest(selector: string): ElementLike | null;
  scrollIntoView(): void;
}
interface DomLike {
  querySelectorAll(selector: string): Iterable<ElementLike>;
  elementFromPoint(x: number, y: number): ElementLike | null;
}
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SEED = join(ROOT, 'fixtures', 'sources', 'refworld-5959eca511.txt');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--no-first-run',
  '--disable-quic',
  '--disable-component-update',
  '--disable-sync',
];

/** What the payloads would set if they ran (`window.__pwned`); the test has no DOM types, hence globalThis. */
const pwned = (): unknown => (globalThis as { __pwned?: unknown }).__pwned;

describe.skipIf(!existsSync(CHROMIUM))(
  `the report in headless Chromium (skipped when ${CHROMIUM} is missing)`,
  () => {
    let browser: Browser;
    let dir: string;

    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      dir = await mkdtemp(join(tmpdir(), 'tip-report-'));
    });

    afterAll(async () => {
      await browser?.close();
    });

    /** Writes the page to a file, opens it from its file: URL and records every request that is not that file. */
    async function open(
      html: string,
      name: string,
      options: { javaScriptEnabled?: boolean } = {},
    ): Promise<{ page: Page; context: BrowserContext; requests: string[] }> {
      const path = join(dir, `${name}.html`);
      await writeFile(path, html);
      const context = await browser.newContext({ ...options, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const url = pathToFileURL(path).href;
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.url() !== url) requests.push(r.url());
      });
      await page.goto(url);
      return { page, context, requests };
    }

    async function checkReport(docs: TipDocument[], name: string, screenshot?: string): Promise<void> {
      const { page, context, requests } = await open(renderReport(docs), name);
      const figures = docs.reduce((n, d) => n + d.figures.length, 0);
      expect(await page.locator('mark.fig[data-id]').count()).toBe(figures);
      expect(await page.locator('#details').isHidden()).toBe(true);

      // The first figure that a pointer can reach: where figures share their words, the innermost one takes the click
      // (the others stay reachable by keyboard and from the table).
      const reachable = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: DomLike }).document;
        for (const el of doc.querySelectorAll('mark.fig[data-id]')) {
          const box = el.getBoundingClientRect();
          const hit = doc.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
          if (hit?.closest('mark.fig')?.getAttribute('data-ref') === el.id) return el.id;
          el.scrollIntoView();
          const again = el.getBoundingClientRect();
          const hit2 = doc.elementFromPoint(again.left + again.width / 2, again.top + again.height / 2);
          if (hit2?.closest('mark.fig')?.getAttribute('data-ref') === el.id) return el.id;
        }
        return null;
      });
      expect(reachable).not.toBeNull();
      const first = page.locator(`#${reachable}`);
      const metric = await first.getAttribute('data-metric');
      const value = (await first.getAttribute('data-value')) ?? 'none';
      await first.click();
      const panel = page.locator('#details');
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await panel.locator('dd[data-field="metric"]').textContent()).toBe(metric);
      expect(await panel.locator('dd[data-field="value"]').textContent()).toBe(value);
      expect(await panel.locator('#details-quote').textContent()).toBe(
        await first.getAttribute('data-quote'),
      );

      // Keyboard: focusing another figure shows it, Escape closes the panel.
      const last = page.locator('mark.fig[data-id]').last();
      await last.focus();
      expect(await panel.locator('dd[data-field="id"]').textContent()).toBe(
        await last.getAttribute('data-id'),
      );
      await page.keyboard.press('Escape');
      expect(await panel.isHidden()).toBe(true);

      if (screenshot) {
        await first.scrollIntoViewIfNeeded();
        await first.click();
        await page.screenshot({ path: screenshot, fullPage: false });
      }
      expect(requests).toStrictEqual([]);
      await context.close();
    }

    it('highlights every figure of built documents and shows the one clicked', async () => {
      await checkReport(
        [richDocument(), tipDocument(), ...seriesDocuments()],
        'built',
        join(dir, 'built.png'),
      );
    });

    it('highlights every figure of the seed narrative and shows the one clicked (screenshot)', async () => {
      // Imported here so that the built-document tests run even while a pipeline stage is being rebuilt.
      const { processFile } = await import('../helpers/pipeline.js');
      const doc = await processFile(SEED);
      expect(doc.figures.length).toBeGreaterThan(0);
      await mkdir(join(ROOT, 'output'), { recursive: true });
      const shot = join(ROOT, 'output', 'report.png');
      await checkReport([doc], 'seed', shot);
      expect(existsSync(shot)).toBe(true);
    });

    it('highlights every figure of every source fixture on one page', async () => {
      const { processFile, sourceFixtures } = await import('../helpers/pipeline.js');
      const docs = await Promise.all(sourceFixtures().map(([id, path]) => processFile(path, id)));
      await checkReport(docs, 'fixtures');
    });

    it('runs none of the hostile text and shows all of it', async () => {
      const { page, context, requests } = await open(
        renderReport([hostileDocument()], { title: PAYLOADS[0] }),
        'x',
      );
      expect(await page.evaluate(pwned)).toBeUndefined();
      // Escaping alone must hold: the page's CSP would also stop inline handlers, so check the DOM as well.
      expect(await page.locator('script').count()).toBe(1);
      expect(await page.locator('img, main svg, textarea, b').count()).toBe(0);
      const text = (await page.locator('.text').textContent()) ?? '';
      for (const p of PAYLOADS) expect(text).toContain(p);
      expect(await page.locator('mark.fig[data-id]').count()).toBe(PAYLOADS.length);
      await page.locator('mark.fig[data-id]').nth(1).click();
      expect(await page.locator('#details dd[data-field="unit"]').textContent()).toBe(PAYLOADS[1]);
      expect(await page.evaluate(pwned)).toBeUndefined();
      expect(requests).toStrictEqual([]);
      await context.close();
    });

    it('works without scripts: highlights, tooltips and table links, the panel simply absent', async () => {
      const doc = richDocument();
      const { page, context } = await open(renderReport([doc]), 'noscript', { javaScriptEnabled: false });
      expect(await page.locator('mark.fig[data-id]').count()).toBe(doc.figures.length);
      expect(await page.locator('mark.fig[data-id]').first().getAttribute('title')).toBe(
        'investigations 8 cases, 2016 (under criminal code:124)',
      );
      expect(await page.locator('#details').isHidden()).toBe(true);
      await page.locator('a[href="#d0-f3"]').click();
      expect(new URL(page.url()).hash).toBe('#d0-f3');
      await context.close();
    });
  },
);
