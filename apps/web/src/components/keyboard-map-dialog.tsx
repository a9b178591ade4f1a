import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n';
import type { MessageKey } from '../i18n/tr';

/** Every shortcut of the inbox, in the order an officer meets them. */
export const SHORTCUTS: readonly { keys: string[]; label: MessageKey }[] = [
  { keys: ['j'], label: 'list.keys.next' },
  { keys: ['k'], label: 'list.keys.previous' },
  { keys: ['u'], label: 'list.keys.nextUnread' },
  { keys: ['r'], label: 'list.keys.reply' },
  { keys: ['/'], label: 'list.keys.canned' },
  { keys: ['Ctrl', 'Enter'], label: 'list.keys.send' },
  { keys: ['e'], label: 'list.keys.close' },
  { keys: ['a'], label: 'list.keys.assignMe' },
  { keys: ['c'], label: 'list.keys.case' },
  { keys: ['x'], label: 'list.keys.select' },
  { keys: ['Shift', 'x'], label: 'list.keys.range' },
  { keys: ['?'], label: 'list.keys.map' },
  { keys: ['Esc'], label: 'list.keys.escape' },
];

/**
 * The keyboard map as a modal dialog: the browser keeps focus inside it and Esc closes it; on closing,
 * focus goes back to where it was.
 */
export function KeyboardMapDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const { t } = useI18n();
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) {
      return;
    }
    if (open && !element.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  return (
    <dialog
      ref={dialog}
      className="keyboard-map"
      aria-labelledby="keyboard-map-title"
      data-testid="keyboard-map"
      onClose={() => {
        onClose();
        returnTo.current?.focus();
        returnTo.current = null;
      }}
    >
      <div className="dialog-head">
        <h2 id="keyboard-map-title">{t('list.keys.title')}</h2>
        <button type="button" className="secondary" onClick={() => dialog.current?.close()} autoFocus>
          {t('list.keys.closeDialog')}
        </button>
      </div>
      <p className="muted small">{t('list.keys.intro')}</p>
      <table className="keys-table">
        <thead>
          <tr>
            <th scope="col">{t('list.keys.key')}</th>
            <th scope="col">{t('list.keys.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map(({ keys, label }) => (
            <tr key={label}>
              <td>
                {keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && ' + '}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(label)}</td>
            </tr>
          ))}
          <tr>
            <td>{t('list.keys.shiftClick')}</td>
            <td>{t('list.keys.range')}</td>
          </tr>
        </tbody>
      </table>
    </dialog>
  );
}
