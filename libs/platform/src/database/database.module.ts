import { DynamicModule, Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';

export const DATA_SOURCE_OPTIONS = Symbol('DATA_SOURCE_OPTIONS');

/**
 * Provides the one TypeORM DataSource. The options (entities, migrations) come from
 * db/data-source-options.ts, the same place the migration CLI reads them from.
 */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  static forRoot(options: () => DataSourceOptions): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        { provide: DATA_SOURCE_OPTIONS, useFactory: options },
        {
          provide: DataSource,
          inject: [DATA_SOURCE_OPTIONS],
          useFactory: async (opts: DataSourceOptions) => new DataSource(opts).initialize(),
        },
      ],
      exports: [DataSource],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
