import { useSyncExternalStore } from 'react';

export interface NotificationSettings {
  /** Desktop notifications (the browser's permission is asked only when the officer turns this on). */
  desktop: boolean;
  sound: boolean;
}

const STORAGE_KEY = 'civic-inbox.notifications';
const OFF: NotificationSettings = { desktop: false, sound: false };
const listeners = new Set<() => void>();
let current: NotificationSettings | null = null;

function read(): NotificationSettings {
  if (!current) {
    try {
      const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<NotificationSettings> | null;
      current = { desktop: stored?.desktop === true, sound: stored?.sound === true };
    } catch {
      current = OFF;
    }
  }
  return current;
}

/** This browser's choice, kept in localStorage: notifications follow the officer's computer, not the account. */
export function saveNotificationSettings(next: NotificationSettings): void {
  current = next;
  localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  for (const listener of listeners) {
    listener();
  }
}

export function notificationSettings(): NotificationSettings {
  return read();
}

export function useNotificationSettings(): NotificationSettings {
  return useSyncExternalStore((listener) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }, read);
}

let audio: AudioContext | null = null;

/** Called from the officer's click, so the browser lets the page play sound later. */
export function primeSound(): void {
  audio ??= new AudioContext();
  void audio.resume();
}

// After a reload the browser lets sound play only after the officer's first click or key on the page.
for (const type of ['pointerdown', 'keydown']) {
  window.addEventListener(
    type,
    () => {
      if (read().sound) {
        primeSound();
      }
    },
    { once: true, capture: true },
  );
}

/** A short two-tone beep made with WebAudio: no sound file to download. */
export function beep(): void {
  if (!audio) {
    return;
  }
  const start = audio.currentTime;
  for (const [offset, frequency] of [
    [0, 880],
    [0.14, 1175],
  ] as const) {
    const tone = audio.createOscillator();
    const gain = audio.createGain();
    tone.type = 'sine';
    tone.frequency.value = frequency;
    gain.gain.setValueAtTime(0.0001, start + offset);
    gain.gain.exponentialRampToValueAtTime(0.2, start + offset + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, start + offset + 0.12);
    tone.connect(gain).connect(audio.destination);
    tone.start(start + offset);
    tone.stop(start + offset + 0.13);
  }
}
