import type { FormEvent } from 'react';
import { useState } from 'react';
import { useMacroWrite } from '../../api/queries/use-macros';
import type { Macro, MacroAction } from '../../api/queries/use-macros';
import { useI18n } from '../../i18n/i18n';
import { AdminError } from '../admin/admin-error';
import { actionComplete, MacroActionRow } from './macro-action-row';
import type { MacroLookups } from './macro-lookups';

const FIELDS = { name: 'macros.name', actions: 'macros.actions', shared: 'macros.visibility' } as const;

/** Creates or edits a macro: its name, its ordered steps and (administrators) whether it is shared. */
export function MacroForm({
  macro,
  lookups,
  canShare,
  sharedByDefault,
  onDone,
}: {
  macro: Macro | null;
  lookups: MacroLookups;
  canShare: boolean;
  sharedByDefault: boolean;
  onDone(): void;
}) {
  const { t } = useI18n();
  const [name, setName] = useState(macro?.name ?? '');
  const [actions, setActions] = useState<MacroAction[]>(macro?.actions ?? [{ kind: 'open_case' }]);
  const [shared, setShared] = useState(macro?.shared ?? sharedByDefault);
  const [problem, setProblem] = useState<string | null>(null);
  const write = useMacroWrite();

  const change = (index: number, next: MacroAction) => setActions(actions.map((a, i) => (i === index ? next : a)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...actions];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setActions(next);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const incomplete = actions.findIndex((a) => !actionComplete(a));
    if (actions.length === 0) {
      setProblem(t('macros.needsAction'));
      return;
    }
    if (incomplete >= 0) {
      setProblem(`${t('macros.step', { number: String(incomplete + 1) })}: ${t('macros.choose')}`);
      return;
    }
    setProblem(null);
    const body = { name: name.trim(), actions, ...(canShare ? { shared } : {}) };
    write.mutate({ id: macro?.id, body }, { onSuccess: onDone });
  };
  const heading = macro ? t('macros.editNamed', { name: macro.name }) : t('macros.new');
  return (
    <form className="admin-form admin-edit-form macro-form" aria-label={heading} noValidate onSubmit={submit}>
      <h3 className="full">{heading}</h3>
      <label className="full">
        {t('macros.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} data-testid="macro-name" />
      </label>
      <div className="full macro-steps" role="group" aria-label={t('macros.actions')}>
        {actions.map((action, index) => (
          <MacroActionRow
            // The kind is part of the key: a new kind starts with blank fields.
            key={`${index}-${action.kind}`}
            index={index}
            count={actions.length}
            action={action}
            lookups={lookups}
            shared={canShare && shared}
            onChange={(next) => change(index, next)}
            onMove={(by) => move(index, by)}
            onRemove={() => setActions(actions.filter((_, i) => i !== index))}
          />
        ))}
        <button
          type="button"
          className="secondary"
          onClick={() => setActions([...actions, { kind: 'add_tags' }])}
          data-testid="macro-add-step"
        >
          {t('macros.addAction')}
        </button>
      </div>
      {canShare && (
        <label className="checkbox full">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />{' '}
          {t('macros.shareWithAll')}
        </label>
      )}
      {problem && (
        <p role="alert" className="error full">
          {problem}
        </p>
      )}
      <AdminError error={write.error} fields={FIELDS} />
      <div className="item-line full">
        <button type="submit" disabled={write.isPending} data-testid="macro-save">
          {t('macros.save')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
