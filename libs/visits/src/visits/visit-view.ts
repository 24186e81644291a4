import type { ClientName } from '../shared/reference.repository';
import type { Visit } from './visit.entity';

/**
 * A visit as one actor may see it. `client` (id and names) is filled only for callers
 * allowed to identify clients; others learn only that the visit is linked to someone.
 */
export interface VisitView {
  visit: Visit;
  client: ClientName | null;
  clientLinked: boolean;
  /** The actor logged it today (Helsinki) and may still edit or undo it. */
  editable: boolean;
}

/** Whether the caller may see who the client of a visit is. */
export interface VisitReadOptions {
  showClients: boolean;
}
