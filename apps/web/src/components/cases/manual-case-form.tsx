import { useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCaseCategories, useDepartments } from '../../api/queries/use-cases';
import type { ManualCaseBody } from '../../api/queries/use-manual-cases';
import {
  useCaseIntakeSettings,
  useCreateManualCase,
  useManualCaseSuggestion,
} from '../../api/queries/use-manual-cases';
import { useI18n } from '../../i18n/i18n';
import { DateInput } from '../date-input';
import { LearnedCategoryHint } from '../readings/learned-category-hint';
import { sourceLabelKey } from './case-source';

const SOURCES = ['phone', 'walk_in', 'email', 'cimer', 'other'] as const;
type Source = (typeof SOURCES)[number];
const COORDINATES = /^\s*(-?\d{1,2}(?:[.,]\d+)?)\s*[,;\s]\s*(-?\d{1,3}(?:[.,]\d+)?)\s*$/;

/** Today in the browser's calendar, as yyyy-mm-dd (the latest CİMER application date). */
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * "Telefon / yüz yüze / CİMER başvurusu kaydet": a case that did not come through social media.
 * The API checks everything again (phone, e-mail, CİMER number); its answer is shown as it is.
 * After saving, the new case opens.
 */
export function ManualCaseForm({ onCancel }: { onCancel(): void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const categories = useCaseCategories().data ?? [];
  const departments = useDepartments('department').data ?? [];
  const create = useCreateManualCase();
  const [source, setSource] = useState<Source>('phone');
  const intake = useCaseIntakeSettings(source === 'cimer');
  const [name, setName] = useState('');
  const [phone, setPhone] = useState('');
  const [email, setEmail] = useState('');
  const [consent, setConsent] = useState(false);
  const [cimerNumber, setCimerNumber] = useState('');
  const [cimerDate, setCimerDate] = useState('');
  const [category, setCategory] = useState('');
  const [departmentId, setDepartmentId] = useState('');
  const [description, setDescription] = useState('');
  const [address, setAddress] = useState('');
  const [coordinates, setCoordinates] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  // A category the officer picked is theirs; until then the suggestion for the description fills it in.
  const [categoryPicked, setCategoryPicked] = useState(false);
  const hint = useManualCaseSuggestion(description).data;
  const offered = new Set(categories.filter((c) => c.active).map((c) => c.id));
  const byRules = hint?.suggestion && offered.has(hint.suggestion.category.id) ? hint.suggestion : null;
  const learned = hint?.learned && offered.has(hint.learned.category.id) ? hint.learned : null;
  const suggestedId =
    byRules?.category.id ?? (learned && learned.confidence >= learned.threshold ? learned.category.id : '');
  useEffect(() => {
    if (!categoryPicked && suggestedId) {
      setCategory(suggestedId);
    }
  }, [categoryPicked, suggestedId]);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setProblem(null);
    if (source === 'cimer' && (!cimerNumber.trim() || !cimerDate)) {
      setProblem(t('intake.cimerRequired'));
      return;
    }
    if (consent && !phone.trim() && !email.trim()) {
      setProblem(t('intake.consentNeedsAddress'));
      return;
    }
    const point = coordinates.trim() ? COORDINATES.exec(coordinates) : null;
    if (coordinates.trim() && !point) {
      setProblem(t('intake.coordinatesInvalid'));
      return;
    }
    const body: ManualCaseBody = {
      source,
      category,
      // Without map coordinates the address stays with the text, where the department reads it.
      description:
        address.trim() && !point
          ? `${description.trim()}\n${t('intake.addressLine', { address: address.trim() })}`
          : description.trim(),
      citizen: {
        ...(name.trim() ? { name: name.trim() } : {}),
        ...(phone.trim() ? { phone: phone.trim() } : {}),
        ...(email.trim() ? { email: email.trim() } : {}),
        consent,
      },
      ...(source === 'cimer' ? { cimer: { applicationNumber: cimerNumber.trim(), applicationDate: cimerDate } } : {}),
      ...(departmentId ? { departmentId } : {}),
      ...(point
        ? {
            location: {
              latitude: Number(point[1].replace(',', '.')),
              longitude: Number(point[2].replace(',', '.')),
              ...(address.trim() ? { label: address.trim() } : {}),
            },
          }
        : {}),
    };
    try {
      const created = await create.mutateAsync(body);
      void navigate(`/cases/${created.id}`);
    } catch (error) {
      setProblem(t('common.error', { message: (error as Error).message }));
    }
  };

  return (
    <section className="card manual-case" aria-labelledby="manual-case-title" data-testid="manual-case-form">
      <h2 id="manual-case-title">{t('intake.title')}</h2>
      <p className="small muted">{t('intake.lead')}</p>
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <fieldset className="manual-case-sources">
          <legend>{t('intake.source')}</legend>
          {SOURCES.map((s) => (
            <label key={s} className="checkbox">
              <input
                type="radio"
                name="manual-case-source"
                value={s}
                checked={source === s}
                onChange={() => setSource(s)}
                data-testid={`manual-source-${s}`}
              />
              {t(sourceLabelKey(s))}
            </label>
          ))}
        </fieldset>
        {source === 'cimer' && (
          <div className="manual-case-row">
            <label>
              {t('intake.cimerNumber')}
              <input
                value={cimerNumber}
                onChange={(e) => setCimerNumber(e.target.value)}
                required
                maxLength={50}
                data-testid="manual-cimer-number"
              />
            </label>
            <DateInput label={t('intake.cimerDate')} value={cimerDate} onChange={setCimerDate} required max={today()} />
            {intake.data && (
              <p className="small muted">
                {t('intake.cimerDeadlineNote', { days: intake.data.cimerAnswerWorkingDays })}
              </p>
            )}
          </div>
        )}
        <fieldset className="manual-case-row">
          <legend>{t('intake.citizen')}</legend>
          <label>
            {t('intake.name')}
            <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} autoComplete="off" />
          </label>
          <label>
            {t('intake.phone')}
            <input
              type="tel"
              value={phone}
              onChange={(e) => setPhone(e.target.value)}
              placeholder={t('intake.phoneHint')}
              autoComplete="off"
              data-testid="manual-phone"
            />
          </label>
          <label>
            {t('intake.email')}
            <input
              type="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              placeholder={t('intake.emailHint')}
              autoComplete="off"
              data-testid="manual-email"
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={consent}
              onChange={(e) => setConsent(e.target.checked)}
              data-testid="manual-consent"
            />
            {t('intake.consent')}
          </label>
        </fieldset>
        <label>
          {t('intake.description')}
          <textarea
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            required
            rows={4}
            maxLength={10_000}
            data-testid="manual-description"
          />
        </label>
        <div className="manual-case-row">
          <label>
            {t('cases.field.category')}
            <select
              value={category}
              onChange={(e) => {
                setCategory(e.target.value);
                setCategoryPicked(true);
              }}
              required
              data-testid="manual-category"
            >
              <option value="" disabled>
                {t('intake.categoryChoose')}
              </option>
              {categories
                .filter((c) => c.active)
                .map((c) => (
                  <option key={c.id} value={c.id}>
                    {c.name}
                  </option>
                ))}
            </select>
          </label>
          <label>
            {t('cases.field.department')}
            <select
              value={departmentId}
              onChange={(e) => setDepartmentId(e.target.value)}
              data-testid="manual-department"
            >
              <option value="">{t('intake.departmentDefault')}</option>
              {departments.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        {byRules && (
          <p className="small muted" data-testid="manual-suggested">
            {t('case.suggested', { name: byRules.category.name })}
          </p>
        )}
        {learned && (
          <LearnedCategoryHint
            learned={learned}
            picked={category === learned.category.id}
            onPick={(id) => {
              setCategory(id);
              setCategoryPicked(true);
            }}
          />
        )}
        <div className="manual-case-row">
          <label>
            {t('intake.address')}
            <input value={address} onChange={(e) => setAddress(e.target.value)} maxLength={500} />
          </label>
          <label>
            {t('intake.coordinates')}
            <input
              value={coordinates}
              onChange={(e) => setCoordinates(e.target.value)}
              placeholder={t('intake.coordinatesHint')}
              inputMode="decimal"
            />
          </label>
        </div>
        {problem && (
          <p role="alert" className="small error" data-testid="manual-error">
            {problem}
          </p>
        )}
        <div className="item-line">
          <button type="submit" className="primary" disabled={create.isPending} data-testid="manual-save">
            {create.isPending ? t('intake.saving') : t('intake.save')}
          </button>
          <button type="button" className="link-button" onClick={onCancel}>
            {t('intake.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
