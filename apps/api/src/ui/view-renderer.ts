import { Injectable } from '@nestjs/common';
import { I18nService, Language } from '@ohjaamo/platform';
import Handlebars from 'handlebars';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { registerViewHelpers } from './view-helpers';

export const VIEWS_DIR = join(__dirname, '..', '..', 'views');

/**
 * Renders the staff UI's Handlebars pages inside the layout. Templates are compiled once,
 * in strict mode, so a misspelt variable fails loudly instead of rendering blank.
 */
@Injectable()
export class ViewRenderer {
  private readonly handlebars = Handlebars.create();
  private readonly pages = new Map<string, Handlebars.TemplateDelegate>();
  private readonly layout: Handlebars.TemplateDelegate;

  constructor(i18n: I18nService) {
    registerViewHelpers(this.handlebars, i18n);
    for (const file of listTemplates(join(VIEWS_DIR, 'partials'))) {
      this.handlebars.registerPartial(nameOf(file, 'partials'), readFileSync(file, 'utf8'));
    }
    for (const file of listTemplates(join(VIEWS_DIR, 'pages'))) {
      this.pages.set(nameOf(file, 'pages'), this.compile(file));
    }
    this.layout = this.compile(join(VIEWS_DIR, 'layouts', 'main.hbs'));
  }

  /** Renders a page; `layout` carries what the frame needs (user, navigation, flash). */
  render(page: string, data: Record<string, unknown>, layout: LayoutData): string {
    const template = this.pages.get(page);
    if (!template) throw new Error(`Unknown view "${page}"`);
    const context = { ...data, layout, lang: layout.language };
    const body = template(context, { allowProtoPropertiesByDefault: false });
    return this.layout({ ...context, body });
  }

  private compile(file: string): Handlebars.TemplateDelegate {
    return this.handlebars.compile(readFileSync(file, 'utf8'), {
      strict: true,
      preventIndent: true,
    });
  }
}

export interface LayoutData {
  language: Language;
  title: string;
  csrfToken: string;
  user: { displayName: string; organisationName: string; roles: string[] } | null;
  navigation: { href: string; labelKey: string; current: boolean }[];
  flash: { kind: 'success' | 'error' | 'info'; message: string }[];
  currentPath: string;
  /** Page-specific scripts in /assets (no inline scripts: the CSP forbids them). */
  scripts: string[];
}

function listTemplates(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listTemplates(path));
    else if (name.endsWith('.hbs')) out.push(path);
  }
  return out;
}

function nameOf(file: string, root: string): string {
  return relative(join(VIEWS_DIR, root), file).replace(/\.hbs$/, '');
}
