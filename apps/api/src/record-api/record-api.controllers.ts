import { RecordApiController } from './record.controller';

/** The shared record's REST controllers (registered in AppModule). */
export const RECORD_API_CONTROLLERS = [RecordApiController];
