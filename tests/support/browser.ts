/**
 * Browser journeys: Debian's Chromium driven by playwright-core, axe-core and a French
 * typography check on every page a journey visits.
 */
import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
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
  describe(title, () => {
    beforeAll(() => {
      consoleProblems = [];
    });
    fn();
    // Last test of every journey: any console error or uncaught page error met on the way fails it.
    it("meets no console error and no page error on the whole journey", () => {
      if (consoleProblems.length) console.error(`[console] ${title}:\n  ${consoleProblems.join("\n  ")}`);
      expect(consoleProblems, "console errors and page errors met during the journey").toEqual([]);
    });
  });
}

/**
 * Console errors and uncaught page errors of every page of every context made by
 * `newContext` during the current journey (reset when a `describeWithBrowser` block starts).
 * An error page the journey asked for (a document answered 4xx, which Chromium reports as
 * « Failed to load resource ») is not a problem: the journey checks its status itself.
 */
let consoleProblems: string[] = [];

/** The console problems collected so far in this journey (a copy). */
export function journeyConsoleProblems(): string[] {
  return [...consoleProblems];
}

function watchConsole(ctx: BrowserContext) {
  const errorDocuments = new Set<string>();
  ctx.on("response", (response) => {
    const type = response.request().resourceType();
    const status = response.status();
    const isRouteData = type === "fetch" && new URL(response.url()).pathname.endsWith(".data");
    if ((type === "document" || isRouteData) && status >= 400 && status < 500) errorDocuments.add(response.url());
  });
  ctx.on("console", (message) => {
    if (message.type() !== "error") return;
    const where = message.location()?.url ?? "";
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) && errorDocuments.has(where)) return;
    // React Router fetches the route manifest of the links on a page as it loads; when the
    // journey moves on before that fetch ends, the browser aborts it and React Router logs it.
    if (message.text().startsWith("Failed to fetch manifest patches TypeError: Failed to fetch")) return;
    consoleProblems.push(`console.error on ${message.page()?.url() ?? where}: ${message.text()}`);
  });
  ctx.on("weberror", (webError) => {
    consoleProblems.push(`page error on ${webError.page()?.url() ?? "?"}: ${webError.error().message}`);
  });
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
  watchConsole(ctx);
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

export interface CheckOptions {
  /** Also check the page 390 px wide (a phone): no horizontal overflow, the header's menu. */
  phone?: boolean;
}

