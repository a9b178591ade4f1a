import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Finds apps/web/dist (built by `npm run build:web`) from wherever this file runs: the compiled
 * dist/apps/api/src/web or the TypeScript source under ts-jest. null when the web app is not built.
 */
export function locateWebDist(start = __dirname): string | null {
  for (let dir = start; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'apps', 'web', 'dist', 'index.html');
    if (existsSync(candidate)) {
      return dirname(candidate);
    }
    if (existsSync(join(dir, 'package.json'))) {
      return null;
    }
  }
  return null;
}
