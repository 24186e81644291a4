import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import {
  AppConfig,
  createValidationPipe,
  HttpErrorFilter,
  I18nService,
  metricsMiddleware,
  MetricsService,
  requestContextMiddleware,
} from '@ohjaamo/platform';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { join } from 'node:path';
import { htmlErrorsMiddleware } from './ui/html-errors';
import { PageRenderer } from './ui/page-renderer';

/**
 * Everything about the HTTP app that is not a module: middleware order, validation,
 * the error filter and the OpenAPI document. main.ts and the test harness both call it,
 * so tests exercise exactly what production runs.
 */
export function configureApp(app: NestExpressApplication): INestApplication {
  const config = app.get(AppConfig);
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(cookieParser());
  app.use(requestContextMiddleware(config));
  app.use(metricsMiddleware(app.get(MetricsService)));
  // No inline scripts anywhere: the CSP allows scripts from this origin only.
  app.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'script-src': ["'self'"],
          'img-src': ["'self'", 'data:'],
          'form-action': ["'self'"],
        },
      },
      strictTransportSecurity: config.COOKIE_SECURE,
    }),
  );
  app.useStaticAssets(join(__dirname, '..', 'public'), {
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });
  // Anything but static assets may carry personal data: never cache it anywhere.
  app.use((_req: unknown, res: { setHeader(n: string, v: string): void }, next: () => void) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(htmlErrorsMiddleware(app.get(PageRenderer)));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter(app.get(I18nService)));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Ohjaamo API')
      .setDescription('Case management for Ohjaamo guidance centres')
      .setVersion('1')
      .addCookieAuth('ohjaamo_session', { type: 'apiKey', in: 'cookie' }, 'session')
      .addBearerAuth(
        { type: 'http', scheme: 'bearer', description: 'Personal access token' },
        'token',
      )
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
