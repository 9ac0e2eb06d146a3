// Validates SARIF files against the SARIF 2.1.0 JSON schema, plus the checks
// the schema cannot express that synlint's output must pass.
//   node validate_sarif.js NODE_DIR FILE...
// NODE_DIR is where tools/install_sarif_validator.sh installed Ajv and the
// schema. Exit status: 0 valid, 1 invalid, 2 validator not installed.
'use strict';
const fs = require('fs');
const path = require('path');

const [dir, ...files] = process.argv.slice(2);
const need = (name) => require(path.resolve(dir, 'node_modules', name));
let Ajv, addFormats, schema;
try {
  Ajv = need('ajv-draft-04');
  addFormats = need('ajv-formats');
  schema = JSON.parse(fs.readFileSync(path.join(dir, 'sarif-schema-2.1.0.json'), 'utf8'));
} catch (e) {
  console.error(`sarif validator not installed in ${dir}: ${e.message}`);
  process.exit(2);
}

// unicodeRegExp off: the rtm.5 schema's 'language' pattern has a stray ']'
// that only non-unicode regular expressions accept (the field is unused).
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(schema);

// Checks beyond the schema (SARIF 2.1.0 §3.27.6, §3.28.2, §3.34.2).
function semanticErrors(log) {
  const errors = [];
  log.runs.forEach((run, r) => {
    const rules = (run.tool.driver.rules || []).map((rule) => rule.id);
    const bases = run.originalUriBaseIds || {};
    const checkUri = (loc, where) => {
      const a = loc.physicalLocation && loc.physicalLocation.artifactLocation;
      if (a && a.uriBaseId && Object.keys(bases).length && !(a.uriBaseId in bases))
        errors.push(`${where}: uriBaseId ${a.uriBaseId} is not defined`);
    };
    (run.results || []).forEach((res, i) => {
      const where = `runs[${r}].results[${i}]`;
      if (res.ruleIndex !== undefined && rules[res.ruleIndex] !== res.ruleId)
        errors.push(`${where}: ruleIndex ${res.ruleIndex} does not name ${res.ruleId}`);
      (res.locations || []).forEach((loc, k) => checkUri(loc, `${where}.locations[${k}]`));
      const ids = new Set();
      (res.relatedLocations || []).forEach((loc, k) => {
        checkUri(loc, `${where}.relatedLocations[${k}]`);
        if (ids.has(loc.id)) errors.push(`${where}: related location id ${loc.id} repeats`);
        ids.add(loc.id);
      });
    });
  });
  return errors;
}

let ok = true;
for (const file of files) {
  let log;
  try {
    log = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`${file}: not JSON: ${e.message}`);
    ok = false;
    continue;
  }
  if (!validate(log)) {
    for (const err of validate.errors)
      console.error(`${file}: ${err.instancePath || '/'} ${err.message} ${JSON.stringify(err.params)}`);
    ok = false;
    continue;
  }
  const errors = semanticErrors(log);
  for (const err of errors) console.error(`${file}: ${err}`);
  if (errors.length) ok = false;
  else console.log(`${file}: valid SARIF 2.1.0`);
}
process.exit(ok ? 0 : 1);
