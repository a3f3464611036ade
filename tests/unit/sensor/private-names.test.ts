// The names terser renames in every bundle (scripts/sensor-private-names.ts) must be the sensor's
// own: used anywhere else (a stored record, a message, a test reaching in), renaming would break it.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SENSOR_FILES, SENSOR_PRIVATE_NAMES } from '../../../scripts/sensor-private-names';

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'node_modules' ? [] : sources(join(dir, e.name))) : /\.(tsx?|mjs|js)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('sensor names renamed by terser', () => {
  it('appear in the sensor classes and nowhere else', () => {
    const own = SENSOR_FILES.map((f) => readFileSync(f, 'utf8')).join('\n');
    const others = ['utils', 'entrypoints', 'components', 'tests/unit', 'tests/browser'].flatMap(sources).filter((f) => !SENSOR_FILES.includes(f));
    for (const name of SENSOR_PRIVATE_NAMES) {
      const word = new RegExp(`\\b${name}\\b`);
      expect(word.test(own), `${name} is not a sensor member`).toBe(true);
      expect(others.filter((f) => word.test(readFileSync(f, 'utf8'))), name).toEqual([]);
    }
  });
});
