import { getMetadataStorage } from 'class-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig } from './app-config';
import { loadConfig } from './load-config';

/** One `NAME=value` line of .env.example, or an optional one commented out: `# NAME=value`. */
interface Entry {
  name: string;
  value: string;
  line: number;
}

const ENV_EXAMPLE = join(__dirname, '..', '..', '..', '..', '.env.example');
const ASSIGNMENT = /^(?:#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/;

function parseEnvExample(text: string): Entry[] {
  const entries: Entry[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const match = ASSIGNMENT.exec(raw.trim());
    if (!match) return;
    const [, name, value] = match;
    entries.push({ name, value: unquote(value.trim()), line: index + 1 });
  });
  return entries;
}

function unquote(value: string): string {
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}

describe('.env.example', () => {
  const entries = parseEnvExample(readFileSync(ENV_EXAMPLE, 'utf8'));
  const defaults = new AppConfig() as unknown as Record<string, unknown>;
  // Optional variables without a default are not own properties of an AppConfig instance:
  // the validated properties name them too.
  const validated = getMetadataStorage()
    .getTargetValidationMetadatas(AppConfig, '', true, false)
    .map((metadata) => metadata.propertyName);
  const variables = [
    ...new Set([...Object.keys(defaults), 'DATABASE_URL', 'REDIS_URL', ...validated]),
  ];

  it('lists variables', () => {
    expect(entries.length).toBeGreaterThan(0);
  });

  it('lists every variable of AppConfig', () => {
    const listed = new Set(entries.map((entry) => entry.name));
    const missing = variables.filter((name) => !listed.has(name));
    expect(missing).toEqual([]);
  });

  it('writes each AppConfig default as it is in AppConfig', () => {
    const wrong = entries
      .filter((entry) => defaults[entry.name] !== undefined)
      .filter((entry) => entry.value !== String(defaults[entry.name]))
      .map(
        (entry) =>
          `line ${entry.line}: ${entry.name}=${entry.value}, default is ${String(defaults[entry.name])}`,
      );
    expect(wrong).toEqual([]);
  });

  it('lists each variable once', () => {
    const names = entries.map((entry) => entry.name);
    const repeated = names.filter((name, index) => names.indexOf(name) !== index);
    expect(repeated).toEqual([]);
  });

  it('holds values that pass validation, examples included', () => {
    const env = Object.fromEntries(entries.map((entry) => [entry.name, entry.value]));
    expect(() => loadConfig(env)).not.toThrow();
  });
});
