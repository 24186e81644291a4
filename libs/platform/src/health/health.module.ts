import { Global, Module } from '@nestjs/common';
import { MetricsService } from '../metrics/metrics.service';
import { HealthService } from './health.service';

@Global()
@Module({ providers: [HealthService, MetricsService], exports: [HealthService, MetricsService] })
export class HealthModule {}
