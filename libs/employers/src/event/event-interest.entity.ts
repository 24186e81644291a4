import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { EventEmployer } from './event-employer.entity';
import { EventRegistration } from './event-registration.entity';

/** An employer's wish to meet a registered young person. */
@Entity({ name: 'event_interests' })
@Index('IDX_event_interests_registration', ['registrationId'])
export class EventInterest {
  @PrimaryColumn({
    name: 'event_employer_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_event_interests',
  })
  eventEmployerId!: string;

  @ManyToOne(() => EventEmployer, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'event_employer_id',
    foreignKeyConstraintName: 'FK_event_interests_event_employer',
  })
  eventEmployer?: EventEmployer;

  @PrimaryColumn({
    name: 'registration_id',
    type: 'uuid',
    primaryKeyConstraintName: 'PK_event_interests',
  })
  registrationId!: string;

  @ManyToOne(() => EventRegistration, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'registration_id',
    foreignKeyConstraintName: 'FK_event_interests_registration',
  })
  registration?: EventRegistration;
}
