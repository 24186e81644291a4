import { ConsentEvidence } from './consent-evidence.entity';
import { ConsentStatusChange } from './consent-status-change.entity';
import { Consent } from './consent.entity';

export const CONSENT_ENTITIES = [Consent, ConsentStatusChange, ConsentEvidence];
