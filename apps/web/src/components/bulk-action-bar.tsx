import { useState } from 'react';
import type { BulkActionName } from '../api/queries/use-conversations';
import { useBulkAction, useUsers } from '../api/queries/use-conversations';
import type { ConversationView } from '../api/types';
import { useI18n } from '../i18n/i18n';
import type { Permissions } from '../roles';
import { conversationName } from './conversation-list-item';

const DONE = {
  assign: 'list.bulk.done.assign',
  tag: 'list.bulk.done.tag',
  close: 'list.bulk.done.close',
  read: 'list.bulk.done.read',
} as const;

interface Props {
  selected: ConversationView[];
  can: Permissions;
  onClear(): void;
  /** The result sentence, for the screen's live region. */
  onReport(message: string, failed: boolean): void;
}

/** Assign, tag, close or mark read every selected conversation at once; names those that failed. */
export function BulkActionBar({ selected, can, onClear, onReport }: Props) {
  const { t, format } = useI18n();
  const bulk = useBulkAction();
  const officers = (useUsers(can.listUsers).data ?? []).filter(
    (u) => u.active && u.roles.some((r) => r === 'officer' || r === 'admin'),
  );
  const [officer, setOfficer] = useState('');
  const [tag, setTag] = useState('');

  const run = (action: BulkActionName, value?: string | null) => {
    const names = new Map(selected.map((c) => [c.id, conversationName(c, t('msg.citizen'))]));
    bulk.mutate(
      { ids: selected.map((c) => c.id), action, value },
      {
        onSuccess: (result) => {
          const parts = [t(DONE[action], { count: format.number(result.updated) })];
          if (result.skippedIds.length > 0) {
            parts.push(
              t('list.bulk.skipped', {
                count: format.number(result.skippedIds.length),
                names: result.skippedIds.map((id) => names.get(id) ?? t('msg.citizen')).join(', '),
              }),
            );
          }
          onReport(parts.join('. '), result.skippedIds.length > 0);
          if (action === 'tag') {
            setTag('');
          }
          onClear();
        },
        onError: () => onReport(t('list.bulk.failed'), true),
      },
    );
  };

  return (
    <div className="bulk-bar" role="toolbar" aria-label={t('list.bulk.label')} data-testid="bulk-bar">
      <div className="bulk-row">
        <strong className="bulk-count">{t('list.bulk.selected', { count: format.number(selected.length) })}</strong>
        <button type="button" className="link-button small" onClick={onClear}>
          {t('list.bulk.clear')}
        </button>
      </div>
      <button type="button" disabled={bulk.isPending} onClick={() => run('close')}>
        {t('list.bulk.close')}
      </button>
      <button type="button" className="secondary" disabled={bulk.isPending} onClick={() => run('assign', 'me')}>
        {t('list.bulk.assignMe')}
      </button>
      <button type="button" className="secondary" disabled={bulk.isPending} onClick={() => run('read')}>
        {t('list.bulk.read')}
      </button>
      {can.listUsers && (
        <form
          className="bulk-inline"
          onSubmit={(e) => {
            e.preventDefault();
            if (officer) {
              run('assign', officer);
            }
          }}
        >
          <label>
            <span className="visually-hidden">{t('list.bulk.officer')}</span>
            <select aria-label={t('list.bulk.officer')} value={officer} onChange={(e) => setOfficer(e.target.value)}>
              <option value="">{t('list.bulk.chooseOfficer')}</option>
              {officers.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.displayName}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="secondary" disabled={bulk.isPending || !officer}>
            {t('list.bulk.assign')}
          </button>
        </form>
      )}
      <form
        className="bulk-inline"
        onSubmit={(e) => {
          e.preventDefault();
          if (tag.trim()) {
            run('tag', tag.trim());
          }
        }}
      >
        <label>
          <span className="visually-hidden">{t('list.bulk.tag')}</span>
          <input
            type="text"
            aria-label={t('list.bulk.tag')}
            placeholder={t('list.bulk.tag')}
            value={tag}
            maxLength={64}
            onChange={(e) => setTag(e.target.value)}
          />
        </label>
        <button type="submit" className="secondary" disabled={bulk.isPending || !tag.trim()}>
          {t('list.bulk.addTag')}
        </button>
      </form>
    </div>
  );
}
