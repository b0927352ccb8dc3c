// Builds in-memory SourceFiles for detector examples and unit tests.
import type { SourceFile } from '../../src/core/types.js';
import { fileKind, environmentOfPath } from '../../src/pipeline/classify.js';

export function sourceFile(path: string, text: string, gitStatus: SourceFile['gitStatus'] = 'tracked'): SourceFile {
  return { path, text, kind: fileKind(path), gitStatus, environment: environmentOfPath(path) };
}
