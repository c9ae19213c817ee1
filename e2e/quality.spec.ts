import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { TEMPLATES } from './site.ts';

/** Opens every answer, so hidden content is checked too. */
async function openAnswers(page: Page) {
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
}

for (const scheme of ['light', 'dark'] as const) {
  // Tagged @site-wide: page content, not URLs, decides these, so the run under /recall/ skips them.
  test.describe(`axe, ${scheme}`, { tag: '@site-wide' }, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of Object.entries(TEMPLATES)) {
      test(`${name} has no accessibility violations`, async ({ page }) => {
        // A study page with every answer open is a large tree for axe on a two-core machine.
        test.slow();
        await page.goto(path);
        await page.waitForLoadState('networkidle');
        await openAnswers(page);
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
      });
    }
  });
}

test.describe('phone width', { tag: '@site-wide' }, () => {
  test.use({ viewport: { width: 360, height: 740 } });
  for (const [name, path] of Object.entries(TEMPLATES)) {
    test(`${name} does not scroll sideways at 360px`, async ({ page }) => {
      await page.goto(path);
      await page.waitForLoadState('networkidle');
      await openAnswers(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBe(0);
    });
  }
});

/** Tabs through the page and records each focused element and whether its focus is visible. */
async function tabThrough(page: Page, presses: number) {
  const seen: { name: string; visible: boolean }[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    seen.push(
      await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return { name: '', visible: true };
        const style = getComputedStyle(el);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 60);
        return { name, visible };
      }),
    );
  }
  return seen;
}

test('a study page is operable by keyboard alone, with visible focus', async ({ page }) => {
  await page.goto('python/');
  const seen = await tabThrough(page, 24);
  expect(seen.filter((s) => s.name && !s.visible)).toEqual([]);
  const names = seen.map((s) => s.name);
  for (const control of ['Skip to content', 'Search', 'Expand all', 'Collapse all', 'Active recall', 'Show answer']) {
    expect(names.some((n) => n.includes(control)), `${control} reached by Tab`).toBe(true);
  }

  // Operate them: Enter opens an answer, Space flips the switch, Enter expands all.
  await page.locator('details[data-answer] > summary').first().focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('details[data-answer]').first()).toHaveAttribute('open', '');
  await page.getByRole('switch', { name: 'Active recall' }).focus();
  await page.keyboard.press('Space');
  await expect(page.getByRole('switch', { name: 'Active recall' })).toHaveAttribute('aria-checked', 'false');
  await page.keyboard.press('Space');
  await page.getByRole('button', { name: 'Expand all' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('details[data-answer]:not([open])')).toHaveCount(0);
});

test('the cards page is operable by keyboard alone, with visible focus', async ({ page }) => {
  await page.goto('python/cards/');
  // The queues and the filters come before the card.
  const seen = await tabThrough(page, 20);
  expect(seen.filter((s) => s.name && !s.visible)).toEqual([]);
  expect(seen.some((s) => /Show answer/.test(s.name)), 'Show answer reached by Tab').toBe(true);
});

test('no Content-Security-Policy violation while using every feature', async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });

  await page.goto('python/');
  await page.locator('details[data-answer] > summary').first().click();
  await page.getByRole('button', { name: 'Missed it' }).first().click();
  await page.getByRole('button', { name: 'Expand all' }).click();
  await page.getByRole('switch', { name: 'Active recall' }).click();
  // Back to active recall, so the next pages open with answers closed.
  await page.getByRole('switch', { name: 'Active recall' }).click();
  await page.getByLabel('Colour theme').selectOption('dark');
  await page.getByRole('combobox', { name: 'Search questions' }).fill('generater');
  await expect(page.getByRole('option').first()).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.goto('python/q/plus-equals-on-aliased-list/');
  await page.getByText('Show answer').click();
  expect(await violations()).toEqual([]);

  await page.goto('search/?q=closure&difficulty=basic');
  await expect(page.locator('.results > li').first()).toBeVisible();
  expect(await violations()).toEqual([]);

  await page.goto('python/cards/');
  await expect(page.getByRole('paragraph').filter({ hasText: 'Left in this session' })).toBeVisible();
  await page.keyboard.press('Space');
  await page.keyboard.press('3');
  expect(await violations()).toEqual([]);

  await page.goto('progress/');
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);
  expect(errors.filter((e) => /Content Security Policy|Refused/.test(e))).toEqual([]);
});

test('the theme choice persists and is applied before first paint', async ({ page }) => {
  await page.goto('python/');
  await page.getByLabel('Colour theme').selectOption('dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The inline head script applies the stored theme before any module script runs.
  const themeAtParse: string[] = [];
  page.on('console', (m) => themeAtParse.push(m.text()));
  await page.addInitScript(() => {
    document.addEventListener('readystatechange', () => {
      if (document.readyState === 'interactive') console.log(`theme:${document.documentElement.dataset.theme ?? 'none'}`);
    });
  });
  await page.reload();
  await expect(page.getByLabel('Colour theme')).toHaveValue('dark');
  expect(themeAtParse).toContain('theme:dark');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(16, 18, 23)');
  await page.getByLabel('Colour theme').selectOption('auto');
  await page.reload();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme');
});

test('print shows a study page as a clean sheet: answers open, navigation hidden', async ({ page }) => {
  await page.goto('python/');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('banner')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Expand all' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Study pages' })).toBeHidden();
  const firstAnswer = page.locator('question-card').first().getByRole('heading', { name: 'Key points' });
  await expect(firstAnswer).toBeVisible();
});

// The budget of DESIGN.md: a study page loads under 10 KB of gzipped JavaScript before any
// interaction (for a first visit; search, Python and the scheduler load when first used).
for (const name of ['study', 'study page 2', 'question', 'home'] as const) {
  test(`the ${name} page loads under 10 KB of gzipped JavaScript before any interaction`, async ({ page }) => {
    const scripts = new Map<string, number>();
    page.on('response', async (response) => {
      if (response.request().resourceType() !== 'script' || response.request().frame() !== page.mainFrame()) return;
      scripts.set(response.url(), gzipSync(await response.body()).length);
    });
    await page.goto(TEMPLATES[name]!, { waitUntil: 'networkidle' });
    // Scripts Astro inlines in the page (small ones without imports, and the theme) count too.
    const inline = await page.locator('script:not([src]):not([type="application/json"]):not([type="application/ld+json"])').allTextContents();
    inline.forEach((text, i) => scripts.set(`inline script ${i + 1}`, gzipSync(text).length));
    const total = [...scripts.values()].reduce((a, b) => a + b, 0);
    expect(scripts.size).toBeGreaterThan(0);
    expect(total, [...scripts].map(([url, bytes]) => `${url.startsWith('http') ? new URL(url).pathname : url} ${bytes} B`).join('\n')).toBeLessThan(10 * 1024);
  });
}
