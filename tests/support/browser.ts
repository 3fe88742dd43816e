/**
 * Browser journeys: Debian's Chromium driven by playwright-core, axe-core and a French
 * typography check on every page a journey visits.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect } from "vitest";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";

export const chromiumPath = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
export const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const chromiumMissing = !fs.existsSync(chromiumPath);
const missingMessage =
  `Chromium not found at ${chromiumPath}: install it (apt-get install -y chromium) or set CHROMIUM_PATH. ` +
  "Browser journeys (accessibility, JavaScript and no-JavaScript forms) did not run.";

/**
 * A describe block for browser journeys. Without Chromium it is skipped with a message,
 * except in CI (env CI set), where the suite fails: journeys must not silently vanish there.
 */
export function describeWithBrowser(title: string, fn: () => void) {
  if (chromiumMissing && !process.env.CI) {
    console.warn(`[browser] SKIPPED « ${title} »: ${missingMessage}`);
    describe.skip(title, fn);
    return;
  }
  describe(title, fn);
}

export async function launchBrowser(): Promise<Browser> {
  if (chromiumMissing) throw new Error(`${missingMessage}${process.env.CI ? " CI is set: this is a failure." : ""}`);
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

export const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const contextDefaults: BrowserContextOptions = { locale: "fr-FR", timezoneId: "Europe/Paris", viewport: { width: 1280, height: 900 } };

/** Contexts with JavaScript off, and the JavaScript-enabled twin axe runs in for each (see `axeResults`). */
const mirrors = new WeakMap<BrowserContext, { browser: Browser; page?: Page }>();

/** A fresh context (own cookies) with French locale and Paris time; axe needs pages from a context. */
export async function newContext(browser: Browser, base: string, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const ctx = await browser.newContext({ baseURL: base, ...contextDefaults, ...options });
  ctx.setDefaultTimeout(15_000);
  ctx.setDefaultNavigationTimeout(30_000);
  if (options.javaScriptEnabled === false) {
    mirrors.set(ctx, { browser });
    ctx.once("close", () => void mirrors.get(ctx)?.page?.context().close().catch(() => {}));
  }
  return ctx;
}

/**
 * axe-core needs timers, which do not run in a context with JavaScript off (it hangs there).
 * For such a page, the DOM as the user has it (`page.content()`, scripts removed: none of
 * them ran) is loaded at the same URL in a JavaScript-enabled twin context, with the same
 * stylesheets and viewport, and axe runs there.
 */
async function axeResults(page: Page) {
  const mirror = mirrors.get(page.context());
  if (!mirror) return new AxeBuilder({ page }).withTags(axeTags).analyze();
  if (!mirror.page) {
    const ctx = await mirror.browser.newContext({ ...contextDefaults, viewport: page.viewportSize() ?? contextDefaults.viewport });
    mirror.page = await ctx.newPage();
  }
  const twin = mirror.page;
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, "");
  const match = (u: URL) => u.href === url;
  await twin.route(match, (route) => route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html }));
  try {
    await twin.goto(url, { waitUntil: "load" });
  } finally {
    await twin.unroute(match);
  }
  return new AxeBuilder({ page: twin }).withTags(axeTags).analyze();
}

export interface CheckReport {
  label: string;
  url: string;
  axeViolations: number;
  typography: string[];
  ms: number;
}

/** Every page checked during the run, for a summary at the end. */
export const checkedPages: CheckReport[] = [];

/**
 * Ordinary (breaking) spaces where French typography wants a non-breaking one: before
 * « ; : ! ? » and inside guillemets. URLs and times (« 14:05 ») are left out.
 */
