import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import type { WeekdayHours } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { OfficeCalendarService } from './office-calendar.service';
import type { OfficeHoursActor } from './office-hours-actor';
import { OfficeHoursSeeder } from './office-hours.seeder';
import { isKnownTimeZone, minutesOf } from './zoned-time';

export interface OutOfHoursAccountView {
  accountId: string;
  channel: string;
  name: string;
  /** The out-of-hours reply goes out on this account (off for a line run 24/7). */
  enabled: boolean;
}

export interface OfficeHoursView {
  timeZone: string;
  weekly: WeekdayHours[];
  outOfHoursReply: { accounts: OutOfHoursAccountView[] };
}

export interface OfficeHoursInput {
  timeZone?: string;
  weekly?: WeekdayHours[];
  outOfHoursReply?: { accounts: { accountId: string; enabled: boolean }[] };
}

const DAY_NAMES = [
  'Pazartesi / Monday',
  'Salı / Tuesday',
  'Çarşamba / Wednesday',
  'Perşembe / Thursday',
  'Cuma / Friday',
  'Cumartesi / Saturday',
  'Pazar / Sunday',
];

/** An organization's weekly hours, time zone and per-account out-of-hours switch (admin-managed). */
@Injectable()
export class OfficeHoursSettingsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seeder: OfficeHoursSeeder,
    private readonly calendar: OfficeCalendarService,
    private readonly audit: AuditService,
  ) {}

  async get(organizationId: string): Promise<OfficeHoursView> {
    await this.seeder.ensureSeeded(organizationId);
    return this.read(this.dataSource.manager, organizationId);
  }

  /** Whether the out-of-hours reply goes out on this channel account. */
  async outOfHoursReplyOn(manager: EntityManager, organizationId: string, accountId: string): Promise<boolean> {
    const [row] = await manager.query(
      `SELECT NOT ($2::uuid = ANY(out_of_hours_off_account_ids)) AS on FROM office_hours WHERE organization_id = $1`,
      [organizationId, accountId],
    );
    return row ? row.on === true : true;
  }

  async update(actor: OfficeHoursActor, input: OfficeHoursInput): Promise<OfficeHoursView> {
    if (input.timeZone !== undefined && !isKnownTimeZone(input.timeZone)) {
      throw new DomainError(ErrorCode.OfficeHoursUnknownTimeZone, { timeZone: input.timeZone });
    }
    if (input.weekly) {
      validateWeekly(input.weekly);
    }
    await this.seeder.ensureSeeded(actor.organizationId);
    const view = await this.dataSource.transaction(async (manager) => {
      const before = await this.read(manager, actor.organizationId, true);
      const weekly = input.weekly ? [...input.weekly].sort((a, b) => a.weekday - b.weekday).map(normalizeDay) : null;
      let off: string[] | null = null;
      if (input.outOfHoursReply) {
        const known = new Set(before.outOfHoursReply.accounts.map((a) => a.accountId));
        const unknown = input.outOfHoursReply.accounts.find((a) => !known.has(a.accountId));
        if (unknown) {
          throw new DomainError(ErrorCode.ChannelAccountNotFound, { accountId: unknown.accountId });
        }
        const wanted = new Map(input.outOfHoursReply.accounts.map((a) => [a.accountId, a.enabled]));
        off = before.outOfHoursReply.accounts
          .filter((a) => !(wanted.get(a.accountId) ?? a.enabled))
          .map((a) => a.accountId);
      }
      await manager.query(
        `UPDATE office_hours
            SET time_zone = coalesce($2, time_zone), weekly = coalesce($3::jsonb, weekly),
                out_of_hours_off_account_ids = coalesce($4::uuid[], out_of_hours_off_account_ids),
                updated_by_user_id = $5, updated_at = now()
          WHERE organization_id = $1`,
        [actor.organizationId, input.timeZone ?? null, weekly ? JSON.stringify(weekly) : null, off, actor.userId],
      );
      const after = await this.read(manager, actor.organizationId);
      await this.audit.record(
        {
          organizationId: actor.organizationId,
          actorUserId: actor.userId,
          actorLabel: actor.label,
          action: 'office_hours.updated',
          targetType: 'office_hours',
          targetId: actor.organizationId,
          before,
          after,
        },
        manager,
      );
      return after;
    });
    this.calendar.invalidate(actor.organizationId);
    return view;
  }

  private async read(manager: EntityManager, organizationId: string, lock = false): Promise<OfficeHoursView> {
    const [row]: { time_zone: string; weekly: WeekdayHours[]; off: string[] }[] = await manager.query(
      `SELECT time_zone, weekly, out_of_hours_off_account_ids::text[] AS off FROM office_hours WHERE organization_id = $1
       ${lock ? 'FOR UPDATE' : ''}`,
      [organizationId],
    );
    const accounts: { id: string; channel: string; name: string }[] = await manager.query(
      `SELECT id, channel, name FROM channel_account WHERE organization_id = $1 ORDER BY channel, name`,
      [organizationId],
    );
    const off = new Set(row.off);
    return {
      timeZone: row.time_zone,
      weekly: row.weekly,
      outOfHoursReply: {
        accounts: accounts.map((a) => ({ accountId: a.id, channel: a.channel, name: a.name, enabled: !off.has(a.id) })),
      },
    };
  }
}

function normalizeDay(d: WeekdayHours): WeekdayHours {
  if (!d.open || !d.close) {
    return { weekday: d.weekday, open: null, close: null, lunchStart: null, lunchEnd: null };
  }
  const lunch = d.lunchStart && d.lunchEnd;
  return {
    weekday: d.weekday,
    open: d.open,
    close: d.close,
    lunchStart: lunch ? d.lunchStart : null,
    lunchEnd: lunch ? d.lunchEnd : null,
  };
}

/** Opening before closing, lunch inside the day; the DTO already checked the shape and the seven weekdays. */
function validateWeekly(weekly: WeekdayHours[]): void {
  let openDays = 0;
  for (const d of weekly) {
    const day = DAY_NAMES[d.weekday - 1];
    if (!d.open || !d.close) {
      continue;
    }
    openDays++;
    const open = minutesOf(d.open);
    const close = minutesOf(d.close);
    if (close <= open) {
      throw new DomainError(ErrorCode.OfficeHoursCloseBeforeOpen, { day });
    }
    if (d.lunchStart || d.lunchEnd) {
      const start = d.lunchStart ? minutesOf(d.lunchStart) : NaN;
      const end = d.lunchEnd ? minutesOf(d.lunchEnd) : NaN;
      if (!(start >= open && end <= close && end > start)) {
        throw new DomainError(ErrorCode.OfficeHoursLunchOutsideHours, { day });
      }
    }
  }
  if (openDays === 0) {
    throw new DomainError(ErrorCode.OfficeHoursNoOpenDay);
  }
}
