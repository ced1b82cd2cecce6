// Drives the local chat page in headless Chromium as a user would: the welcome card, a question, a related-code
// button (Action.Execute, card replaced in place), the Action.Submit fallback (the bot's PUT through the local
// connector, card replaced in place), a three-line paste, hostile text, and a report file dropped and chosen. Fails on any console error or any
// request that leaves the machine. Writes screenshots for review.
// Usage: node local-chat.mjs BASE_URL OUT_DIR   (CHROMIUM overrides /usr/bin/chromium)
import { args, openPage, TIMEOUT } from "./browser-page.mjs";

const { baseUrl, outDir } = args("local-chat");
const { page, step, check, shoot, finish, screenshots, cardHosts } = await openPage("local-chat", outDir);
let conversationId = null;
page.on("request", request => {
  if (new URL(request.url()).pathname === "/api/messages" && !conversationId) {
    conversationId = JSON.parse(request.postData()).conversation.id;
  }
});

const cardCount = () => cardHosts.count();
const hostText = index => cardHosts.nth(index).innerText();

// 1. The page, the renderer from the app, and the welcome card.
await step("open the page", () => page.goto(baseUrl, { waitUntil: "load" }));
await step("the banner", () => page.getByText("Local mode: no Teams, no sign-in. Off when MicrosoftAppId is set.")
  .waitFor({ timeout: TIMEOUT }));
await step("the welcome card", () => cardHosts.first().locator(".ac-adaptiveCard").waitFor({ timeout: TIMEOUT }));
const welcome = await hostText(0);
await check(/Thanks for adding me/.test(welcome), `the welcome card says: ${welcome.slice(0, 200)}`);
await check(await page.evaluate(() => document.activeElement && document.activeElement.id === "message"),
  "the message box has the focus on load");
await check(await page.evaluate(() => typeof window.AdaptiveCards === "object"
  && document.querySelector("script[src$='adaptivecards.min.js']").src.startsWith(location.origin)),
  "the renderer comes from the app");
await shoot("local-chat-welcome.png");

// 2. A question typed and sent with Enter: the answer card.
await step("type the question", () => page.locator("#message").pressSequentially("what is 510559 403"));
await page.keyboard.press("Enter");
await step("the answer card", () => page.waitForFunction(() => {
  const hosts = document.querySelectorAll("#transcript .card-host");
  const last = hosts[hosts.length - 1];
  return hosts.length >= 2 && last.querySelector(".ac-adaptiveCard")
    && last.innerText.includes("510559") && last.innerText.includes("403");
}, null, { timeout: TIMEOUT }));
await check(await page.locator("#message").inputValue() === "", "the message box is empty after sending");
await check(await page.locator("#transcript .msg.user .user-text").last().innerText() === "what is 510559 403",
  "the question shows in the transcript");
await check(conversationId !== null, "the page sent activities to /api/messages");
const answerIndex = (await cardCount()) - 1;
const answer = await hostText(answerIndex);
await check(/510559 \/ SIP 403/.test(answer), `the answer card names the pair: ${answer.slice(0, 200)}`);
await shoot("local-chat.png");

// 3. A related-code button (Action.Execute): the invoke response replaces the card in place.
const before = await cardCount();
const related = cardHosts.nth(answerIndex).getByRole("button", { name: /560403/ }).first();
await step("the related-code button", () => related.click({ timeout: TIMEOUT }));
await step("the card replaced in place", () => page.waitForFunction(index => {
  const host = document.querySelectorAll("#transcript .card-host")[index];
  return host && !host.classList.contains("busy") && /560403 \/ SIP 403/.test(host.innerText)
    && !/510559 \/ SIP 403/.test(host.innerText);
}, answerIndex, { timeout: TIMEOUT }));
await check(await cardCount() === before, `the button replaced the card instead of adding one (${before} cards,`
  + ` now ${await cardCount()})`);
await shoot("local-chat-related.png");

// 4. The Action.Submit fallback, as an older client sends it: the bot PUTs the new card through the local
// connector, and the page applies that update in place.
const messageId = await cardHosts.nth(answerIndex).evaluate(host => host.closest("[data-activity-id]").dataset.activityId);
const submitStatus = await page.evaluate(async ([conversation, replyToId]) => {
  const response = await fetch("/api/messages", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      type: "message", id: "submit-" + Date.now(), channelId: "msteams",
      serviceUrl: location.origin + "/local/connector/", replyToId,
      from: { id: "local-user", name: "You" }, recipient: { id: "callcodes-bot", name: "CallCodes" },
      conversation: { id: conversation, conversationType: "personal" }, locale: "en-US",
      value: { verb: "explain", text: "510562" },
    }),
  });
  return response.status;
}, [conversationId, messageId]);
await check(submitStatus === 202, `the Action.Submit message was accepted (HTTP ${submitStatus})`);
await step("the submitted update applied in place", () => page.waitForFunction(index => {
  const host = document.querySelectorAll("#transcript .card-host")[index];
  return host && /510562/.test(host.innerText) && !/560403 \/ SIP 403/.test(host.innerText);
}, answerIndex, { timeout: TIMEOUT }));
await check(await cardCount() === before, "the update replaced the card instead of adding one");