export function typographyProblems(text: string): string[] {
  const cleaned = text
    .replace(/\b[a-z][a-z0-9+.-]*:\/\/\S+/gi, " URL ")
    .replace(/\b(?:mailto|tel):\S+/gi, " URL ")
    .replace(/\b\d{1,2}:\d{2}(?::\d{2})?\b/g, " HEURE ");
  const problems: string[] = [];
  const rules: [RegExp, string][] = [
    [/ [;:!?]/g, "ordinary space before « ; : ! ? »"],
    [/« /g, "ordinary space after «"],
    [/ »/g, "ordinary space before »"],
  ];
  for (const [re, what] of rules) {
    for (const m of cleaned.matchAll(re)) {
      const i = m.index ?? 0;
      const context = cleaned.slice(Math.max(0, i - 40), i + 30).replace(/\s+/g, (s) => (s === " " ? " " : "⏎"));
      problems.push(`${what}: …${context}…`);
    }
  }
  return problems;
}

function formatViolations(violations: Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map((n) => `      - ${n.target.join(" ")}\n        ${n.html.slice(0, 200)}\n        ${(n.failureSummary ?? "").replace(/\n/g, " ")}`)
        .join("\n");
      return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n    ${v.helpUrl}\n${nodes}`;
    })
    .join("\n");
}

/** axe-core violations (WCAG 2.1 A and AA) and typography problems of the page as it is now (title and visible text). */
export async function inspect(page: Page) {
  await page.waitForLoadState("load");
  const results = await axeResults(page);
  const text: string = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
  return { violations: results.violations, typography: typographyProblems(text) };
}

/**
 * Checks the page as it is now: axe-core (WCAG 2.1 A and AA) and French typography of
 * the visible text. Failures are soft (the journey goes on, the test fails at the end)
 * and printed.
 */
/**
 * Waits until a client-side navigation has settled: the router is idle and React has
 * committed (two animation frames). The URL changes before the new page is on screen.
 */
export async function settled(page: Page): Promise<void> {
  if (mirrors.has(page.context())) return; // JavaScript off: every page is a full load, already settled
  await page.waitForFunction(() => {
    const router = (window as unknown as { __reactRouterDataRouter?: { state: { navigation: { state: string } } } }).__reactRouterDataRouter;
    return !router || router.state.navigation.state === "idle";
  });
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

export async function check(page: Page, label: string): Promise<void> {
  await settled(page);
  const t0 = Date.now();
  const { violations, typography: typo } = await inspect(page);
  const results = { violations };
  const report: CheckReport = { label, url: page.url(), axeViolations: results.violations.length, typography: typo, ms: Date.now() - t0 };
  checkedPages.push(report);
  if (results.violations.length) {
    console.error(`[axe] ${label} (${page.url()}): ${results.violations.length} violation(s)\n${formatViolations(results.violations)}`);
  }
  if (typo.length) console.error(`[typographie] ${label} (${page.url()}):\n  ${typo.join("\n  ")}`);
  expect.soft(results.violations.map((v) => `${v.id}: ${v.help}`), `axe violations on ${label} (${page.url()})`).toEqual([]);
  expect.soft(typo, `French typography on ${label} (${page.url()})`).toEqual([]);
}

/** Navigates to a path, then checks the page. */
export async function visit(page: Page, pathname: string, label = pathname): Promise<void> {
  const res = await page.goto(pathname);
  expect(res?.status(), `status of ${pathname}`).toBeLessThan(400);
  await check(page, label);
}

/** Signs in through the demo persona picker, by e-mail, like a user; checks the picker page. */
export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/connexion/demo");
  await check(page, "persona picker");
  await page.getByLabel("Ou l’adresse électronique d’un agent de démonstration").fill(email);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/connexion")), page.getByRole("button", { name: "Entrer avec cette adresse" }).click()]);
  await expect.poll(() => page.getByRole("button", { name: "Se déconnecter" }).count()).toBeGreaterThan(0);
}

/** Which element has the focus: its id, or its tag name. */
export async function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName.toLowerCase() || "");
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = process.env.SCREENSHOT_DIR || "/tmp/shots";
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** The number in the header's notification badge (0 when there is none). */
export async function unreadInHeader(page: Page): Promise<number> {
  const link = page.locator("header").getByRole("link", { name: /^Notifications/ });
  const text = (await link.innerText()).replace(/\s+/g, " ");
  const m = /(\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}
