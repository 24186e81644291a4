import { ClientsApiController } from './clients.controller';

/** The REST controllers of the client registry under /api/v1/clients (registered in AppModule). */
export const CLIENTS_API_CONTROLLERS = [ClientsApiController];
