import type { KeyboardEvent } from 'react';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMacros, useRunMacro } from '../../api/queries/use-macros';
import type { ActionOutcome, Macro, MacroRun } from '../../api/queries/use-macros';
import type { SessionUser } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/tr';
import { useActionWords, useMacroLookups } from './macro-lookups';
import './macros.css';

const KNOWN_REASONS = new Set([
  'no_change',
  'teams_unavailable',
  'team_not_found',
  'team_inactive',
  'officer_unavailable',
  'case_already_open',
  'no_open_case',
  'unknown_category',
  'no_confident_suggestion',
  'unknown_department',
  'unknown_external_body',
  'case_transition_not_allowed',
  'canned_response_unavailable',
  'reply_refused',
  'no_team_emails',
  'no_team_webhook',
  'mail_not_configured',
  'conversation_not_found',
  'invalid_value',
]);

/**
 * "Makro çalıştır": a menu of the user's personal and the shared macros (arrow keys, Enter, Escape),
 * then what each step did, in words.
 */
export function RunMacroMenu({
  conversationId,
  user,
  isAdmin,
}: {
  conversationId: string;
  user: SessionUser;
  isAdmin: boolean;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const macros = useMacros(open);
  const run = useRunMacro(conversationId);
  const [last, setLast] = useState<{ macro: Macro; run: MacroRun } | null>(null);
  const button = useRef<HTMLButtonElement>(null);
  const items = useRef<(HTMLButtonElement | null)[]>([]);
  const list = macros.data ?? [];

  useEffect(() => {
    if (open && list.length > 0) {
      items.current[0]?.focus();
    }
  }, [open, list.length]);
  useEffect(() => setLast(null), [conversationId]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (macro: Macro) => {
    close();
    run.mutate(macro.id, { onSuccess: (result) => setLast({ macro, run: result }) });
  };
  const onKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.current.findIndex((el) => el === document.activeElement);
    const focus = (i: number) => items.current[(i + list.length) % list.length]?.focus();
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      focus(index + 1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focus(index - 1);
    } else if (event.key === 'Home') {
      event.preventDefault();
      focus(0);
    } else if (event.key === 'End') {
      event.preventDefault();
      focus(list.length - 1);
    }
  };

  return (
    <div className="macro-menu-anchor">
      <button
        ref={button}
        type="button"
        className="secondary"
        aria-haspopup="menu"
        aria-expanded={open}
        disabled={run.isPending}
        onClick={() => setOpen(!open)}
        data-testid="run-macro"
      >
        {t('macros.run')}
      </button>
      {open && (
        <div className="macro-menu" role="menu" aria-label={t('macros.runMenu')} onKeyDown={onKey}>
          {macros.isLoading && <p className="muted small">…</p>}
          {macros.isSuccess && list.length === 0 && <p className="muted small">{t('macros.noMacros')}</p>}
          {list.map((macro, i) => (
            <button
              key={macro.id}
              ref={(el) => {
                items.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="macro-menu-item"
              onClick={() => choose(macro)}
              data-testid="macro-menu-item"
            >
              <span>{macro.name}</span>
              <span className="muted small">{t(macro.shared ? 'macros.shared' : 'macros.personal')}</span>
            </button>
          ))}
          <Link className="small macro-menu-manage" to="/settings/macros" role="menuitem" tabIndex={-1}>
            {t('macros.manage')}
          </Link>
        </div>
      )}
      {run.error && (
        <p role="alert" className="error">
          {t('common.error', { message: run.error.message })}
        </p>
      )}
      {last && (
        <MacroOutcomes macro={last.macro} run={last.run} user={user} isAdmin={isAdmin} onClose={() => setLast(null)} />
      )}
    </div>
  );
}

/** What each step did: "Başvuru aç: Yol / çukur — yapıldı", "Etiket ekle: yol — atlandı (zaten öyleydi)". */
function MacroOutcomes({
  macro,
  run,
  user,
  isAdmin,
  onClose,
}: {
  macro: Macro;
  run: MacroRun;
  user: SessionUser;
  isAdmin: boolean;
  onClose(): void;
}) {
  const { t } = useI18n();
  const words = useActionWords(useMacroLookups(user, isAdmin));
  const reason = (o: ActionOutcome) =>
    o.reason ? t(`macros.reason.${KNOWN_REASONS.has(o.reason) ? o.reason : 'other'}` as MessageKey) : null;
  return (
    <div className="macro-outcomes" role="status" data-testid="macro-outcomes">
      <div className="item-line">
        <strong>{t('macros.ran', { name: run.macroName })}</strong>
        <button type="button" className="secondary small push" onClick={onClose}>
          {t('macros.dismiss')}
        </button>
      </div>
      <ol>
        {run.outcomes.map((o, i) => (
          <li
            key={i}
            className={`macro-outcome macro-outcome-${o.result}`}
            data-testid="macro-outcome"
            data-result={o.result}
          >
            <span aria-hidden="true" className="macro-outcome-mark">
              {o.result === 'done' ? '✓' : o.result === 'skipped' ? '–' : '✕'}
            </span>{' '}
            {macro.actions[i] ? words(macro.actions[i]) : t(`macros.act.${o.kind}` as MessageKey)}:{' '}
            <strong>{t(`macros.result.${o.result}` as MessageKey)}</strong>
            {reason(o) ? ` (${reason(o)})` : ''}
          </li>
        ))}
      </ol>
    </div>
  );
}
