import { DynamicModule, Global, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@civic/config';
import { ALL_ENTITIES } from '@civic/domain';
import { DatabaseConnection } from './database-connection';

/** Persistence in one place: the DataSource (migrated at start), repositories for every entity. */
@Global()
@Module({})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(private readonly dataSource: DataSource) {}

  static forRoot(): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => DatabaseConnection.options(config),
          dataSourceFactory: (options) => DatabaseConnection.openAndMigrate(options!),
        }),
        TypeOrmModule.forFeature(ALL_ENTITIES),
      ],
      exports: [TypeOrmModule],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) {
      await this.dataSource.destroy();
    }
    await DatabaseConnection.stopEmbedded();
  }
}
