import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EventEmployer } from './event-employer.entity';
import { EventRegistration } from './event-registration.entity';

/** A young person's ranking of one employer of the event (rank 1 = most wanted). */
@Entity({ name: 'event_preferences' })
@Index('UQ_event_preferences_rank', ['registrationId', 'rank'], { unique: true })
@Check('CHK_event_preferences_rank', `"rank" >= 1`)
export class EventPreference {
  @PrimaryColumn({
    name: 'registration_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_event_preferences',
  })
  registrationId!: string;

  @ManyToOne(() => EventRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'registration_id',
    foreignKeyConstraintName: 'FK_event_preferences_registration',
  })
  registration?: EventRegistration;

  @PrimaryColumn({
    name: 'event_employer_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_event_preferences',
  })
  eventEmployerId!: string;

  @ManyToOne(() => EventEmployer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'event_employer_id',
    foreignKeyConstraintName: 'FK_event_preferences_event_employer',
  })
  eventEmployer?: EventEmployer;

  @Column({ type: 'smallint' })
  rank!: number;
}
