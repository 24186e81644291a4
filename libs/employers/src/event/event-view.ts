import type { Attendance } from './attendance';
import type { MeetingOutcome } from './meeting-outcomes';
import type { EventStatus } from './recruitment-event.entity';

export interface EventSummary {
  id: string;
  title: string;
  theme: string | null;
  siteId: string;
  siteName: string;
  startsAt: Date;
  endsAt: Date;
  slotMinutes: number;
  rounds: number;
  capacity: number;
  registered: number;
  employers: number;
  status: EventStatus;
  cancelledAt: Date | null;
  cancellationReason: string | null;
}

export interface EventEmployerView {
  id: string;
  employerId: string;
  name: string;
  tables: number;
  attendance: Attendance;
  /** Registration ids the employer wants to meet. */
  interest: string[];
}

export interface GuestView {
  phone: string | null;
  email: string | null;
  language: string;
  consentToContact: boolean;
}

export interface RegistrationView {
  id: string;
  number: number;
  kind: 'client' | 'guest';
  /** Set for a linked client. */
  clientId: string | null;
  /**
   * The name to show: a guest's, or a linked client's when the user may read the client;
   * null otherwise (show the participant number instead).
   */
  name: string | null;
  guest: GuestView | null;
  attendance: Attendance;
  /** Event-employer ids, most wanted first. */
  preferences: string[];
}

export interface MeetingView {
  id: string;
  round: number;
  eventEmployerId: string;
  registrationId: string;
  table: number;
  fixed: boolean;
  outcome: MeetingOutcome | null;
  openApplicationLeft: boolean;
}

export interface FollowUpView {
  registrationId: string;
  months: number;
  hired: boolean;
  eventEmployerId: string | null;
  hiredOn: string | null;
  recordedAt: Date;
}

export interface EventDetail extends EventSummary {
  /** Send it back with timetable changes (optimistic locking). */
  version: number;
  scheduledAt: Date | null;
  score: Record<string, unknown> | null;
  /** When each round starts. */
  roundStarts: Date[];
  eventEmployers: EventEmployerView[];
  registrations: RegistrationView[];
  meetings: MeetingView[];
  followUps: FollowUpView[];
}

export function roundStarts(startsAt: Date, rounds: number, slotMinutes: number): Date[] {
  return Array.from(
    { length: rounds },
    (_, i) => new Date(startsAt.getTime() + i * slotMinutes * 60_000),
  );
}
