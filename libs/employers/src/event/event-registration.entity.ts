import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { Client } from '@ohjaamo/clients';
import type { Attendance } from './attendance';
import { RecruitmentEvent } from './recruitment-event.entity';

/**
 * A young person registered for an event: a linked client (whose details stay in the
 * registry, behind its access policy) or a guest whose name and contact details are
 * event data only.
 */
@Entity({ name: 'event_registrations' })
@Index('UQ_event_registrations_event_client', ['eventId', 'clientId'], {
  unique: true,
  where: '"client_id" IS NOT NULL',
})
@Index('UQ_event_registrations_event_number', ['eventId', 'number'], { unique: true })
@Check('CHK_event_registrations_client_or_guest', `("client_id" IS NULL) <> ("guest_name" IS NULL)`)
@Check(
  'CHK_event_registrations_attendance',
  `"attendance" IN ('registered', 'arrived', 'late', 'no_show')`,
)
@Check(
  'CHK_event_registrations_guest_language',
  `"guest_language" IS NULL OR "guest_language" IN ('fi', 'sv', 'en')`,
)
export class EventRegistration {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'PK_event_registrations' })
  id!: string;

  @Column({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @ManyToOne(() => RecruitmentEvent, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id', foreignKeyConstraintName: 'FK_event_registrations_event' })
  event?: RecruitmentEvent;

  /** Participant number within the event: what printed timetables show to others. */
  @Column({ type: 'smallint' })
  number!: number;

  @Column({ name: 'client_id', type: 'uuid', nullable: true })
  clientId!: string | null;

  @ManyToOne(() => Client, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'FK_event_registrations_client' })
  client?: Client;

  @Column({ name: 'guest_name', type: 'varchar', length: 200, nullable: true })
  guestName!: string | null;

  @Column({ name: 'guest_phone', type: 'varchar', length: 40, nullable: true })
  guestPhone!: string | null;

  @Column({ name: 'guest_email', type: 'varchar', length: 254, nullable: true })
  guestEmail!: string | null;

  @Column({ name: 'guest_language', type: 'varchar', length: 2, nullable: true })
  guestLanguage!: string | null;

  @Column({ name: 'guest_consent_to_contact', type: 'boolean', default: false })
  guestConsentToContact!: boolean;

  @Column({ type: 'varchar', length: 10, default: 'registered' })
  attendance!: Attendance;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
