// Parses finished cards (not templates) with the official adaptivecards library and lists its validation events.
// Usage: node validate.mjs CARDS_JSON REPORT_JSON   (CARDS_JSON: [{"name", "card"}])
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";

// adaptivecards 3.0.6 publishes ES modules without file extensions, which Node cannot import: load its bundle.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");

const [cardsFile, reportFile] = process.argv.slice(2);
const cards = JSON.parse(readFileSync(cardsFile, "utf8"));
const validationErrors = [];
for (const { name, card } of cards) {
  const parsed = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  parsed.parse(card, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of parsed.validateProperties().validationEvents) {
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  if (problems.length > 0) {
    validationErrors.push({ name, problems });
  }
}
writeFileSync(reportFile, JSON.stringify({ cards: cards.length, validationErrors }, null, 2));
console.log(`validate: ${cards.length} cards parsed by adaptivecards, ${validationErrors.length} with validation errors`);
process.exit(validationErrors.length === 0 ? 0 : 1);
