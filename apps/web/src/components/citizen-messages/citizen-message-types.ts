/**
 * The automatic messages' API shapes as the web reads them (GET/PUT /api/v1/citizen-messages/settings,
 * POST …/preview and a case's `notices`): aliases of the schemas generated from the OpenAPI document.
 */
import type { components } from '../../api/openapi.gen';

type Schemas = components['schemas'];

export type MessageLanguage = 'tr' | 'en';
export type NoticeKindSettings = Schemas['CitizenNoticeKindSettings'];
export type AccountGreeting = Schemas['CitizenMessageAccount'];
export type CitizenMessageSettings = Schemas['CitizenMessageSettings'];
/** A partial write: only what the administrator changed. */
export type CitizenMessageSettingsUpdate = Schemas['UpdateCitizenMessageSettingsDto'];
export type CitizenMessagePreview = Schemas['CitizenMessagePreview'];
export type CaseNotice = Schemas['CaseNotice'];
export type NoticeState = CaseNotice['state'];
