// The failure watch's demo in the local chat page, as a new user tries it: the page opens, `watch` is typed, and the
// demo's TLS burst arrives as a rendered alert card; if the burst grows while the page is open, the update ("Still
// failing, and growing") replaces that card (no second alert). Fails on any console error or any request that leaves the machine.
// Usage: node local-chat-watch.mjs BASE_URL OUT_DIR   (CHROMIUM overrides /usr/bin/chromium; ALERT_WAIT_MS, default 300000: the first poll reads a day of generated calls, slow on a loaded machine)
import { args, openPage, TIMEOUT } from "./browser-page.mjs";

const { baseUrl, outDir } = args("local-chat-watch");
const { page, step, check, shoot, finish, screenshots, cardHosts } = await openPage("local-chat-watch", outDir);
const ALERT_WAIT = Number(process.env.ALERT_WAIT_MS || 300_000);
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const alertHosts = () => page.evaluate(() => [...document.querySelectorAll("#transcript .card-host")]
  .filter(host => /Calls are failing|Still failing/.test(host.innerText) && host.querySelector(".ac-adaptiveCard"))
  .map(host => host.innerText.replace(/\s+/g, " ").trim()));

await step("open the page", () => page.goto(baseUrl, { waitUntil: "load" }));
await step("the welcome card", () => cardHosts.first().locator(".ac-adaptiveCard").waitFor({ timeout: TIMEOUT }));

await step("type watch", () => page.locator("#message").pressSequentially("watch"));
await page.keyboard.press("Enter");
await step("the subscription card", () => page.waitForFunction(() =>
  [...document.querySelectorAll("#transcript .card-host")].some(host => /Watching Direct Routing calls/.test(host.innerText)),
  null, { timeout: TIMEOUT }));

await step("the alert card", () => page.waitForFunction(() =>
  [...document.querySelectorAll("#transcript .card-host")].some(host => /Calls are failing/.test(host.innerText)
    && host.querySelector(".ac-adaptiveCard")), null, { timeout: ALERT_WAIT }));
const alertAt = seconds();
const first = (await alertHosts())[0];
await check(/569008 \/ SIP 504/.test(first) && /sbc-eu\.contoso\.com/.test(first),
  `the alert names the pair and the SBC: ${first.slice(0, 300)}`);
await check(await page.locator("#transcript .card-host pre, #transcript .card-host code").count() === 0,
  "the alert is rendered as a card, not shown as JSON");
await shoot("local-chat-watch-alert.png");

// The burst keeps growing for a few polls (an update came about 30 s after the alert in LocalChatWatchDemoTest): an
// update, if one comes, must replace the card in place.
let updatedAt = null;
let latest = first;
const until = Date.now() + 60_000;
while (Date.now() < until) {
  await page.waitForTimeout(1_000);
  const alerts = await alertHosts();
  await check(alerts.length === 1, `one alert card for the incident (${alerts.length})`);
  if (alerts[0] !== latest) {
    latest = alerts[0];
    updatedAt = updatedAt || seconds();
  }
}
if (updatedAt) {
  await shoot("local-chat-watch-updated.png");
}
const count = (await alertHosts()).length;
await finish();
const failed = text => (text.match(/\d+ failed calls since it began; [^;]*?\(\d+ of \d+\)/) || [text.slice(0, 120)])[0];
console.log(`local-chat-watch: alert rendered ${alertAt} s after the page opened: "${failed(first)}"; `
  + (updatedAt ? `replaced in place at ${updatedAt} s: "${failed(latest)}"` : "no update within 60 s")
  + `; ${count} alert card, 0 console errors, 0 requests off the machine; screenshots ${screenshots.join(", ")}`);
