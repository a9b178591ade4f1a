import { useState } from 'react';
import { useI18n } from '../i18n/i18n';
import { primeSound, saveNotificationSettings, useNotificationSettings } from './notification-settings';

/** Notifications and sound on or off; the browser's permission is asked only on the officer's click. */
export function NotificationSettingsPanel() {
  const { t } = useI18n();
  const settings = useNotificationSettings();
  const supported = typeof Notification !== 'undefined';
  const [denied, setDenied] = useState(supported && Notification.permission === 'denied');

  const setDesktop = async (on: boolean) => {
    if (on && supported && Notification.permission !== 'granted') {
      const answer = await Notification.requestPermission();
      if (answer !== 'granted') {
        setDenied(true);
        saveNotificationSettings({ ...settings, desktop: false });
        return;
      }
    }
    setDenied(false);
    saveNotificationSettings({ ...settings, desktop: on });
  };

  const setSound = (on: boolean) => {
    if (on) {
      primeSound();
    }
    saveNotificationSettings({ ...settings, sound: on });
  };

  return (
    <details className="notify-menu">
      <summary className="secondary-summary">{t('list.notifyButton')}</summary>
      <fieldset className="notify-panel">
        <legend>{t('list.notify.title')}</legend>
        <p className="muted small">{t('list.notify.explain')}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.desktop}
            disabled={!supported}
            onChange={(e) => void setDesktop(e.target.checked)}
          />
          {t('list.notify.desktop')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={settings.sound} onChange={(e) => setSound(e.target.checked)} />
          {t('list.notify.sound')}
        </label>
        {!supported && <p className="muted small">{t('list.notify.unsupported')}</p>}
        {denied && (
          <p className="error small" role="alert">
            {t('list.notify.denied')}
          </p>
        )}
      </fieldset>
    </details>
  );
}
