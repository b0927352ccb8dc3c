// The official SARIF 2.1.0 schema (draft-04) compiled once for tests. ajv-draft-04 is CommonJS: under NodeNext the
// default import is its module.exports, whose `.default` is the Ajv class.
import { readFileSync } from 'node:fs';
import ajvDraft04 from 'ajv-draft-04';

const AjvDraft04 = ajvDraft04.default;
const schema = JSON.parse(readFileSync(new URL('../data/sarif-2.1.0-rtm.5.json', import.meta.url), 'utf8'));

export const validateSarif = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false, validateFormats: false }).compile(schema);
