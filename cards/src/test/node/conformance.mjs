// Expands every case with the official Adaptive Cards templating engine, compares the result with the Java engine's
// output, and parses every produced card with the official adaptivecards library, counting validation errors.
// Usage: node conformance.mjs CASES_JSON TEMPLATES_DIR REPORT_JSON
//   CASES_JSON: [{"id", "template", "data", "java"}]; "java" is the Java engine's output for the same data.
import { readFileSync, writeFileSync } from "node:fs";
import { isDeepStrictEqual } from "node:util";
import { createRequire } from "node:module";
import * as ACData from "adaptivecards-templating";

// adaptivecards 3.0.6 publishes ES modules without file extensions, which Node cannot import: load its bundle.
const AC = createRequire(import.meta.url)("adaptivecards/dist/adaptivecards.js");

const [casesFile, templatesDir, reportFile] = process.argv.slice(2);
const cases = JSON.parse(readFileSync(casesFile, "utf8"));
const templates = new Map();
const template = (name) => {
  if (!templates.has(name)) {
    templates.set(name, new ACData.Template(JSON.parse(readFileSync(`${templatesDir}/${name}.json`, "utf8"))));
  }
  return templates.get(name);
};

const mismatches = [];
const engineErrors = [];
const validationErrors = [];
let identical = 0;
let validated = 0;

for (const c of cases) {
  let official;
  try {
    official = template(c.template).expand({ $root: c.data });
  } catch (e) {
    engineErrors.push({ id: c.id, error: String(e.message) });
    continue;
  }
  if (isDeepStrictEqual(official, c.java)) {
    identical++;
  } else {
    mismatches.push({ id: c.id, official, java: c.java });
  }
  if (c.validate === false) {
    continue;
  }
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(official, context);
  const problems = [];
  for (let i = 0; i < context.eventCount; i++) {
    const event = context.getEventAt(i);
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  for (const event of card.validateProperties().validationEvents) {
    problems.push(`${AC.ValidationEvent[event.event]}: ${event.message}`);
  }
  validated++;
  if (problems.length > 0) {
    validationErrors.push({ id: c.id, problems });
  }
}

const report = { cases: cases.length, identical, validated, mismatches, engineErrors, validationErrors };
writeFileSync(reportFile, JSON.stringify(report, null, 2));
console.log(`conformance: ${cases.length} expansions, ${identical} identical to the official engine, `
  + `${mismatches.length} different, ${engineErrors.length} official-engine errors; `
  + `${validated} cards parsed by adaptivecards, ${validationErrors.length} with validation errors`);
process.exit(mismatches.length + engineErrors.length + validationErrors.length === 0 ? 0 : 1);
