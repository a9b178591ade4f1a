import type { FormEvent } from 'react';
import { useState } from 'react';
import { useUsers } from '../../api/queries/use-conversations';
import type { TeamView } from '../../api/queries/use-teams';
import { useChangeTeam } from '../../api/queries/use-teams';
import { useI18n } from '../../i18n/i18n';
import { AdminError } from '../admin/admin-error';

const FIELDS = {
  name: 'teams.name',
  description: 'teams.description',
  maxOpenPerMember: 'teams.cap',
  webhookUrl: 'teams.webhookUrl',
  memberIds: 'teams.members',
} as const;

/** Name, description, cap, active, webhook, members (officers and administrators who take conversations). */
export function TeamForm({ team, onDone }: { team?: TeamView; onDone(saved?: TeamView): void }) {
  const { t } = useI18n();
  const change = useChangeTeam();
  const users = (useUsers().data ?? []).filter(
    (u) => u.active && (u.roles.includes('officer') || u.roles.includes('admin')),
  );
  const [name, setName] = useState(team?.name ?? '');
  const [description, setDescription] = useState(team?.description ?? '');
  const [cap, setCap] = useState(team?.maxOpenPerMember ? String(team.maxOpenPerMember) : '');
  const [active, setActive] = useState(team?.active ?? true);
  const [webhookUrl, setWebhookUrl] = useState(team?.webhookUrl ?? '');
  const [memberIds, setMemberIds] = useState<string[]>(team?.members.map((m) => m.id) ?? []);
  const toggle = (id: string) => setMemberIds((ids) => (ids.includes(id) ? ids.filter((x) => x !== id) : [...ids, id]));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input = {
      name: name.trim(),
      description: description.trim() || null,
      maxOpenPerMember: cap.trim() ? Number(cap) : null,
      active,
      webhookUrl: webhookUrl.trim() || null,
      memberIds,
    };
    change.mutate({ id: team?.id, input }, { onSuccess: (saved) => onDone(saved ?? undefined) });
  };

  return (
    <form
      className="admin-form"
      aria-label={team ? t('teams.editNamed', { name: team.name }) : t('teams.new')}
      onSubmit={submit}
      data-testid="team-form"
    >
      <label>
        {t('teams.name')}
        <input required maxLength={80} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('teams.description')}
        <input maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} />
      </label>
      <label>
        {t('teams.cap')}
        <input
          type="number"
          min={1}
          max={500}
          inputMode="numeric"
          placeholder={t('teams.capHint')}
          value={cap}
          onChange={(e) => setCap(e.target.value)}
        />
      </label>
      <label className="full">
        {t('teams.webhookUrl')}
        <input
          type="url"
          maxLength={2048}
          placeholder="https://"
          value={webhookUrl}
          onChange={(e) => setWebhookUrl(e.target.value)}
          aria-describedby="team-webhook-hint"
        />
        <span id="team-webhook-hint" className="small muted">
          {t('teams.webhookHint')}
        </span>
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> {t('teams.active')}
      </label>
      <fieldset className="full">
        <legend>{t('teams.members')}</legend>
        {users.map((u) => (
          <label key={u.id} className="checkbox">
            <input type="checkbox" checked={memberIds.includes(u.id)} onChange={() => toggle(u.id)} />{' '}
            <span data-user-content>{u.displayName}</span>
          </label>
        ))}
      </fieldset>
      <AdminError error={change.error} fields={FIELDS} />
      <div className="item-line full">
        <button type="submit" disabled={change.isPending}>
          {team ? t('teams.save') : t('teams.create')}
        </button>
        <button type="button" className="secondary" onClick={() => onDone()}>
          {t('teams.cancel')}
        </button>
      </div>
    </form>
  );
}
