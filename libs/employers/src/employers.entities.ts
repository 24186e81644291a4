import { EmployerContact } from './employer/employer-contact.entity';
import { Employer } from './employer/employer.entity';
import { Vacancy } from './employer/vacancy.entity';
import { EventEmployer } from './event/event-employer.entity';
import { EventFollowUp } from './event/event-follow-up.entity';
import { EventInterest } from './event/event-interest.entity';
import { EventMeeting } from './event/event-meeting.entity';
import { EventPreference } from './event/event-preference.entity';
import { EventRegistration } from './event/event-registration.entity';
import { RecruitmentEvent } from './event/recruitment-event.entity';

export const EMPLOYER_ENTITIES = [
  Employer,
  EmployerContact,
  Vacancy,
  RecruitmentEvent,
  EventEmployer,
  EventRegistration,
  EventPreference,
  EventInterest,
  EventMeeting,
  EventFollowUp,
];
