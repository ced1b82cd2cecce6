// The local chat page: talks to the bot the way Teams does. Messages go to the bot's own /api/messages endpoint as
// Bot Framework activities whose serviceUrl points back at this app, so the bot replies through its unchanged adapter
// to the local connector; the page then fetches those replies from /local/chat/{conversation}/activities.
// Text from the user, the bot and the cards only ever reaches the page as text or through escape() below.
(() => {
  "use strict";

  const CARD = "application/vnd.microsoft.card.adaptive";
  // What Teams puts in a message when a user sends the bot a file, and what the bot offers back.
  const FILE_DOWNLOAD = "application/vnd.microsoft.teams.file.download.info";
  const FILE_CONSENT = "application/vnd.microsoft.teams.card.file.consent";
  const ORIGIN = window.location.origin;
  const SERVICE_URL = ORIGIN + "/local/connector/";
  const POLL_MS = 300;          // while a reply is awaited: replies are usually there before the POST returns
  const IDLE_POLL_MS = 2500;    // otherwise, for anything the bot sends late
  const REPLY_TIMEOUT_MS = 15000;

  const transcript = document.getElementById("transcript");
  const status = document.getElementById("status");
  const composer = document.getElementById("composer");
  const input = document.getElementById("message");
  const fileInput = document.getElementById("file");
  const chat = document.getElementById("chat");

  // crypto.randomUUID needs a secure context; the page may also be opened over plain http from another machine.
  const uuid = () => {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, x => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };

  // One conversation per page load, as a fresh personal chat with the bot in Teams.
  const conversationId = "local:" + uuid();
  const messages = new Map();   // activity id -> the element showing it, so updates land in place
  let after = 0;
  let epoch = null;
  let received = 0;
  let waiting = 0;

  // ---- safe text --------------------------------------------------------------------------------------------------

  const escape = text => String(text)
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");

  // The little Markdown Teams shows in cards and bot text. Everything is escaped before any tag is added, and only
  // http(s) links become anchors.
  const markdown = text => {
    const link = /\[([^\]\n]+)\]\((https?:\/\/[^\s()<>]+)\)/g;
    const parts = [];
    let last = 0;
    let m;
    while ((m = link.exec(text)) !== null) {
      parts.push(inline(text.slice(last, m.index)));
      parts.push(`<a href="${escape(m[2])}" target="_blank" rel="noopener noreferrer">${escape(m[1])}</a>`);
      last = link.lastIndex;
    }
    parts.push(inline(text.slice(last)));
    return parts.join("");
  };
  const inline = text => escape(text)
    .replace(/\*\*(?=\S)([^*\n]+?)\*\*/g, "<strong>$1</strong>")
    .replace(/(^|[\s(])_(?=\S)([^_\n]+?)_(?=$|[\s.,;:!?)])/gm, "$1<em>$2</em>")
    .replace(/\r?\n/g, "<br>");

  // Buttons past maxActions go to the "..." menu, as in Teams, instead of being dropped.
  AdaptiveCards.GlobalSettings.allowMoreThanMaxActionsInOverflowMenu = true;

  AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };

  // ---- Teams-like look ----------------------------------------------------------------------------------------------

  const colors = (text, subtle) => ({
    default: { default: text, subtle },
    dark: { default: text, subtle },
    light: { default: "#ffffff", subtle: "#f0f0f0" },
    accent: { default: "#5b5fc7", subtle: "#7f85f5" },
    good: { default: "#0e700e", subtle: "#107c10" },
    warning: { default: "#835c00", subtle: "#8a6200" },
    attention: { default: "#c4314b", subtle: "#c4314b" },
  });
  const style = backgroundColor => ({ backgroundColor, foregroundColors: colors("#242424", "#616161") });
  const hostConfig = new AdaptiveCards.HostConfig({
    fontFamily: "'Segoe UI', 'Segoe UI Web (West European)', system-ui, -apple-system, 'Helvetica Neue', sans-serif",
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
    separator: { lineThickness: 1, lineColor: "#e0e0e0" },
    fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
    fontWeights: { lighter: 300, default: 400, bolder: 600 },
    containerStyles: {
      default: style("#ffffff"),
      emphasis: style("#f5f5f5"),
      accent: style("#e8ebfa"),
      good: style("#e7f2da"),
      warning: style("#fbf6d9"),
      attention: style("#fdf3f4"),
    },
    actions: {
      // No spacer elements between buttons: chat.css spaces them with a gap, so a narrow window wraps them.
      maxActions: 6, spacing: "default", buttonSpacing: 0, actionsOrientation: "horizontal",
      actionAlignment: "left", iconPlacement: "leftOfTitle", iconSize: 16,
      showCard: { actionMode: "inline", inlineTopMargin: 12, style: "emphasis" },
    },
    adaptiveCard: { allowCustomStyle: true },
    factSet: {
      title: { color: "default", size: "default", isSubtle: false, weight: "bolder", wrap: true, maxWidth: 180 },
      value: { color: "default", size: "default", isSubtle: false, weight: "default", wrap: true },
      spacing: 12,
    },
  });

  // ---- transcript ---------------------------------------------------------------------------------------------------

  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  };

  const atBottom = () => transcript.scrollHeight - transcript.scrollTop - transcript.clientHeight < 80;
  const scrollDown = () => { transcript.scrollTop = transcript.scrollHeight; };

  // A reader at the bottom follows the conversation; an answer taller than the window shows from its top, where
  // the codes and who sent them are.
  const append = node => {
    const follow = atBottom() || transcript.childElementCount === 0;
    transcript.append(node);
    if (!follow) {
      return;
    }
    if (node.offsetHeight > transcript.clientHeight) {
      transcript.scrollTop = node.offsetTop - 8;
    } else {
      scrollDown();
    }
  };

  const notice = (text, kind = "error") => {
    append(element("p", `notice ${kind}`, text));
  };

  const userMessage = text => {
    const wrap = element("div", "msg user");
    wrap.append(element("span", "visually-hidden", "You said: "), element("div", "bubble user-text", text));
    append(wrap);
    scrollDown();
  };

  const botMessage = id => {
    const wrap = element("div", "msg bot");
    wrap.dataset.activityId = id;
    const who = element("div", "who", "CallCodes");
    const body = element("div", "body");
    wrap.append(who, body);
    return { wrap, body };
  };

  const renderCard = (json, host) => {
    host.replaceChildren();
    try {
      const card = new AdaptiveCards.AdaptiveCard();
      card.hostConfig = hostConfig;
      card.onExecuteAction = action => onAction(action, host);
      card.parse(json);
      const rendered = card.render();
      if (rendered) {
        host.append(rendered);
        return;
      }
    } catch (e) {
      console.warn("card not rendered", e);
    }
    const fallback = json && typeof json.fallbackText === "string" ? json.fallbackText : "";
    host.append(element("p", "notice error", fallback || "This card could not be shown."));
  };

  const renderActivity = (activity, body) => {
    body.replaceChildren();
    if (typeof activity.text === "string" && activity.text.trim() !== "") {
      const text = element("div", "bubble bot-text");
      text.innerHTML = markdown(activity.text);
      body.append(text);
    }
    const attachments = Array.isArray(activity.attachments) ? activity.attachments : [];
    if (attachments.length > 0) {
      const carousel = activity.attachmentLayout === "carousel" && attachments.length > 1;
      const group = element("div", carousel ? "cards carousel" : "cards");
      if (carousel) {
        group.setAttribute("role", "group");
        group.setAttribute("aria-label", `${attachments.length} cards`);
      }
      for (const attachment of attachments) {
        if (attachment && attachment.contentType === CARD) {
          const host = element("div", "card-host");
          host.tabIndex = -1;
          renderCard(attachment.content, host);
          group.append(host);
        } else if (attachment && attachment.contentType === FILE_CONSENT) {
          group.append(element("p", "notice info", "In Teams you would be asked here whether to save \u201C"
            + String(attachment.name) + "\u201D to your OneDrive. This page does not save files."));
        } else {
          group.append(element("p", "notice", "An attachment this page cannot show ("
            + String(attachment && attachment.contentType) + ")."));
        }
      }
      body.append(group);
    }
    return body.childElementCount > 0;
  };

  const apply = entry => {
    const activity = entry.activity || {};
    if (activity.type && activity.type !== "message") {
      return false;   // typing indicators and the like
    }
    const existing = entry.replaces ? messages.get(entry.replaces) : undefined;
    if (existing) {
      renderActivity(activity, existing.body);
      status.textContent = "A card was updated.";
      return true;
    }
    const message = botMessage(entry.id);
    if (!renderActivity(activity, message.body)) {
      return false;
    }
    messages.set(entry.id, message);
    append(message.wrap);
    return true;
  };

  // ---- talking to the app -------------------------------------------------------------------------------------------

  const activity = fields => Object.assign({
    id: uuid(),
    channelId: "msteams",
    serviceUrl: SERVICE_URL,
    timestamp: new Date().toISOString(),
    from: { id: "local-user", name: "You" },
    recipient: { id: "callcodes-bot", name: "CallCodes" },
    conversation: { id: conversationId, conversationType: "personal" },
    locale: "en-US",
  }, fields);

  // What the user reads when a request fails: the app's own short message when it sends one, never a trace.
  const problem = async response => {
    let message = "";
    try {
      const body = await response.json();
      // RFC 9457 problems (the app's filters and API) carry it in detail; the local endpoints in error.
      const text = body && (typeof body.detail === "string" ? body.detail : body.error);
      if (typeof text === "string" && text.length <= 300) {
        message = text;
      }
    } catch (e) {
      // not JSON: the status line says enough
    }
    if (response.status === 401) {
      return "The bot refused the message (401): it runs with MicrosoftAppId, so only Teams can talk to it.";
    }
    return message || `The bot could not answer (HTTP ${response.status}).`;
  };

  const post = async body => {
    try {
      return await fetch("/api/messages", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch (e) {
      notice(`Could not reach the bot at ${ORIGIN}. Is it still running?`);
      return null;
    }
  };

  let inflight = null;
  const fetchNew = async () => {
    const url = `/local/chat/${encodeURIComponent(conversationId)}/activities?after=${after}`;
    const response = await fetch(url, { cache: "no-store" });
    if (!response.ok) {
      throw new Error(`HTTP ${response.status}`);
    }
    const body = await response.json();
    if (epoch !== null && body.epoch !== epoch) {
      // The app restarted: its sequence numbers started again.
      epoch = body.epoch;
      after = 0;
      return fetchNew();
    }
    epoch = body.epoch;
    for (const entry of body.activities || []) {
      if (entry.seq <= after) {
        continue;
      }
      after = entry.seq;
      if (apply(entry)) {
        received++;
      }
    }
  };
  const poll = () => {
    if (!inflight) {
      inflight = fetchNew().finally(() => { inflight = null; });
    }
    return inflight;
  };

  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));

  // Sends an activity that the bot answers through the connector, and waits for that answer.
  const converse = async body => {
    const before = received;
    waiting++;
    transcript.setAttribute("aria-busy", "true");
    status.textContent = "CallCodes is answering\u2026";
    status.classList.add("typing");
    try {
      const response = await post(body);
      if (!response) {
        return;
      }
      if (!response.ok) {
        notice(await problem(response));
        return;
      }
      const deadline = Date.now() + REPLY_TIMEOUT_MS;
      while (received === before && Date.now() < deadline) {
        try {
          await poll();
        } catch (e) {
          // a failed poll is retried below
        }
        if (received === before) {
          await sleep(POLL_MS);
        }
      }
      if (received === before) {
        notice("No answer yet. If one comes, it will appear here.", "info");
      }
    } finally {
      waiting--;
      if (waiting === 0) {
        transcript.removeAttribute("aria-busy");
        status.classList.remove("typing");
        if (status.textContent.startsWith("CallCodes is answering")) {
          status.textContent = "";
        }
      }
    }
  };

  const sendText = text => {
    userMessage(text);
    return converse(activity({ type: "message", text, textFormat: "plain" }));
  };

  // As Teams does with a file sent to a bot: the file goes to storage first (here, the app's own file endpoint,
  // standing in for OneDrive), then the message carries a download link to it.
  const sendFile = async file => {
    const shown = element("div", "bubble user-text user-file", `${file.name} (${Math.ceil(file.size / 1024)} KB)`);
    const wrap = element("div", "msg user");
    wrap.append(element("span", "visually-hidden", "You sent the file: "), shown);
    append(wrap);
    scrollDown();
    let stored;
    try {
      const response = await fetch(`/local/files?name=${encodeURIComponent(file.name)}`, {
        method: "POST",
        headers: { "Content-Type": "application/octet-stream" },
        body: file,
      });
      if (!response.ok) {
        notice(await problem(response));
        return;
      }
      stored = await response.json();
    } catch (e) {
      notice(`Could not send the file to the bot at ${ORIGIN}. Is it still running?`);
      return;
    }
    await converse(activity({
      type: "message",
      text: "",
      attachments: [{
        contentType: FILE_DOWNLOAD,
        contentUrl: stored.downloadUrl,
        name: stored.name,
        content: { downloadUrl: stored.downloadUrl, uniqueId: stored.uniqueId, fileType: stored.fileType },
      }],
    }));
  };

  fileInput.addEventListener("change", () => {
    const file = fileInput.files && fileInput.files[0];
    fileInput.value = "";
    if (file) {
      sendFile(file);
    }
  });
  const hasFiles = event => event.dataTransfer && Array.from(event.dataTransfer.types || []).includes("Files");
  chat.addEventListener("dragover", event => {
    if (hasFiles(event)) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "copy";
      chat.classList.add("dropping");
    }
  });
  chat.addEventListener("dragleave", event => {
    if (event.target === chat || !chat.contains(event.relatedTarget)) {
      chat.classList.remove("dropping");
    }
  });
  chat.addEventListener("drop", event => {
    chat.classList.remove("dropping");
    if (!hasFiles(event)) {
      return;
    }
    event.preventDefault();
    // One file at a time, as the bot reads one report per message.
    const file = event.dataTransfer.files[0];
    if (file) {
      sendFile(file);
    }
  });

  // ---- card actions -------------------------------------------------------------------------------------------------

  const messageIdOf = host => {
    const message = host.closest("[data-activity-id]");
    return message ? message.dataset.activityId : undefined;
  };

  // Action.Execute: the invoke's HTTP response carries the new card, which replaces the one pressed.
  const execute = async (action, host) => {
    host.classList.add("busy");
    host.setAttribute("aria-busy", "true");
    try {
      const response = await post(activity({
        type: "invoke",
        name: "adaptiveCard/action",
        replyToId: messageIdOf(host),
        value: { action: { type: "Action.Execute", id: action.id, verb: action.verb, data: action.data },
          trigger: "manual" },
      }));
      if (!response) {
        return;
      }
      if (!response.ok) {
        notice(await problem(response));
        return;
      }
      const result = await response.json();
      const value = result && result.value;
      if (result && result.statusCode === 200 && result.type === CARD && value) {
        renderCard(value, host);
        host.focus({ preventScroll: true });
        status.textContent = "The card was updated.";
      } else if (result && result.type === "application/vnd.microsoft.activity.message") {
        notice(String(value), "info");
      } else {
        const message = value && typeof value.message === "string" && value.message.length <= 300 ? value.message
          : `The button did not work (status ${result && result.statusCode}).`;
        notice(message);
      }
    } catch (e) {
      notice("The button did not work: the bot's answer could not be read.");
    } finally {
      host.classList.remove("busy");
      host.removeAttribute("aria-busy");
    }
  };

  const onAction = (action, host) => {
    switch (action.getJsonTypeName()) {
      case "Action.Execute":
        execute(action, host);
        break;
      case "Action.Submit":
        // As Teams does: the data arrives as the message's value; the bot updates the card through the connector.
        converse(activity({ type: "message", value: action.data, replyToId: messageIdOf(host) }));
        break;
      case "Action.OpenUrl": {
        let url;
        try {
          url = new URL(action.url, window.location.href);
        } catch (e) {
          return;
        }
        if (url.protocol === "https:" || url.protocol === "http:") {
          window.open(url.href, "_blank", "noopener,noreferrer");
        }
        break;
      }
      default:
        notice(`This page cannot run ${action.getJsonTypeName()} buttons.`, "info");
    }
  };

  // ---- composer -----------------------------------------------------------------------------------------------------

  const grow = () => {
    input.style.height = "auto";
    input.style.height = Math.min(input.scrollHeight, 240) + "px";
  };

  const submit = () => {
    const text = input.value;
    if (text.trim() === "") {
      input.focus();
      return;
    }
    input.value = "";
    grow();
    input.focus();
    sendText(text);
  };

  composer.addEventListener("submit", event => {
    event.preventDefault();
    submit();
  });
  input.addEventListener("keydown", event => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      submit();
    }
  });
  input.addEventListener("input", grow);

  const idle = async () => {
    if (waiting === 0 && document.visibilityState === "visible") {
      try {
        await poll();
      } catch (e) {
        // the app may be restarting; the next round tries again
      }
    }
    setTimeout(idle, IDLE_POLL_MS);
  };

  input.focus();
  // As Teams does when the app is added: the bot's welcome card.
  converse(activity({ type: "installationUpdate", action: "add" })).finally(() => setTimeout(idle, IDLE_POLL_MS));
})();
