import { ClientEditPageController } from './client-edit.page.controller';
import { ClientFormView } from './client-form.view';
import { ClientNewPageController } from './client-new.page.controller';

/** Registering and editing a client. Listed before the client page so /clients/new wins. */
export const CLIENT_FORM_CONTROLLERS = [ClientNewPageController, ClientEditPageController];
export const CLIENT_FORM_PROVIDERS = [ClientFormView];
