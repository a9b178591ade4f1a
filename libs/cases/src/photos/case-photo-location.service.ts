import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, ErrorCode } from '@civic/errors';
import { CaseActor } from '../case-actor';
import { CaseHistoryRecorder } from '../case-history.recorder';
import { CaseView } from '../case-view';
import { CaseStore } from '../case.store';
import { readCasePhotoLocation } from './case-photo-location.reader';

/** What a location taken from a photo is called on the case (and in the e-mail to an external body). */
export const PHOTO_LOCATION_LABEL = 'Fotoğraftaki konum';

/**
 * "Fotoğraftaki konumu kullan": sets the case's location to the GPS position of its first photo
 * that has one. Written like any location change (case history `updated`, audit `case.updated`),
 * with `locationSource: 'photo'` and the photo it came from, so the trail tells where it came from.
 */
@Injectable()
export class CasePhotoLocationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly store: CaseStore,
    private readonly history: CaseHistoryRecorder,
  ) {}

  async apply(actor: CaseActor, caseId: string): Promise<CaseView> {
    await this.dataSource.transaction(async (manager) => {
      const current = await this.store.lock(manager, actor.scope, caseId);
      const found = await readCasePhotoLocation(manager, actor.organizationId, caseId);
      if (!found) {
        throw new DomainError(ErrorCode.CasePhotoLocationNotFound, { caseId });
      }
      const location = { latitude: found.latitude, longitude: found.longitude, label: PHOTO_LOCATION_LABEL };
      await manager.query(
        `UPDATE civic_case SET latitude = $3, longitude = $4, location_label = $5, updated_at = now()
          WHERE organization_id = $1 AND id = $2`,
        [actor.organizationId, caseId, location.latitude, location.longitude, location.label],
      );
      await this.history.record(manager, actor, caseId, {
        action: 'updated',
        before: {
          location:
            current.latitude !== null
              ? { latitude: current.latitude, longitude: current.longitude, label: current.location_label }
              : null,
        },
        after: {
          location,
          locationSource: 'photo',
          photo: { messageId: found.messageId, attachmentIndex: found.attachmentIndex },
        },
      });
    });
    return this.store.view(actor.scope, caseId);
  }
}
