// Validates the Teams app package (the zip an admin uploads) with the official @microsoft/app-manifest: its type
// check and the manifest JSON schema it ships, offline. Prints every problem and exits 1 if there is any.
// It also checks itself: a deliberately broken copy of the manifest must be rejected with each of its faults, so
// a validator that accepts everything cannot pass the build.
// Usage: node validate.mjs PACKAGE.zip
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import appManifest from "@microsoft/app-manifest";

const { AppManifestUtils, TeamsManifestConverter } = appManifest;

// The package reads a schema from its own files when it has it and downloads it otherwise. A download would make
// the result depend on the network and on whatever the site serves that day, so any attempt is an error.
globalThis.fetch = async url => {
  throw new Error(`refused to download ${url}: the schema must be one that @microsoft/app-manifest ships`);
};

const [zipPath] = process.argv.slice(2);
if (!zipPath) {
  console.error("usage: node validate.mjs PACKAGE.zip");
  process.exit(2);
}

const entries = unzipSync(new Uint8Array(readFileSync(zipPath)));
const problems = packageProblems(entries);
const manifestBytes = entries["manifest.json"];
let manifest = null;
if (manifestBytes) {
  try {
    manifest = JSON.parse(strFromU8(manifestBytes));
  } catch (e) {
    problems.push(`manifest.json is not JSON: ${e.message}`);
  }
}

if (manifest) {
  problems.push(...await selfCheck(manifest));
  problems.push(...await manifestProblems(manifest));
  if (typeof manifest.manifestVersion === "string") {
    noteNewerSchema(manifest.manifestVersion);
  }
}

if (problems.length > 0) {
  console.error(`teams-app: FAILED: ${zipPath} has ${problems.length} problem(s):`);
  for (const problem of problems) {
    console.error(`  ${problem}`);
  }
  process.exit(1);
}
console.log(`teams-app: ${zipPath}: ${Object.keys(entries).sort().join(", ")}; manifest ${manifest.manifestVersion}`
  + " is valid against the official schema (offline)");

/** Teams wants the manifest and every file it names at the root of the zip, and nothing in folders. */
function packageProblems(files) {
  const found = [];
  const names = Object.keys(files);
  if (!names.includes("manifest.json")) {
    found.push(`manifest.json is missing from the root of the zip (entries: ${names.join(", ") || "none"})`);
  }
  for (const name of names.filter(n => n.includes("/"))) {
    found.push(`${name}: the package must hold files at its root only`);
  }
  return found;
}

async function manifestProblems(json) {
  const found = [];
  for (const field of ["color", "outline"]) {
    const file = json.icons?.[field];
    if (file && !(file in entries)) {
      found.push(`/icons/${field} names ${JSON.stringify(file)}, which is not in the zip`);
    }
  }
  try {
    // Runs the package's generated type check for the manifest's version; it throws on the first mismatch.
    TeamsManifestConverter.jsonToManifest(JSON.stringify(json));
  } catch (e) {
    found.push(`type check: ${e.message}`);
  }
  try {
    found.push(...await AppManifestUtils.validateAgainstSchema(json));
  } catch (e) {
    found.push(`schema ${JSON.stringify(json.$schema)}: ${e.message}`);
  }
  return found;
}

/** Finds the faults the validator is known to catch, each in a different part, in a broken copy of the manifest. */
async function selfCheck(good) {
  const broken = structuredClone(good);
  broken.id = "not-a-guid";
  delete broken.developer;
  broken.bots = [{ ...good.bots?.[0], scopes: ["everywhere"] }];
  broken.composeExtensions = [{ ...good.composeExtensions?.[0], commands: [{ id: "c", title: "x".repeat(33) }] }];
  const expected = ["/id ", "must have required property 'developer'", "/bots/0/scopes/0 ",
    "/composeExtensions/0/commands/0/title "];
  let errors;
  try {
    errors = await AppManifestUtils.validateAgainstSchema(broken);
  } catch (e) {
    return [`self-check: could not run the validator: ${e.message}`];
  }
  const missed = expected.filter(e => !errors.some(error => error.includes(e)));
  if (missed.length > 0) {
    return [`self-check: the validator did not report ${missed.join(" | ")} in a broken manifest; it said: `
      + (errors.join(" | ") || "nothing")];
  }
  console.log(`teams-app: self-check: a broken copy of the manifest was rejected with ${errors.length} errors`);
  return [];
}

/** The manifest should use the newest schema the package ships; a newer one is worth a look, not a failure. */
function noteNewerSchema(version) {
  const require = createRequire(import.meta.url);
  const schemas = path.join(path.dirname(require.resolve("@microsoft/app-manifest")), "json-schemas", "teams");
  const numbered = readdirSync(schemas).filter(d => /^v\d+\.\d+$/.test(d)).map(d => d.slice(1));
  const newest = numbered.sort((a, b) => a.localeCompare(b, "en", { numeric: true })).at(-1);
  if (newest !== version) {
    console.log(`teams-app: note: the manifest uses schema ${version}; @microsoft/app-manifest ships up to ${newest}`);
  }
}
