// Runs the whole pipeline on an in-memory repository (detector examples, unit tests).
import type { ExampleRepo } from '../../src/pipeline/detector-api.js';
import { scanFiles, type ScanResult } from '../../src/scan.js';

export function scanRepo(repo: ExampleRepo): Promise<ScanResult> {
  return scanFiles(
    'example',
    Object.entries(repo).map(([path, text]) => ({ path, text, gitStatus: /(?:^|\/)\.env/.test(path) ? 'ignored-but-present' : 'tracked' })),
  );
}
