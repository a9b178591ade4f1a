import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { Public } from '@civic/auth';
import { DomainError, ErrorCode } from '@civic/errors';
import { LivenessResponse } from './health.response';
import { ReadinessResponse } from './readiness.response';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource) {}

  /** Liveness: the process answers. */
  @Public()
  @Get()
  @ApiOkResponse({ type: LivenessResponse })
  live() {
    return { status: 'ok' };
  }

  /** Readiness: the database answers and every migration is applied. */
  @Public()
  @Get('ready')
  @ApiOkResponse({ type: ReadinessResponse })
  async ready() {
    try {
      await this.dataSource.query('SELECT 1');
      const pending = await this.dataSource.showMigrations();
      if (pending) {
        throw new Error('migrations pending');
      }
      return { status: 'ok', database: 'ok', migrations: 'applied' };
    } catch (error) {
      throw new DomainError(ErrorCode.ServiceUnavailable, { status: 'unavailable', reason: (error as Error).message });
    }
  }
}
