import type { AgencyPresence } from '@ohjaamo/identity';
import type { QueueStatus } from './queue-status';

/** A visitor still waiting, as the board shows them: a queue number, never a name. */
export interface WaitingEntry {
  id: string;
  label: string;
  status: Extract<QueueStatus, 'arrived' | 'waiting'>;
  arrivedAt: Date;
  waitingSeconds: number;
  requestedOrganisationId: string | null;
  requestedOrganisationName: string | null;
}

export interface ServedEntry {
  id: string;
  label: string;
  calledAt: Date;
  waitSeconds: number;
  organisationId: string | null;
  organisationName: string | null;
  staffUserId: string | null;
  staffDisplayName: string | null;
}

/** Today's figures of the site's queue. */
export interface QueueDayCounts {
  arrived: number;
  done: number;
  leftUnserved: number;
}

/** The live desk board of one site for the current Helsinki day. */
export interface DeskBoard {
  siteId: string;
  day: string;
  generatedAt: Date;
  waiting: WaitingEntry[];
  withProfessional: ServedEntry[];
  agenciesPresent: AgencyPresence[];
  today: QueueDayCounts;
}
