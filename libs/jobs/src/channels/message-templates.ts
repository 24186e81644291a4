import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MESSAGE_LANGUAGES = ['fi', 'sv', 'en'] as const;
export type MessageLanguage = (typeof MESSAGE_LANGUAGES)[number];

export interface RenderedMessage {
  subject: string;
  text: string;
}

const TEMPLATES_DIR = join(__dirname, '..', 'templates');

/**
 * Message templates: `templates/<name>.<language>.hbs`, whose first line is the subject
 * and the rest the body. Strict mode, so a missing parameter fails the job instead of
 * sending a message with a hole in it.
 */
export class MessageTemplates {
  private readonly compiled = new Map<string, Handlebars.TemplateDelegate>();

  render(
    name: string,
    language: string | null | undefined,
    params: Record<string, string | number>,
  ): RenderedMessage {
    const lang: MessageLanguage = MESSAGE_LANGUAGES.includes(language as MessageLanguage)
      ? (language as MessageLanguage)
      : 'fi';
    const [subject, ...body] = this.template(name, lang)(params).split('\n');
    return { subject: subject.trim(), text: body.join('\n').trim() + '\n' };
  }

  private template(name: string, language: MessageLanguage): Handlebars.TemplateDelegate {
    const key = `${name}.${language}`;
    let template = this.compiled.get(key);
    if (!template) {
      const source = readFileSync(join(TEMPLATES_DIR, `${key}.hbs`), 'utf8');
      // Plain-text messages: no HTML escaping.
      template = Handlebars.compile(source, { strict: true, noEscape: true });
      this.compiled.set(key, template);
    }
    return template;
  }
}
