import { Global, Module } from '@nestjs/common';
import { AppConfig } from '@ohjaamo/platform';
import { SessionCookies } from '../auth/session-cookie';
import { PageRenderer } from './page-renderer';
import { ViewRenderer } from './view-renderer';

/** The server-rendered staff UI's shared pieces: views, layout, cookies. */
@Global()
@Module({
  providers: [
    ViewRenderer,
    PageRenderer,
    {
      provide: SessionCookies,
      inject: [AppConfig],
      useFactory: (c: AppConfig) => new SessionCookies(c),
    },
  ],
  exports: [ViewRenderer, PageRenderer, SessionCookies],
})
export class UiModule {}
