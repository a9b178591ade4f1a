import { useI18n } from '../../i18n/i18n';
import { KIND_GROUPS, kindName } from './notice-words';
import type { KindDraft } from './settings-draft';

/**
 * Every kind in its group: a row to open its text and a switch to turn it on or off right there.
 * Changed rows are marked until saved; a row whose save was refused is marked as an error.
 */
export function KindList({
  kinds,
  selected,
  changed,
  withErrors,
  onSelect,
  onToggle,
}: {
  kinds: Record<string, KindDraft>;
  selected: string;
  changed: ReadonlySet<string>;
  withErrors: ReadonlySet<string>;
  onSelect(kind: string): void;
  onToggle(kind: string, enabled: boolean): void;
}) {
  const { t } = useI18n();
  const grouped = new Set(KIND_GROUPS.flatMap((g) => g.kinds));
  // A kind the server has that this build has no group for is listed last, never hidden.
  const groups = [
    ...KIND_GROUPS,
    { title: 'cm.kind.other' as const, kinds: Object.keys(kinds).filter((k) => !grouped.has(k)) },
  ].map((g) => ({ ...g, kinds: g.kinds.filter((k) => kinds[k]) }));

  return (
    <nav className="cm-kind-list card" aria-label={t('cm.kinds')}>
      {groups
        .filter((g) => g.kinds.length > 0)
        .map((g) => (
          <div key={g.title} className="cm-kind-group">
            <h3 className="cm-group-title">{t(g.title)}</h3>
            <ul>
              {g.kinds.map((kind) => {
                const name = kindName(t, kind);
                const k = kinds[kind];
                return (
                  <li
                    key={kind}
                    className={`cm-kind-row${kind === selected ? ' selected' : ''}${k.enabled ? '' : ' off'}`}
                    data-testid="cm-kind-row"
                    data-kind={kind}
                  >
                    <button
                      type="button"
                      className="cm-kind-select"
                      aria-current={kind === selected ? 'true' : undefined}
                      onClick={() => onSelect(kind)}
                    >
                      {name}
                    </button>
                    {withErrors.has(kind) ? (
                      <span className="cm-mark cm-mark-error" title={t('cm.hasError')}>
                        !
                      </span>
                    ) : (
                      changed.has(kind) && <span className="cm-mark">{t('cm.changed')}</span>
                    )}
                    <label className="cm-switch compact">
                      <input
                        type="checkbox"
                        role="switch"
                        checked={k.enabled}
                        aria-label={t('cm.enabledNamed', { name })}
                        onChange={(e) => onToggle(kind, e.target.checked)}
                      />
                      <span aria-hidden="true">{k.enabled ? t('cm.on') : t('cm.off')}</span>
                    </label>
                  </li>
                );
              })}
            </ul>
          </div>
        ))}
    </nav>
  );
}
