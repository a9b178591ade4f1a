import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '@civic/audit';
import { returningRows } from '@civic/database';
import type { HolidayKind } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { OfficeCalendarService } from './office-calendar.service';
import type { OfficeHoursActor } from './office-hours-actor';
import { OfficeHoursSeeder } from './office-hours.seeder';

export interface PublicHolidayView {
  id: string;
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  nameTr: string;
  nameEn: string;
  kind: HolidayKind;
  halfDay: boolean;
  closesAt: string | null;
  source: 'official' | 'custom';
}

export interface PublicHolidayInput {
  date?: string;
  nameTr?: string;
  nameEn?: string;
  kind?: HolidayKind;
  halfDay?: boolean;
  closesAt?: string | null;
}

interface HolidayRow {
  id: string;
  date: string;
  name_tr: string;
  name_en: string;
  kind: HolidayKind;
  half_day: boolean;
  closes_at: string | null;
  source: 'official' | 'custom';
}

const COLUMNS = `id, to_char(date, 'YYYY-MM-DD') AS date, name_tr, name_en, kind, half_day, closes_at, source`;
/** A half day without its own closing time closes when the official eves do. */
const DEFAULT_HALF_DAY_CLOSE = '13:00';

/** The organization's public holidays: the official calendar it started with, edited by an administrator. */
@Injectable()
export class PublicHolidaysService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly seeder: OfficeHoursSeeder,
    private readonly calendar: OfficeCalendarService,
    private readonly audit: AuditService,
  ) {}

  async list(organizationId: string, year: number): Promise<PublicHolidayView[]> {
    await this.seeder.ensureSeeded(organizationId);
    const rows: HolidayRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM public_holiday
        WHERE organization_id = $1 AND date >= make_date($2, 1, 1) AND date < make_date($2 + 1, 1, 1)
        ORDER BY date, half_day DESC, name_tr`,
      [organizationId, year],
    );
    return rows.map(view);
  }

  async create(actor: OfficeHoursActor, input: Required<Omit<PublicHolidayInput, 'closesAt'>> & PublicHolidayInput) {
    await this.seeder.ensureSeeded(actor.organizationId);
    return this.write(actor.organizationId, async (manager) => {
      const [row]: HolidayRow[] = await manager.query(
        `INSERT INTO public_holiday (organization_id, date, name_tr, name_en, kind, half_day, closes_at, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'custom') RETURNING ${COLUMNS}`,
        [
          actor.organizationId,
          input.date,
          input.nameTr,
          input.nameEn,
          input.kind,
          input.halfDay,
          input.halfDay ? (input.closesAt ?? DEFAULT_HALF_DAY_CLOSE) : null,
        ],
      );
      await this.record(manager, actor, 'public_holiday.created', row.id, null, view(row));
      return view(row);
    });
  }

  async update(actor: OfficeHoursActor, id: string, input: PublicHolidayInput): Promise<PublicHolidayView> {
    return this.write(actor.organizationId, async (manager) => {
      const before = await this.find(manager, actor.organizationId, id);
      const halfDay = input.halfDay ?? before.half_day;
      const closesAt = halfDay ? (input.closesAt ?? before.closes_at ?? DEFAULT_HALF_DAY_CLOSE) : null;
      const [row] = returningRows<HolidayRow>(
        await manager.query(
          `UPDATE public_holiday SET date = $3, name_tr = $4, name_en = $5, kind = $6, half_day = $7, closes_at = $8, updated_at = now()
          WHERE organization_id = $1 AND id = $2 RETURNING ${COLUMNS}`,
          [
            actor.organizationId,
            id,
            input.date ?? before.date,
            input.nameTr ?? before.name_tr,
            input.nameEn ?? before.name_en,
            input.kind ?? before.kind,
            halfDay,
            closesAt,
          ],
        ),
      );
      await this.record(manager, actor, 'public_holiday.updated', id, view(before), view(row));
      return view(row);
    });
  }

  async remove(actor: OfficeHoursActor, id: string): Promise<void> {
    await this.write(actor.organizationId, async (manager) => {
      const before = await this.find(manager, actor.organizationId, id);
      await manager.query(`DELETE FROM public_holiday WHERE organization_id = $1 AND id = $2`, [
        actor.organizationId,
        id,
      ]);
      await this.record(manager, actor, 'public_holiday.deleted', id, view(before), null);
    });
  }

  private async find(manager: EntityManager, organizationId: string, id: string): Promise<HolidayRow> {
    const [row]: HolidayRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM public_holiday WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [organizationId, id],
    );
    if (!row) {
      throw new DomainError(ErrorCode.PublicHolidayNotFound);
    }
    return row;
  }

  private async record(
    manager: EntityManager,
    actor: OfficeHoursActor,
    action: string,
    id: string,
    before: PublicHolidayView | null,
    after: PublicHolidayView | null,
  ): Promise<void> {
    await this.audit.record(
      {
        organizationId: actor.organizationId,
        actorUserId: actor.userId,
        actorLabel: actor.label,
        action,
        targetType: 'public_holiday',
        targetId: id,
        before,
        after,
      },
      manager,
    );
  }

  private async write<T>(organizationId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction(work);
    this.calendar.invalidate(organizationId);
    return result;
  }
}

function view(row: HolidayRow): PublicHolidayView {
  return {
    id: row.id,
    date: row.date,
    nameTr: row.name_tr,
    nameEn: row.name_en,
    kind: row.kind,
    halfDay: row.half_day,
    closesAt: row.closes_at,
    source: row.source,
  };
}
