// Renders cards with the official adaptivecards renderer in headless Chromium, in light, dark and high-contrast
// host configurations resembling Teams', and writes one PNG per card and theme for review.
// Usage: node render.mjs CARDS_JSON OUT_DIR   (CARDS_JSON: [{"name", "card"}]; CHROMIUM overrides /usr/bin/chromium)
import { readFileSync, mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const [cardsFile, outDir] = process.argv.slice(2);
const cards = JSON.parse(readFileSync(cardsFile, "utf8"));
mkdirSync(outDir, { recursive: true });

const palette = (background, emphasis, text, subtle, accent, good, warning, attention) => ({
  default: { backgroundColor: background, foregroundColors: {
    default: { default: text, subtle }, accent: { default: accent, subtle: accent }, good: { default: good, subtle: good },
    warning: { default: warning, subtle: warning }, attention: { default: attention, subtle: attention },
    dark: { default: text, subtle }, light: { default: text, subtle } } },
  emphasis: { backgroundColor: emphasis, foregroundColors: { default: { default: text, subtle } } },
  accent: { backgroundColor: emphasis, foregroundColors: { default: { default: text, subtle } } },
  good: { backgroundColor: emphasis, foregroundColors: { default: { default: text, subtle } } },
  warning: { backgroundColor: emphasis, foregroundColors: { default: { default: text, subtle } } },
  attention: { backgroundColor: emphasis, foregroundColors: { default: { default: text, subtle } } },
});
const themes = {
  light: { page: "#f5f5f5", containerStyles: palette("#ffffff", "#f0f0f0", "#242424", "#616161", "#5b5fc7", "#0e700e", "#835c00", "#c4314b") },
  dark: { page: "#1f1f1f", containerStyles: palette("#292929", "#333333", "#ffffff", "#adadad", "#7f85f5", "#92c353", "#f8d22a", "#f1707b") },
  contrast: { page: "#000000", containerStyles: palette("#000000", "#000000", "#ffffff", "#ffffff", "#ffff00", "#3ff23f", "#ffff00", "#ff6b6b") },
};

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});
const page = await browser.newPage({ viewport: { width: 560, height: 800 }, deviceScaleFactor: 1 });
let rendered = 0;
const failures = [];
for (const [theme, config] of Object.entries(themes)) {
  await page.setContent(`<html><body style="margin:0;padding:16px;background:${config.page};font-family:'Segoe UI',sans-serif">`
    + `<div id="card" style="width:520px"></div></body></html>`);
  await page.addScriptTag({ path: require.resolve("adaptivecards/dist/adaptivecards.min.js") });
  for (const { name, card } of cards) {
    const ok = await page.evaluate(([cardJson, hostConfig]) => {
      const target = document.getElementById("card");
      target.innerHTML = "";
      const adaptiveCard = new AdaptiveCards.AdaptiveCard();
      adaptiveCard.hostConfig = new AdaptiveCards.HostConfig({ fontFamily: "Segoe UI, sans-serif", containerStyles: hostConfig });
      adaptiveCard.parse(cardJson);
      const element = adaptiveCard.render();
      if (!element) {
        return false;
      }
      target.appendChild(element);
      return true;
    }, [card, config.containerStyles]);
    if (!ok) {
      failures.push(`${name}-${theme}`);
      continue;
    }
    await page.locator("#card").screenshot({ path: `${outDir}/${name}-${theme}.png` });
    rendered++;
  }
}
await browser.close();
console.log(`render: ${rendered} screenshots in ${outDir}, ${failures.length} cards the renderer refused`);
process.exit(failures.length === 0 ? 0 : 1);
