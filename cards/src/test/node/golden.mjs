// Writes each golden case's expected output with the official engine: for every TEMPLATE/CASE.data.json under
// GOLDEN_DIR, TEMPLATE/CASE.expected.json = the official expansion of TEMPLATES_DIR/TEMPLATE.json.
// Usage: node golden.mjs GOLDEN_DIR TEMPLATES_DIR
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as ACData from "adaptivecards-templating";

const [goldenDir, templatesDir] = process.argv.slice(2);
let written = 0;
for (const template of readdirSync(goldenDir)) {
  const official = new ACData.Template(JSON.parse(readFileSync(`${templatesDir}/${template}.json`, "utf8")));
  for (const file of readdirSync(`${goldenDir}/${template}`).filter((f) => f.endsWith(".data.json"))) {
    const data = JSON.parse(readFileSync(`${goldenDir}/${template}/${file}`, "utf8"));
    const expected = official.expand({ $root: data });
    writeFileSync(`${goldenDir}/${template}/${file.replace(".data.json", ".expected.json")}`, JSON.stringify(expected, null, 2) + "\n");
    written++;
  }
}
console.log(`golden: ${written} expected files written by the official engine`);
