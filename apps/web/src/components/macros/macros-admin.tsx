import { useState } from 'react';
import { api } from '../../api/client';
import { useMacros, useMacroWrite } from '../../api/queries/use-macros';
import type { Macro } from '../../api/queries/use-macros';
import { useI18n } from '../../i18n/i18n';
import { permissionsOf } from '../../roles';
import { AdminError } from '../admin/admin-error';
import { AdminTable } from '../admin/admin-table';
import { QueryState } from '../query-state';
import { MacroForm } from './macro-form';
import { useActionWords, useMacroLookups } from './macro-lookups';
import './macros.css';

/**
 * Makrolar: `scope` "mine" lists the user's own and the shared ones (/settings/macros); "shared" the
 * organization's shared ones for administrators (the admin tab).
 */
export function MacrosAdmin({ scope }: { scope: 'mine' | 'shared' }) {
  const { t } = useI18n();
  const user = api.current!.user;
  const isAdmin = permissionsOf(user.roles).admin;
  const query = useMacros();
  const remove = useMacroWrite();
  const lookups = useMacroLookups(user, isAdmin);
  const words = useActionWords(lookups);
  const [editing, setEditing] = useState<Macro | 'new' | null>(null);

  const confirmRemove = (macro: Macro) => {
    if (window.confirm(t('macros.confirmDelete', { name: macro.name }))) {
      remove.mutate({ id: macro.id, remove: true });
    }
  };
  return (
    <section className="card" aria-labelledby="macros-title">
      <div className="item-line">
        <h2 id="macros-title">{t(scope === 'shared' ? 'macros.sharedTitle' : 'macros.title')}</h2>
        {editing === null && (
          <button type="button" className="secondary push" onClick={() => setEditing('new')} data-testid="macro-new">
            {t('macros.new')}
          </button>
        )}
      </div>
      <p className="muted small">{t(scope === 'shared' ? 'macros.explainAdmin' : 'macros.explainOfficer')}</p>
      {editing !== null && (
        <MacroForm
          key={editing === 'new' ? 'new' : editing.id}
          macro={editing === 'new' ? null : editing}
          lookups={lookups}
          canShare={isAdmin}
          sharedByDefault={scope === 'shared'}
          onDone={() => setEditing(null)}
        />
      )}
      <AdminError error={remove.error} fields={{}} />
      <QueryState query={query}>
        {(all) => {
          const list = scope === 'shared' ? all.filter((m) => m.shared) : all;
          return list.length === 0 ? (
            <p className="muted">{t('macros.empty')}</p>
          ) : (
            <AdminTable testId="macros-table" headers={[t('macros.name'), t('macros.actions'), t('macros.visibility')]}>
              {list.map((m) => (
                <tr key={m.id} data-testid="macro-row" data-shared={m.shared}>
                  <td>{m.name}</td>
                  <td className="small">
                    <ol className="macro-step-list">
                      {m.actions.map((a, i) => (
                        <li key={i}>{words(a)}</li>
                      ))}
                    </ol>
                  </td>
                  <td>{t(m.shared ? 'macros.shared' : 'macros.personal')}</td>
                  <td className="row-actions">
                    {m.editable && (
                      <>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('macros.editNamed', { name: m.name })}
                          onClick={() => setEditing(m)}
                        >
                          {t('admin.form.edit')}
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('macros.deleteNamed', { name: m.name })}
                          onClick={() => confirmRemove(m)}
                        >
                          {t('admin.form.delete')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </AdminTable>
          );
        }}
      </QueryState>
    </section>
  );
}
