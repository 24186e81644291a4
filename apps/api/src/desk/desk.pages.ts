import { ClientPageController } from '../client-pages/client.page.controller';
import { DeskContext } from './desk-context';
import { DeskBoardPageController } from './desk-board.page.controller';
import { DeskVisitEditPageController } from './desk-visit-edit.page.controller';
import { DeskPageController } from './desk.page.controller';

/** The front-desk pages (visits, client search, queue board) and the client's page. */
export const DESK_PAGE_CONTROLLERS = [
  DeskPageController,
  DeskVisitEditPageController,
  DeskBoardPageController,
  ClientPageController,
];
export const DESK_PAGE_PROVIDERS = [DeskContext];
