import { ApiError } from '../../apps/web/src/api/api-error';
import type { CitizenMessageSettings } from '../../apps/web/src/components/citizen-messages/citizen-message-types';
import {
  changesOf,
  draftOf,
  problemsOfError,
  unknownPlaceholders,
} from '../../apps/web/src/components/citizen-messages/settings-draft';

const SETTINGS: CitizenMessageSettings = {
  privacyNoticeUrl: null,
  privacyNoticeOnFirstContact: false,
  defaultLanguage: 'tr',
  kinds: [
    {
      kind: 'resolved',
      enabled: true,
      texts: { tr: 'Başvurunuz ({caseNumber}) sonuçlandı: {resolution}', en: 'Resolved: {resolution}' },
      whatsappTemplate: null,
      placeholders: ['caseNumber', 'resolution'],
    },
    {
      kind: 'in_progress',
      enabled: true,
      texts: { tr: 'Başvurunuz ({caseNumber}) üzerinde çalışılıyor.', en: 'In progress.' },
      whatsappTemplate: { name: 'isleme_alindi', language: 'tr' },
      placeholders: ['caseNumber', 'department'],
    },
  ],
  accounts: [{ accountId: 'a1', channel: 'whatsapp', name: 'Beyaz Masa', acknowledgeNewConversations: false }],
};

/** The settings screen's draft: only what changed goes to the API, and a refusal finds its field. */
describe('automatic messages settings draft', () => {
  it('sends nothing when nothing changed, and only the changed kind and account otherwise', () => {
    const saved = draftOf(SETTINGS);
    expect(changesOf(saved, saved)).toEqual({ body: {}, count: 0 });
    const draft = {
      ...saved,
      kinds: { ...saved.kinds, in_progress: { ...saved.kinds.in_progress, enabled: false } },
      accounts: { a1: true },
    };
    expect(changesOf(draft, saved)).toEqual({
      count: 2,
      body: {
        kinds: [
          {
            kind: 'in_progress',
            enabled: false,
            texts: SETTINGS.kinds[1].texts,
            whatsappTemplate: { name: 'isleme_alindi', language: 'tr' },
          },
        ],
        accounts: [{ accountId: 'a1', acknowledgeNewConversations: true }],
      },
    });
  });

  it('clears the privacy link to null and drops a template whose name was emptied', () => {
    const saved = draftOf({ ...SETTINGS, privacyNoticeUrl: 'https://belediye.tr/kvkk' });
    const draft = {
      ...saved,
      privacyNoticeUrl: '  ',
      kinds: { ...saved.kinds, in_progress: { ...saved.kinds.in_progress, templateName: '' } },
    };
    const { body } = changesOf(draft, saved);
    expect(body.privacyNoticeUrl).toBeNull();
    expect(body.kinds?.[0].whatsappTemplate).toBeNull();
  });

  it('names the placeholders a kind does not fill', () => {
    expect(unknownPlaceholders('{caseNumber} {foo} {foo} {department}', ['caseNumber'])).toEqual(['foo', 'department']);
    expect(unknownPlaceholders('Teşekkürler', [])).toEqual([]);
  });

  it("puts the API's validation lines on their fields, leaving list indexes to the form", () => {
    const refusal = (errors: string[]) =>
      new ApiError(400, 'İstek geçersiz', { code: 'validation_failed', details: { errors } });
    const known = (kind: string) => kind === 'resolved';
    expect(
      problemsOfError(
        refusal([
          'kinds.resolved.texts.tr: unknown placeholder {foo}, {bar} (allowed for resolved: {caseNumber}, {resolution})',
          'privacyNoticeUrl must be an http or https address',
        ]),
        known,
      ),
    ).toEqual({ 'resolved.text.tr': ['foo', 'bar'], privacyNoticeUrl: [] });
    expect(problemsOfError(refusal(['kinds.0.texts.tr must be shorter than or equal to 1000 characters']), known)).toBe(
      null,
    );
    expect(problemsOfError(new Error('Failed to fetch'), known)).toBe(null);
  });
});
