// What every browser script of the local chat page shares: headless Chromium, a page that records console errors,
// failed responses and any request that leaves the machine, and step/check helpers that fail with a screenshot.
// Usage: const t = await openPage("local-chat", OUT_DIR); then t.page, t.step, t.check, t.shoot, t.finish().
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

export const TIMEOUT = 20_000;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function args(script) {
  const [baseUrl, outDir] = process.argv.slice(2);
  if (!baseUrl || !outDir) {
    console.error(`usage: node ${script}.mjs BASE_URL OUT_DIR`);
    process.exit(2);
  }
  mkdirSync(outDir, { recursive: true });
  return { baseUrl, outDir };
}

export async function openPage(name, outDir) {
  const consoleErrors = [];
  const foreignRequests = [];
  const screenshots = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
  const page = await browser.newPage({ viewport: { width: 1000, height: 1100 }, deviceScaleFactor: 1 });
  page.on("console", message => {
    if (message.type() === "error") {
      consoleErrors.push(message.text());
    }
  });
  page.on("pageerror", error => consoleErrors.push(`uncaught: ${error.message}`));
  page.on("response", response => {
    if (response.status() >= 400) {
      consoleErrors.push(`HTTP ${response.status()} for ${response.request().method()} ${response.url()}`);
    }
  });
  page.on("request", request => {
    const url = new URL(request.url());
    if ((url.protocol === "http:" || url.protocol === "https:" || url.protocol === "ws:" || url.protocol === "wss:")
        && !LOCAL_HOSTS.has(url.hostname)) {
      foreignRequests.push(request.url());
    }
  });
  const fail = async message => {
    console.error(`${name}: FAILED: ${message}`);
    if (consoleErrors.length > 0) {
      console.error(`console errors: ${consoleErrors.join(" | ")}`);
    }
    try {
      const shot = `${outDir}/${name}-failure.png`;
      await page.screenshot({ path: shot });
      console.error(`screenshot: ${shot}`);
    } catch (e) {
      // the page may be gone
    }
    await browser.close();
    process.exit(1);
  };
  const check = async (condition, message) => {
    if (!condition) {
      await fail(message);
    }
  };
  const step = async (what, action) => {
    try {
      return await action();
    } catch (e) {
      await fail(`${what}: ${e.message.split("\n")[0]}`);
    }
  };
  const shoot = async file => {
    await page.screenshot({ path: `${outDir}/${file}` });
    screenshots.push(file);
  };
  /** Fails on console errors and requests off the machine, then closes the browser. */
  const finish = async () => {
    await check(consoleErrors.length === 0, `no console errors (${consoleErrors.length})`);
    await check(foreignRequests.length === 0, `no request left the machine: ${foreignRequests.join(", ")}`);
    await browser.close();
  };
  const cardHosts = page.locator("#transcript .card-host");
  return { page, step, check, fail, shoot, finish, screenshots, cardHosts, TIMEOUT };
}
