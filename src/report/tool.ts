// Tool identity, apart from the detector catalogue (report/meta.ts) so that `--version` loads no detector.
import pkg from '../../package.json' with { type: 'json' };

export const TOOL = { name: 'blastradius', version: pkg.version, informationUri: 'https://github.com/blastradius/blastradius' };
