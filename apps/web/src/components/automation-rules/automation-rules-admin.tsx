import { useState } from 'react';
import type { AutomationRule } from '../../api/queries/use-automation-rules';
import {
  useAutomationRules,
  useChangeAutomationRule,
  useReorderAutomationRules,
} from '../../api/queries/use-automation-rules';
import { useI18n } from '../../i18n/i18n';
import { AdminError } from '../admin/admin-error';
import { AdminTable } from '../admin/admin-table';
import { QueryState } from '../query-state';
import { RuleEditor } from './rule-editor';
import { useRuleWords } from './use-rule-words';
import './automation-rules.css';

/** "Otomasyon kuralları": the ordered rules with their switch, what each does in words, and the editor. */
export function AutomationRulesAdmin() {
  const { t, format } = useI18n();
  const query = useAutomationRules();
  const rules = query.data ?? [];
  const change = useChangeAutomationRule();
  const reorder = useReorderAutomationRules();
  const words = useRuleWords();
  const [editing, setEditing] = useState<AutomationRule | 'new' | null>(null);

  const move = (index: number, by: -1 | 1) => {
    const ids = rules.map((r) => r.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    reorder.mutate(ids);
  };
  const remove = (rule: AutomationRule) => {
    if (window.confirm(t('rules.deleteConfirm', { name: rule.name }))) {
      change.mutate({ id: rule.id, remove: true });
    }
  };

  return (
    <div className="stack">
      <section className="card" aria-labelledby="automation-rules-title">
        <div className="item-line">
          <h2 id="automation-rules-title">{t('rules.title')}</h2>
          {editing === null && (
            <button type="button" className="push" onClick={() => setEditing('new')} data-testid="rule-new">
              {t('rules.new')}
            </button>
          )}
        </div>
        <p className="muted small">{t('rules.explain')}</p>
        {editing !== null && (
          <RuleEditor
            key={editing === 'new' ? 'new' : editing.id}
            rule={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        )}
        <AdminError error={change.error ?? reorder.error} fields={{}} />
      </section>
      <QueryState query={query}>{() => null}</QueryState>
      {query.isSuccess && rules.length === 0 && <p className="card muted">{t('rules.empty')}</p>}
      {rules.length > 0 && (
        <section className="card" aria-label={t('rules.title')}>
          <AdminTable
            testId="automation-rules"
            headers={[t('rules.order'), t('rules.name'), t('rules.summary'), t('rules.fired'), t('rules.state')]}
          >
            {rules.map((rule, index) => (
              <tr key={rule.id} data-testid="automation-rule-row" data-enabled={rule.enabled}>
                <td className="rule-order">
                  <span className="rule-position">{format.number(index + 1)}</span>
                  <span className="rule-move">
                    <button
                      type="button"
                      className="secondary icon"
                      disabled={index === 0 || reorder.isPending}
                      aria-label={t('rules.moveUp', { name: rule.name })}
                      onClick={() => move(index, -1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      className="secondary icon"
                      disabled={index === rules.length - 1 || reorder.isPending}
                      aria-label={t('rules.moveDown', { name: rule.name })}
                      onClick={() => move(index, 1)}
                    >
                      ↓
                    </button>
                  </span>
                </td>
                <td>
                  <strong data-user-content>{rule.name}</strong>
                  {rule.stopHere && <span className="badge">{t('rules.stopsHere')}</span>}
                </td>
                <td className="small rule-summary">
                  <div>
                    <strong>{t('rules.when')}:</strong> {t(`rules.event.${rule.event}`)}
                  </div>
                  <div>
                    <strong>{t('rules.if')}:</strong>{' '}
                    <span data-user-content>{words.conditions(rule.conditions, rule.match)}</span>
                  </div>
                  <div>
                    <strong>{t('rules.then')}:</strong> <span data-user-content>{words.actions(rule.actions)}</span>
                  </div>
                </td>
                <td className="small">
                  {rule.firings === 0 ? (
                    <span className="muted">{t('rules.neverFired')}</span>
                  ) : (
                    <>
                      {t('rules.firedCount', { count: format.number(rule.firings) })}
                      {rule.lastFiredAt && (
                        <div className="muted">{t('rules.lastFired', { when: format.dateTime(rule.lastFiredAt) })}</div>
                      )}
                    </>
                  )}
                </td>
                <td>
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      checked={rule.enabled}
                      aria-label={t(rule.enabled ? 'rules.switchOff' : 'rules.switchOn', { name: rule.name })}
                      onChange={(e) => change.mutate({ id: rule.id, input: { enabled: e.target.checked } })}
                      data-testid="rule-switch"
                    />{' '}
                    {t(rule.enabled ? 'rules.on' : 'rules.off')}
                  </label>
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('rules.editNamed', { name: rule.name })}
                    onClick={() => setEditing(rule)}
                  >
                    {t('rules.edit')}
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('rules.deleteNamed', { name: rule.name })}
                    onClick={() => remove(rule)}
                  >
                    {t('rules.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </AdminTable>
        </section>
      )}
    </div>
  );
}