// 5. A three-line paste typed with Shift+Enter between the lines: one card per pair.
const lines = [
  "Final SIP code: 504, Final Microsoft subcode: 569008",
  "Final SIP code: 403, Final Microsoft subcode: 510559",
  "Final SIP code: 404, Final Microsoft subcode: 511404",
];
const beforeReport = await cardCount();
for (let i = 0; i < lines.length; i++) {
  await page.locator("#message").pressSequentially(lines[i]);
  if (i < lines.length - 1) {
    await page.keyboard.press("Shift+Enter");
  }
}
await check(await page.locator("#message").inputValue() === lines.join("\n"), "Shift+Enter starts a new line");
await page.keyboard.press("Enter");
await step("the report's cards", () => page.waitForFunction(count =>
  document.querySelectorAll("#transcript .card-host").length >= count + 3, beforeReport, { timeout: TIMEOUT }));
const reportTexts = await Promise.all([0, 1, 2].map(i => hostText(beforeReport + i)));
for (const pair of ["569008 / SIP 504", "510559 / SIP 403", "511404 / SIP 404"]) {
  await check(reportTexts.some(text => text.includes(pair)), `a card for ${pair} in the report's answer`);
}
await check(await page.locator("#transcript .cards.carousel").count() >= 1, "the report's cards come as a carousel");
await check((await page.locator("#transcript .msg.user .user-text").last().innerText()).split("\n").length === 3,
  "the pasted lines show as three lines");
await shoot("local-chat-report.png");

// 6. Hostile text stays text.
const hostile = "<img src=x onerror=\"window.__pwned=1\"> **bold** [x](javascript:alert(1)) _it_";
await page.locator("#message").fill(hostile);
const beforeHostile = await cardCount();
await page.keyboard.press("Enter");
await step("the answer to hostile text", () => page.waitForFunction(count =>
  document.querySelectorAll("#transcript .card-host").length > count, beforeHostile, { timeout: TIMEOUT }));
await check(await page.locator("#transcript .msg.user .user-text").last().innerText() === hostile, "user text shows as typed");
await check(await page.locator("#transcript img, #transcript a[href^='javascript']").count() === 0,
  "no element made from user text");
await check(await page.evaluate(() => window.__pwned === undefined), "no script ran from user text");

// 7. A report file dropped on the page, as a user drags an export into a Teams chat: the page stores it at the app's
// file endpoint and sends a Teams file attachment; the bot downloads it from there and answers with the report card.
const REPORT_CSV = [
  "Start time,Final SIP code,Final Microsoft subcode,SBC FQDN",
  "2026-11-20 09:14,403,510559,sbc1.contoso.com",
  "2026-11-20 09:20,504,569008,sbc1.contoso.com",
  "2026-11-20 09:31,0,560000,sbc2.contoso.com",
].join("\r\n") + "\r\n";
const beforeDrop = await cardCount();
const sentFiles = [];
page.on("request", request => {
  if (request.url().includes("/api/messages") && request.postData()) {
    const body = JSON.parse(request.postData());
    if (Array.isArray(body.attachments)) {
      sentFiles.push(...body.attachments);
    }
  }
});
const dataTransfer = await page.evaluateHandle(csv => {
  const transfer = new DataTransfer();
  transfer.items.add(new File([csv], "DirectRoutingReport.csv", { type: "text/csv" }));
  return transfer;
}, REPORT_CSV);
await step("drop the file", () => page.locator("#chat").dispatchEvent("dragover", { dataTransfer }));
await step("drop the file", () => page.locator("#chat").dispatchEvent("drop", { dataTransfer }));
await step("the report card for the dropped file", () => page.waitForFunction(count => {
  const hosts = document.querySelectorAll("#transcript .card-host");
  return hosts.length > count && /2 failed calls of 3/.test(hosts[hosts.length - 1].innerText);
}, beforeDrop, { timeout: TIMEOUT }));
const dropped = await hostText((await cardCount()) - 1);
await check(dropped.includes("DirectRoutingReport.csv"), `the report card names the file: ${dropped.slice(0, 200)}`);
await check(sentFiles.length === 1 && sentFiles[0].contentType === "application/vnd.microsoft.teams.file.download.info"
  && /^http:\/\/127\.0\.0\.1:\d+\/local\/files\/[0-9a-f-]{36}$/.test(sentFiles[0].content.downloadUrl),
  `the page sent a Teams file attachment with a link to the app: ${JSON.stringify(sentFiles)}`);
await check(await page.locator("#transcript .msg.user .user-file").last().innerText() === "DirectRoutingReport.csv (1 KB)",
  "the dropped file shows in the transcript");
await check(await page.getByText(/whether to save .*failed calls by code\.csv/).count() === 1,
  "the breakdown's file consent is shown as a note");
await shoot("local-chat-file.png");

// 8. The same file chosen with the Attach button.
const beforeChoose = await cardCount();
await step("choose the file", () => page.locator("#file").setInputFiles({
  name: "DirectRoutingReport.csv", mimeType: "text/csv", buffer: Buffer.from(REPORT_CSV) }));
await step("the report card for the chosen file", () => page.waitForFunction(count =>
  document.querySelectorAll("#transcript .card-host").length > count, beforeChoose, { timeout: TIMEOUT }));
await check(/2 failed calls of 3/.test(await hostText((await cardCount()) - 1)), "the chosen file gets its report card");

const total = await cardCount();
await finish();
console.log(`local-chat: welcome card, answer card for 510559 / SIP 403, related 560403 replaced in place`
  + ` (Action.Execute), 510562 replaced in place (Action.Submit update), 3-line report -> 3 cards, hostile text`
  + ` inert, a dropped and a chosen report file -> report cards; ${total} cards, 0 console errors, 0 requests off the machine; screenshots ${screenshots.join(", ")}`
  + ` in ${outDir}`);
