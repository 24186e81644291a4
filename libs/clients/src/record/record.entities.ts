import { RecordEntry } from './record-entry.entity';

export const RECORD_ENTITIES = [RecordEntry];
