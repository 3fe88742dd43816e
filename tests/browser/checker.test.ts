/**
 * The journey's page checker must not be vacuous: it finds a known accessibility violation
 * and bad French typography, in a context with JavaScript and in one without.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { describeWithBrowser, inspect, launchBrowser, newContext, typographyProblems } from "../support/browser";

const badPage = `<!doctype html><html lang="fr"><head><title>Essai</title></head><body>
<main><h1>Page fautive</h1><img src="/x.png"><p>Titre : trop court ; vraiment ? « mot » – https://exemple.fr/a?b=c à 14:05</p>
<p>Correct\u00a0: ceci\u202f; cela\u202f? «\u00a0mot\u00a0»</p>
<script>document.querySelector("main").insertAdjacentHTML("beforeend", "<p>ajouté par un script</p>")</script></main></body></html>`;

const onePixelPng = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=",
  "base64",
);

it("typographyProblems leaves URLs, times and non-breaking spaces alone", () => {
  expect(typographyProblems("À 14:05, voir https://exemple.fr/a?b=c : ok")).toHaveLength(1);
  expect(typographyProblems("Correct\u00a0: ceci\u202f; cela\u202f? «\u00a0mot\u00a0»")).toEqual([]);
  expect(typographyProblems("Titre : x ; y ! z ? « mot »")).toHaveLength(6);
});

describeWithBrowser("page checker", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const js of [true, false]) {
    it(`finds a missing alt and bad typography (JavaScript ${js ? "on" : "off"})`, async () => {
      const ctx = await newContext(browser, "http://checker.test", { javaScriptEnabled: js });
      await ctx.route("http://checker.test/**", (route) =>
        route.request().url().endsWith("/page")
          ? route.fulfill({ contentType: "text/html; charset=utf-8", body: badPage })
          : // the image without alt exists (a 404 would be a console error, which the journey's last test refuses)
            route.fulfill({ contentType: "image/png", body: onePixelPng }),
      );
      const page = await ctx.newPage();
      await page.goto("/page");
      const { violations, typography } = await inspect(page);
      expect(violations.map((v) => v.id)).toContain("image-alt");
      expect(typography).toHaveLength(5);
      // the page under test ran its script only with JavaScript on (the twin axe uses for a no-JS page runs none)
      expect(await page.getByText("ajouté par un script").count()).toBe(js ? 1 : 0);
      await ctx.close();
    });
  }
});
