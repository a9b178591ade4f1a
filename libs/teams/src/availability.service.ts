import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@civic/audit';
import { ONLINE_SQL } from './open-statuses';
import type { TeamActor } from './team-actor';
import { TeamQueueDispatcher } from './team-queue.dispatcher';

export interface AvailabilityView {
  away: boolean;
  /** The web inbox's live stream is open (on any api process). */
  online: boolean;
}

/** An officer marks themself away (no new team work) or available (their teams' queues come to them). */
@Injectable()
export class AvailabilityService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly dispatcher: TeamQueueDispatcher,
  ) {}

  async get(actor: TeamActor): Promise<AvailabilityView> {
    const [row] = await this.dataSource.query(
      `SELECT u.away, ${ONLINE_SQL} AS online FROM app_user u WHERE u.organization_id = $1 AND u.id = $2`,
      [actor.organizationId, actor.userId],
    );
    return { away: row?.away ?? false, online: row?.online ?? false };
  }

  async set(actor: TeamActor, away: boolean): Promise<AvailabilityView> {
    await this.dataSource.transaction(async (manager) => {
      const [before] = await manager.query(
        `SELECT away FROM app_user WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
        [actor.organizationId, actor.userId],
      );
      if (!before || before.away === away) {
        return;
      }
      await manager.query(`UPDATE app_user SET away = $3 WHERE organization_id = $1 AND id = $2`, [
        actor.organizationId,
        actor.userId,
        away,
      ]);
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          action: 'user.availability_changed',
          targetType: 'user',
          targetId: actor.userId,
          before: { away: before.away },
          after: { away },
        },
        manager,
      );
    });
    if (!away) {
      await this.dispatcher.drainForUser(actor.organizationId, actor.userId);
    }
    return this.get(actor);
  }
}
