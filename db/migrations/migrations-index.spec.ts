import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './index';

describe('the migrations list', () => {
  it('lists every migration file in this folder, oldest first', () => {
    const files = readdirSync(__dirname).filter(
      (f) => /^\d{13}-.+\.ts$/.test(f) && !f.endsWith('.spec.ts'),
    );
    const timestamps = files.map((f) => f.slice(0, 13)).sort();
    const listed = MIGRATIONS.map((m) => /(\d{13})$/.exec(m.name)?.[1]);
    expect(listed).toEqual(timestamps);
  });
});
