import { ErrorCode } from '../error-code';
import type { CatalogueEntries } from './catalogue-entry';

/** Teams and automatic assignment (issue 26). */
export const TEAM_ERRORS: CatalogueEntries = {
  [ErrorCode.TeamNotFound]: { status: 404, tr: 'Ekip bulunamadı', en: 'Team not found' },
  [ErrorCode.TeamNameTaken]: {
    status: 409,
    tr: 'Bu adda bir ekip zaten var: {name}',
    en: 'A team with this name already exists: {name}',
  },
  [ErrorCode.TeamInactive]: {
    status: 400,
    tr: 'Ekip pasif; yeni konuşma alamaz: {name}',
    en: 'The team is inactive and takes no new conversations: {name}',
  },
  [ErrorCode.TeamUnknownMembers]: {
    status: 400,
    tr: 'Üyeler kurumunuzun etkin kullanıcıları olmalı',
    en: 'Members must be active users of your organization',
  },
};
