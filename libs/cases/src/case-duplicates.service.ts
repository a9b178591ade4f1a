import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccountScope } from '@civic/auth';
import { CaseStatus, OPEN_CASE_STATUSES } from '@civic/domain';
import { DomainError, ErrorCode } from '@civic/errors';
import { caseAccountCondition } from './case-account-condition';
import { CaseActor } from './case-actor';
import { CaseHistoryRecorder } from './case-history.recorder';
import { CASE_SELECT, CaseView } from './case-view';
import { CaseStore } from './case.store';
import { CasesService } from './cases.service';

export const DEFAULT_DUPLICATE_RADIUS_METRES = 150;
export const DEFAULT_DUPLICATE_DAYS = 14;
const EARTH_RADIUS_METRES = 6_371_000;
const METRES_PER_DEGREE_LATITUDE = 111_320;

export interface DuplicateCandidates {
  caseId: string;
  radiusMetres: number;
  days: number;
  /** False when the case has no location: nothing can be near it. */
  located: boolean;
  items: (CaseView & { distanceMetres: number })[];
}

/**
 * Possible duplicates (open cases of the same category near the case, opened in the last days) and
 * merging one into another. A merged duplicate gets status `merged` (final, never counted in the
 * statistics) and points at the surviving case; its conversation stays linked to the survivor
 * through that pointer, so the survivor's answer can reach every citizen who reported it.
 */
@Injectable()
export class CaseDuplicatesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly cases: CasesService,
    private readonly history: CaseHistoryRecorder,
  ) {}

  async candidates(
    scope: AccountScope,
    id: string,
    radiusMetres = DEFAULT_DUPLICATE_RADIUS_METRES,
    days = DEFAULT_DUPLICATE_DAYS,
  ): Promise<DuplicateCandidates> {
    const self = await this.store.view(scope, id);
    const result: DuplicateCandidates = { caseId: id, radiusMetres, days, located: self.location !== null, items: [] };
    if (!self.location) {
      return result;
    }
    const { latitude, longitude } = self.location;
    // A bounding box first (cheap, index-free arithmetic), then the haversine great-circle distance.
    const dLat = radiusMetres / METRES_PER_DEGREE_LATITUDE;
    const dLon = radiusMetres / (METRES_PER_DEGREE_LATITUDE * Math.max(Math.cos((latitude * Math.PI) / 180), 0.01));
    const params: unknown[] = [
      scope.organizationId,
      id,
      latitude,
      longitude,
      self.category.id,
      OPEN_CASE_STATUSES,
      days,
      dLat,
      dLon,
      radiusMetres,
    ];
    const rows = await this.dataSource.query(
      `SELECT * FROM (
         SELECT x.*, ${EARTH_RADIUS_METRES} * 2 * asin(sqrt(
                  power(sin(radians(x.latitude - $3::float8) / 2), 2) +
                  cos(radians($3::float8)) * cos(radians(x.latitude)) * power(sin(radians(x.longitude - $4::float8) / 2), 2))) AS distance_metres
           FROM (${CASE_SELECT}
                  WHERE k.organization_id = $1 AND k.id <> $2 AND k.category_id = $5 AND k.status = ANY($6::text[])
                    AND k.created_at >= now() - make_interval(days => $7::int)
                    AND k.latitude BETWEEN $3::float8 - $8::float8 AND $3::float8 + $8::float8 AND k.longitude BETWEEN $4::float8 - $9::float8 AND $4::float8 + $9::float8
                    AND ${caseAccountCondition(scope, 'k.channel_account_id', params)}) x
       ) y WHERE y.distance_metres <= $10::float8 ORDER BY y.distance_metres, y.created_at, y.id LIMIT 50`,
      params,
    );
    const now = this.store.now();
    result.items = rows.map((r: Record<string, any>) => ({
      ...this.store.toView(r, now),
      distanceMetres: Math.round(Number(r.distance_metres) * 10) / 10,
    }));
    return result;
  }

  /** Folds the open case `id` into `intoCaseId`; history and audit on both, in one transaction. */
  async merge(
    actor: CaseActor,
    id: string,
    intoCaseId: string,
    note?: string,
  ): Promise<{ merged: CaseView; into: CaseView }> {
    if (id === intoCaseId) {
      throw new DomainError(ErrorCode.ValidationFailed, { errors: ['intoCaseId must be another case'] });
    }
    await this.dataSource.transaction(async (manager) => {
      // Lock both rows in id order so two opposite merges cannot deadlock.
      const scoped: unknown[] = [actor.scope.organizationId, [id, intoCaseId]];
      const locked = await manager.query(
        `SELECT id, case_number, status, conversation_id, message_id FROM civic_case
          WHERE organization_id = $1 AND id = ANY($2::uuid[]) AND ${caseAccountCondition(actor.scope, 'channel_account_id', scoped)} ORDER BY id FOR UPDATE`,
        scoped,
      );
      const duplicate = locked.find((r: { id: string }) => r.id === id);
      const survivor = locked.find((r: { id: string }) => r.id === intoCaseId);
      if (!duplicate) {
        throw new DomainError(ErrorCode.CaseNotFound);
      }
      if (!survivor) {
        throw new DomainError(ErrorCode.ValidationFailed, {
          errors: ['intoCaseId must be a case of the organization'],
        });
      }
      if (survivor.status === CaseStatus.Merged) {
        throw new DomainError(ErrorCode.CaseMergeIntoMerged);
      }
      // Cases merged earlier into the duplicate follow it to the survivor (no chains).
      const followers: { id: string; case_number: string }[] = await manager.query(
        `UPDATE civic_case SET merged_into_case_id = $3, updated_at = now() WHERE organization_id = $1 AND merged_into_case_id = $2 RETURNING id, case_number`,
        [actor.organizationId, id, intoCaseId],
      );
      await this.cases.transition(
        actor,
        id,
        CaseStatus.Merged,
        note,
        async () => ({
          action: 'merged',
          sets: { merged_into_case_id: intoCaseId, merged_at: new Date() },
          before: { mergedIntoCaseId: null },
          after: { mergedIntoCaseId: intoCaseId, mergedIntoNumber: survivor.case_number },
        }),
        manager,
      );
      await this.history.record(manager, actor, intoCaseId, {
        action: 'merged.absorbed',
        after: {
          mergedCaseId: id,
          mergedCaseNumber: duplicate.case_number,
          conversationId: duplicate.conversation_id,
          messageId: duplicate.message_id,
          followers: followers.map((f) => f.case_number),
        },
        note: note ?? null,
      });
    });
    return { merged: await this.store.view(actor.scope, id), into: await this.store.view(actor.scope, intoCaseId) };
  }
}
