// The ReLU course's HTML report in a real browser (Debian's chromium through
// playwright-core): no console errors, every plot visible with a size, no
// horizontal overflow at 375 px (experiments' tables included), and
// screenshots to look at.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PACKAGE_ROOT } from '../../core/defaults.ts';
import { renderReports } from '../../report/renderReports.ts';
import { assignment } from '../assignment.ts';
import { sampleExperiments } from './fixtures/sample-experiments.ts';
import { sampleResults } from './fixtures/sample-results.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = fs.existsSync(CHROMIUM);
const outDir = path.join(PACKAGE_ROOT, 'reports/_test');
const htmlPath = path.join(outDir, 'report.html');

if (!hasChromium) {
  console.warn(`Skipping the browser test of the HTML report: ${CHROMIUM} is absent (CI installs chromium).`);
}

describe.skipIf(!hasChromium)('the HTML report in chromium', () => {
  let browser: Browser;

  beforeAll(async () => {
    fs.mkdirSync(outDir, { recursive: true });
    const { html } = renderReports(
      { ...sampleResults, plots: { ...sampleResults.plots, experiments: sampleExperiments } },
      {
        audience: 'student',
        now: new Date('2026-11-27T00:00:00Z'),
        deadline: new Date('2026-12-01T23:59:00Z'),
        assignment,
      },
    );
    fs.writeFileSync(htmlPath, html);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  async function open(width: number) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  test('renders without console errors or requests, every plot visible (desktop)', async () => {
    const { page, errors, requests } = await open(1200);
    const plots = page.locator('figure svg[role="img"]');
    const count = await plots.count();
    expect(count).toBe(6);
    // the experiments: five tables, relu's graph beside the first
    expect(await page.locator('.experiment table').count()).toBe(5);
    await expect.poll(() => page.locator('.experiment-plot svg[role="img"]').isVisible()).toBe(true);
    for (let i = 0; i < count; i++) {
      const plot = plots.nth(i);
      await expect.poll(() => plot.isVisible()).toBe(true);
      const box = await plot.boundingBox();
      expect(box && box.width > 100 && box.height > 50, `plot ${i} has a size`).toBe(true);
    }
    // each SVG parses as XML on its own
    const parseErrors = await page.evaluate(() =>
      [...document.querySelectorAll('figure svg')].map((svg) => {
        const doc = new DOMParser().parseFromString(svg.outerHTML, 'image/svg+xml');
        return doc.querySelector('parsererror')?.textContent ?? null;
      }),
    );
    expect(parseErrors.filter((e) => e !== null)).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    await page.screenshot({ path: path.join(outDir, 'report-desktop.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('has no horizontal overflow at 375 px', async () => {
    const { page, errors } = await open(375);
    const widths = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollWidth,
      wide: [...document.querySelectorAll('body *')]
        .filter((el) => el.getBoundingClientRect().right > 375.5)
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
    }));
    await page.screenshot({ path: path.join(outDir, 'report-375.png'), fullPage: true });
    expect(widths.wide).toEqual([]);
    expect(widths.scroll).toBeLessThanOrEqual(375);
    expect(errors).toEqual([]);
    await page.close();
  });
});
