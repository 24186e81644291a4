import type { NextFunction, Request, Response } from 'express';
import type { MetricsService } from '../metrics/metrics.service';

/** Times each request and labels it with the route pattern, never the raw URL. */
export function metricsMiddleware(metrics: MetricsService) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const stop = metrics.httpDuration.startTimer();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path;
      stop({
        method: req.method,
        route: route ? req.baseUrl + route : 'unmatched',
        status: res.statusCode,
      });
    });
    next();
  };
}
