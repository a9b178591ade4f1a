import { useId } from 'react';
import type { DepartmentView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

/** A Müdürlük or Dış kurum to route to (active ones, grouped), or none. */
export function UnitSelect({
  label,
  units,
  value,
  onChange,
  noneLabel,
}: {
  label: string;
  units: DepartmentView[];
  value: string;
  onChange(id: string): void;
  noneLabel?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  const group = (kind: DepartmentView['kind'], title: string) => (
    <optgroup label={title}>
      {units
        .filter((u) => u.kind === kind && (u.active || u.id === value))
        .map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
    </optgroup>
  );
  return (
    // Labelled by id, not by wrapping: a wrapped select's chosen option would join its accessible name.
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{noneLabel ?? t('admin.form.noUnit')}</option>
        {group('department', t('admin.departments'))}
        {group('external_body', t('admin.externalBodies'))}
      </select>
    </div>
  );
}
