import { Injectable } from '@nestjs/common';
import { LANGUAGES, Language } from '../config/app-config';
import { requestContext } from '../context/request-context';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

type Dictionary = { [key: string]: string | Dictionary };

/**
 * Each language is a folder of JSON files, one per area (common.json, auth.json ...),
 * merged at start-up; each file's top-level keys are its own sections.
 */
export const LOCALES_DIR = join(__dirname, 'locales');

function loadDictionary(language: Language): Dictionary {
  const dictionary: Dictionary = {};
  const dir = join(LOCALES_DIR, language);
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const content = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Dictionary;
    for (const [section, value] of Object.entries(content)) {
      if (section in dictionary)
        throw new Error(`i18n: section "${section}" defined twice (${language}/${file})`);
      dictionary[section] = value;
    }
  }
  return dictionary;
}

const DICTIONARIES = Object.fromEntries(LANGUAGES.map((l) => [l, loadDictionary(l)])) as Record<
  Language,
  Dictionary
>;

export type TranslationParams = Record<string, string | number>;

/**
 * Translations for fi, sv and en. Domain libs add their own keys to the same JSON files
 * under their own top-level section. A missing key falls back to Finnish, then to the key.
 */
@Injectable()
export class I18nService {
  translate(key: string, params: TranslationParams = {}, language?: Language): string {
    const lang = language ?? requestContext.current()?.language ?? 'fi';
    const template = lookup(DICTIONARIES[lang], key) ?? lookup(DICTIONARIES.fi, key) ?? key;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      params[name] === undefined ? whole : String(params[name]),
    );
  }

  /**
   * The translation key of a domain error code: `errors.<code>`, else `<area>.errors.<code>`
   * in the area (visits, clients ...) that defines it.
   */
  errorKey(code: string): string | undefined {
    if (this.has(`errors.${code}`)) return `errors.${code}`;
    return ERROR_KEYS.get(code);
  }

  has(key: string, language: Language = 'fi'): boolean {
    return lookup(DICTIONARIES[language], key) !== undefined;
  }

  /** Every key of a dictionary, dotted; used by the test that keeps the three in step. */
  static keys(language: Language): string[] {
    const out: string[] = [];
    const walk = (node: Dictionary, prefix: string): void => {
      for (const [k, v] of Object.entries(node)) {
        if (typeof v === 'string') out.push(prefix + k);
        else walk(v, `${prefix}${k}.`);
      }
    };
    walk(DICTIONARIES[language], '');
    return out.sort();
  }
}

// Domain areas keep their error messages under "<area>.errors"; index them by code once.
const ERROR_KEYS = new Map<string, string>();
for (const [section, value] of Object.entries(DICTIONARIES.fi)) {
  const errors = typeof value === 'object' ? value.errors : undefined;
  if (!errors || typeof errors !== 'object') continue;
  for (const code of Object.keys(errors)) {
    if (!ERROR_KEYS.has(code)) ERROR_KEYS.set(code, `${section}.errors.${code}`);
  }
}

function lookup(dictionary: Dictionary, key: string): string | undefined {
  let node: string | Dictionary | undefined = dictionary;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/**
 * Picks the language: the user's own setting, else the language cookie set by the
 * fi/sv/en switch, else the best Accept-Language match, else the deployment default.
 */
export function resolveLanguage(input: {
  userSetting?: string | null;
  cookie?: string;
  acceptLanguage?: string;
  fallback: Language;
}): Language {
  for (const candidate of [input.userSetting, input.cookie]) {
    if (isLanguage(candidate)) return candidate;
  }
  const ranked = (input.acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { base: tag.trim().toLowerCase().split('-')[0], q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((entry) => entry.base && !Number.isNaN(entry.q) && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const entry of ranked) {
    if (isLanguage(entry.base)) return entry.base;
  }
  return input.fallback;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}
