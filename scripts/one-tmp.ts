import { RuleEngine } from '/work/wt/credA/src/extract.js';
import { credentialRules } from '/work/wt/credA/detectors/credentials/index.js';
import { makeSourceFile } from '/work/wt/credA/src/file-pass.js';
import { defaultConfig } from '/work/wt/credA/src/config.js';
const e = new RuleEngine(credentialRules);
const [path, text] = [process.argv[2]!, process.argv[3]!.replace(/\\n/g, '\n')];
const f = makeSourceFile(path, text, 'tracked', defaultConfig());
for (const r of e.scanFile(f)) console.log(r.rule.meta.id, JSON.stringify(r.value), r.confidence, r.reasons, r.location.variable);
