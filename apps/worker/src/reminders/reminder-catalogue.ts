import type { ReminderDefinition } from './reminder-definition';

/** The reminder kinds the worker knows, by kind. */
export class ReminderCatalogue {
  private readonly byKind = new Map<string, ReminderDefinition>();

  constructor(definitions: readonly ReminderDefinition[]) {
    for (const definition of definitions) this.byKind.set(definition.kind, definition);
  }

  get(kind: string): ReminderDefinition {
    const definition = this.byKind.get(kind);
    if (!definition) throw new Error(`Unknown reminder kind "${kind}"`);
    return definition;
  }

  all(): ReminderDefinition[] {
    return [...this.byKind.values()];
  }
}