export async function check(page: Page, label: string, options: CheckOptions = {}): Promise<void> {
  await settled(page);
  if (options.phone) await checkPhone(page, label);
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
export async function visit(page: Page, pathname: string, label = pathname, options: CheckOptions = {}): Promise<void> {
  const res = await page.goto(pathname);
  expect(res?.status(), `status of ${pathname}`).toBeLessThan(400);
  await check(page, label, options);
}

export const phoneViewport = { width: 390, height: 844 };

/**
 * What sticks out of a page as wide as its window: the document's scroll width, and the
 * visible elements whose box goes past the right edge (or the left) without a scrolling
 * ancestor to hold them (DSFR's table wrapper, a code block…). A short description of each.
 */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const innerWidth = window.innerWidth;
    const culprits: string[] = [];
    const offenders: { el: Element; left: number; right: number }[] = [];
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : "";
      const cls = typeof el.className === "string" && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 3).join(".")}` : "";
      const text = (el.textContent ?? "").replace(/\s+/g, " ").trim().slice(0, 60);
      return `<${el.tagName.toLowerCase()}${id}${cls}> « ${text} »`;
    };
    const clipped = (el: Element): boolean => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (["auto", "scroll", "hidden", "clip"].includes(style.overflowX)) {
          const box = a.getBoundingClientRect();
          if (box.right <= innerWidth + 1 && box.left >= -1) return true;
        }
      }
      return false;
    };
    for (const el of Array.from(document.body.querySelectorAll("*"))) {
      const style = getComputedStyle(el);
      if (style.display === "none" || style.visibility === "hidden" || style.position === "fixed") continue;
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (box.width <= 1 && box.height <= 1) continue; // screen-reader-only text
      // Its box, or what it holds that spills out of it (a long word, a line that cannot wrap).
      // A form control scrolls its own text inside its box (its scrollWidth counts that text): only its box counts.
      const control = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement;
      const spill = !control && style.overflowX === "visible" && el.scrollWidth > el.clientWidth + 1 ? box.left + el.clientLeft + el.scrollWidth : box.right;
      const right = Math.max(box.right, spill);
      if (right <= innerWidth + 1 && box.left >= -1) continue;
      if (clipped(el)) continue;
      offenders.push({ el, left: box.left, right });
    }
    // The innermost offenders: a long word makes its paragraph, its section and main spill too.
    for (const o of offenders.filter((o) => !offenders.some((x) => x !== o && o.el.contains(x.el))).slice(0, 8)) {
      culprits.push(`${describe(o.el)} spans ${Math.round(o.left)}–${Math.round(o.right)} px`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth, culprits };
  });
}

/**
 * The page 390 px wide: nothing overflows sideways, and the header leaves room for the page:
 * with JavaScript, the DSFR « Menu » button is there and the navigation is in its modal;
 * without, the navigation is in the page. The viewport is restored afterwards.
 */
export async function checkPhone(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize(phoneViewport);
  try {
    // waited here, not in the page: a page without JavaScript runs no timer, and would never resolve
    await page.waitForTimeout(50);
    const { scrollWidth, innerWidth, culprits } = await horizontalOverflow(page);
    if (scrollWidth > innerWidth || culprits.length) console.error(`[390 px] ${label} (${page.url()}): scrollWidth ${scrollWidth} > ${innerWidth}\n  ${culprits.join("\n  ")}`);
    expect.soft(scrollWidth, `document width at 390 px on ${label} (${page.url()})`).toBeLessThanOrEqual(innerWidth);
    expect.soft(culprits, `elements overflowing at 390 px on ${label} (${page.url()})`).toEqual([]);
    const javaScript = !mirrors.has(page.context());
    const header = page.locator("header.fr-header");
    if (javaScript) {
      expect.soft(await header.getByRole("button", { name: "Menu" }).isVisible(), `« Menu » button at 390 px on ${label}`).toBe(true);
      const height = (await header.boundingBox())?.height ?? 0;
      expect.soft(height, `header height at 390 px on ${label}`).toBeLessThan(phoneViewport.height / 3);
    } else {
      expect.soft(await header.getByRole("navigation", { name: "Menu principal" }).isVisible(), `navigation in the page at 390 px without JavaScript on ${label}`).toBe(true);
    }
  } finally {
    if (before) await page.setViewportSize(before);
  }
}

/** Signs in through the demo persona picker, by e-mail, like a user; checks the picker page. */
/** The persona picker is checked once per test file and mode (JavaScript on, off): it is the same page at every sign-in, and axe costs about a second a page. */
const pickerChecked = new Set<string>();

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto("/connexion/demo");
  const mode = `${mirrors.has(page.context()) ? "js-off" : "js-on"} ${page.viewportSize()?.width}`;
  if (!pickerChecked.has(mode)) {
    pickerChecked.add(mode);
    await check(page, "persona picker");
  }
  await page.getByLabel("Ou l’adresse électronique d’un agent de démonstration").fill(email);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/connexion")), page.getByRole("button", { name: "Entrer avec cette adresse" }).click()]);
  // The sign-out button is in the header, or in its menu on a phone (hidden until opened).
  await expect.poll(() => page.locator("header form[action='/deconnexion'] button").count()).toBeGreaterThan(0);
}

/** React has hydrated the document (its fiber is attached to <body>). */
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => Object.keys(document.body).some((k) => k.startsWith("__reactFiber")), undefined, { timeout: 15_000 });
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
