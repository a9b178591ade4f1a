import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ConversationActivity } from '@civic/inbox';
import { ConversationActivityRecorder } from '@civic/inbox';
import { LiveEventsPublisher } from '@civic/live-events';

export interface TeamPlacement {
  organizationId: string;
  conversationId: string;
  /** The conversation's team and assignee before. */
  from: { teamId: string | null; assigneeId: string | null };
  teamId: string;
  /** The member chosen, or null: it waits in the team's queue. */
  userId: string | null;
  /** The officer who asked; null for rules and the queue hand-out. */
  actorUserId: string | null;
  /** Handed out from the team's queue (a member came online or freed a slot). */
  fromQueue?: boolean;
  /** The rule or macro that asked, written into each history entry. */
  origin?: Record<string, unknown>;
}

/** Writes a team assignment: the conversation, the rotation, its history and audit entries, the live event. */
@Injectable()
export class TeamAssignmentWriter {
  constructor(
    private readonly activity: ConversationActivityRecorder,
    private readonly live: LiveEventsPublisher,
  ) {}

  async write(manager: EntityManager, p: TeamPlacement): Promise<void> {
    await manager.query(
      `UPDATE conversation SET team_id = $3, assignee_id = $4::uuid WHERE organization_id = $1 AND id = $2`,
      [p.organizationId, p.conversationId, p.teamId, p.userId],
    );
    if (p.userId) {
      await manager.query(`UPDATE team SET last_assigned_user_id = $3 WHERE organization_id = $1 AND id = $2`, [
        p.organizationId,
        p.teamId,
        p.userId,
      ]);
    }
    const entries: ConversationActivity[] = [];
    if (p.from.teamId !== p.teamId) {
      entries.push({ type: 'team', data: { from: p.from.teamId, to: p.teamId, queued: p.userId === null } });
    }
    if (p.from.assigneeId !== p.userId) {
      entries.push({
        type: 'assign',
        data: {
          from: p.from.assigneeId,
          to: p.userId,
          teamId: p.teamId,
          roundRobin: true,
          ...(p.fromQueue ? { fromQueue: true } : {}),
        },
      });
    }
    if (entries.length === 0) {
      return;
    }
    if (p.origin) {
      entries.forEach((e) => (e.data.origin = p.origin));
    }
    await this.activity.record(
      manager,
      { organizationId: p.organizationId, userId: p.actorUserId },
      [p.conversationId],
      entries,
    );
    await this.live.conversationsUpdated(
      manager,
      p.organizationId,
      [p.conversationId],
      entries.map((e) => e.type).join(','),
    );
  }
}
