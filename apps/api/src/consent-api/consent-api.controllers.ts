import { ConsentsApiController } from './consents.controller';

/** The consent REST controllers (registered in AppModule). */
export const CONSENT_API_CONTROLLERS = [ConsentsApiController];
