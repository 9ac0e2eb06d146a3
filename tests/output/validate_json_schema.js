// SPDX-License-Identifier: MIT
// Validates JSON output against a JSON schema (draft-04) with the Ajv that
// tools/install_sarif_validator.sh installs, plus checks a schema cannot say.
//   node validate_json_schema.js NODE_DIR SCHEMA FILE [--lines] [--unique-fingerprints]
// --lines: FILE is JSON Lines, each line one document (an empty file is valid).
// --unique-fingerprints: FILE is an array whose items' "fingerprint" differ
// (GitLab merges issues with the same fingerprint).
// Exit status: 0 valid, 1 invalid, 2 validator not installed.
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, schemaFile, file, ...flags] = process.argv.slice(2);
let Ajv, addFormats;
try {
  Ajv = require(path.resolve(dir, 'node_modules', 'ajv-draft-04'));
  addFormats = require(path.resolve(dir, 'node_modules', 'ajv-formats'));
} catch (e) {
  console.error(`JSON schema validator not installed in ${dir}: ${e.message}`);
  process.exit(2);
}
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));

const text = fs.readFileSync(file, 'utf8');
let docs;
try {
  if (flags.includes('--lines')) {
    if (text !== '' && !text.endsWith('\n')) throw new Error('the last line has no newline');
    docs = text.split('\n').slice(0, -1).map((line, i) => {
      try {
        return JSON.parse(line);
      } catch (e) {
        throw new Error(`line ${i + 1}: ${e.message}`);
      }
    });
  } else {
    docs = [JSON.parse(text)];
  }
} catch (e) {
  console.error(`${file}: not JSON: ${e.message}`);
  process.exit(1);
}

let ok = true;
docs.forEach((doc, i) => {
  if (!validate(doc)) {
    for (const err of validate.errors)
      console.error(`${file}[${i}]: ${err.instancePath || '/'} ${err.message} ${JSON.stringify(err.params)}`);
    ok = false;
  }
});
if (ok && flags.includes('--unique-fingerprints')) {
  const seen = new Set();
  for (const item of docs[0]) {
    if (seen.has(item.fingerprint)) {
      console.error(`${file}: fingerprint ${item.fingerprint} repeats`);
      ok = false;
    }
    seen.add(item.fingerprint);
  }
}
if (ok) console.log(`${file}: valid against ${path.basename(schemaFile)}`);
process.exit(ok ? 0 : 1);
