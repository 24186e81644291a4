import { ClientPageView } from './client-page.view';
import { ConsentCardPageController } from './consent-card.page.controller';
import { ConsentCardView } from './consent-card.view';
import { ConsentWizardPageController } from './consent-wizard.page.controller';
import { ConsentWizardView } from './consent-wizard.view';

/** The client's consent pages (the client page itself is listed with the desk pages). */
export const CLIENT_PAGE_CONTROLLERS = [ConsentWizardPageController, ConsentCardPageController];
export const CLIENT_PAGE_PROVIDERS = [ClientPageView, ConsentWizardView, ConsentCardView];
