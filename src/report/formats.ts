// Report format names, apart from the renderers (report/index.ts) so that parsing options loads none of them.
export const FORMATS = ['table', 'json', 'sarif', 'markdown', 'html', 'dot'] as const;
export type Format = (typeof FORMATS)[number];
