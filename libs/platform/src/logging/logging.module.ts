import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig } from '../config/app-config';
import { requestIdFrom } from '../context/request-id';
import { REDACT_PATHS } from './redaction';

/**
 * Structured JSON logs (pino). Every line written while serving a request carries its
 * request id; personal data is redacted. Query strings are dropped from logged URLs.
 */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          genReqId: (req: IncomingMessage) => {
            const existing = (req as IncomingMessage & { id?: string }).id;
            return existing ?? requestIdFrom(req.headers['x-request-id']);
          },
          customProps: () => ({ service: 'api' }),
          autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
          serializers: {
            req: (req: { id: string; method: string; url: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url.split('?')[0],
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
